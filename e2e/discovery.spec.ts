import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Page as TitlePage, Title } from '@marquee/contracts';
import { registerThroughApi } from './support';

const artifacts = path.join(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** A title of the embedded catalog found by its exact name through search. */
async function titleNamed(page: Page, name: string, mediaType: 'movie' | 'tv' = 'movie'): Promise<Title> {
  const body = (await (await page.request.get(`/api/movies/search?q=${encodeURIComponent(name)}`)).json()) as TitlePage;
  const found = body.results.find((title) => title.title === name && title.media_type === mediaType);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
}

async function expectNoSeriousViolations(page: Page, where: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `axe on ${where}`).toEqual([]);
}

test('a film’s dialog: certification, director, thumbs that stick, "More like this" opening in place, and a row made from the thumbs', async ({ page }) => {
  await registerThroughApi(page, 'discovery');
  const toyStory = await titleNamed(page, 'Toy Story');

  await page.goto(`/title/movie/${toyStory.id}`);
  const dialog = page.getByRole('dialog', { name: 'Toy Story', exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('G', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Director', { exact: true })).toBeVisible();
  await expect(dialog.getByText('John Lasseter', { exact: true })).toBeVisible();
  // Embedded mode knows no offers: no "Where to watch".
  await expect(dialog.getByRole('region', { name: 'More like this' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Where to watch' })).toHaveCount(0);

  const like = dialog.getByRole('button', { name: 'I like this' });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByRole('button', { name: 'Not for me' })).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Toy Story', exact: true }).getByRole('button', { name: 'I like this' })).toHaveAttribute('aria-pressed', 'true');

  const more = page.getByRole('region', { name: 'More like this' });
  await more.scrollIntoViewIfNeeded();
  const sequel = more.getByRole('link', { name: 'Toy Story 2', exact: true });
  await sequel.scrollIntoViewIfNeeded();
  await sequel.click();
  await expect(page.getByRole('dialog', { name: 'Toy Story 2', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/title\/movie\/\d+$/);
  await expect(page.getByRole('dialog')).toHaveCount(1);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const row = page.getByRole('region', { name: 'Because you liked Toy Story', exact: true });
  await expect(row).toBeVisible();
  await expect(row.getByRole('link').first()).toBeVisible();
  // After "Trending Now".
  const names = await page.locator('section.row h2').allTextContents();
  expect(names.indexOf('Because you liked Toy Story')).toBe(names.indexOf('Trending Now') + 1);
});

test('a series’ dialog: Created by, a Season combobox listing its seasons; axe-clean with its sections', async ({ page }) => {
  await registerThroughApi(page, 'series');
  const show = await titleNamed(page, 'Breaking Bad', 'tv');
  await page.goto(`/title/tv/${show.id}`);
  const dialog = page.getByRole('dialog', { name: 'Breaking Bad', exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Created by', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Vince Gilligan', { exact: true })).toBeVisible();
  const season = dialog.getByRole('combobox', { name: 'Season' });
  await expect(season.getByRole('option')).toHaveText(['Season 1', 'Season 2', 'Season 3', 'Season 4', 'Season 5']);
  await season.selectOption({ label: 'Season 3' });
  await expect(dialog.getByText(/episode list of this season isn’t available/)).toBeVisible();
  // Sections below the fold load when scrolled to.
  const more = dialog.getByRole('region', { name: 'More like this' });
  await more.scrollIntoViewIfNeeded();
  await expect(more.getByRole('link', { name: 'Better Call Saul', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'series dialog');
});

const viewports = [
  { label: '1440', width: 1440, height: 900 },
  { label: '390', width: 390, height: 844 },
];

for (const viewport of viewports) {
  test(`screenshots of the discovery dialog (film, series) and browse with personal rows at ${viewport.label} px`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const { headers } = await registerThroughApi(page, `discovery-shots${viewport.label}`);
    const film = await titleNamed(page, 'The Dark Knight');
    const show = await titleNamed(page, 'Star Trek: The Next Generation', 'tv');
    await page.request.put(`/api/ratings/${film.id}?media_type=movie`, { headers, data: { rating: 'up' } });
    await page.request.post(`/api/watchlist/${show.id}?media_type=tv`, { headers });

    for (const [title, url, file] of [
      [film.title, `/title/movie/${film.id}`, 'film'],
      [show.title, `/title/tv/${show.id}`, 'series'],
    ] as const) {
      await page.goto(url);
      const dialog = page.getByRole('dialog', { name: title, exact: true });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'I like this' })).toBeEnabled();
      await page.waitForTimeout(300); // the dialog's entrance animation
      await page.screenshot({ path: path.join(artifacts, `discovery-${file}-${viewport.label}.png`) });
      const more = dialog.getByRole('region', { name: 'More like this' });
      await more.scrollIntoViewIfNeeded();
      await expect(more.getByRole('link').first()).toBeVisible();
      await page.waitForFunction(() => Array.from(document.querySelectorAll('.similar img')).every((image) => (image as HTMLImageElement).complete));
      await page.screenshot({ path: path.join(artifacts, `discovery-${file}-more-${viewport.label}.png`) });
    }

    await page.goto('/');
    const row = page.getByRole('region', { name: `Because you liked ${film.title}`, exact: true });
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('region', { name: `Because you added ${show.title}`, exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, `discovery-browse-${viewport.label}.png`) });
  });
}
