import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { featuredTitle, firstSearchResult, registerThroughApi } from './support';

const artifacts = path.join(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const viewports = [
  { label: '1440', width: 1440, height: 900 },
  { label: '390', width: 390, height: 844 },
];

/** Waits until nothing on the page is loading, so the screenshot shows content, not skeletons. */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

/** Fails when the page is wider than the viewport (horizontal overflow on a phone). */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * The whole page, as someone scrolling through it sees it. Cards out of sight are not rendered
 * (content-visibility) and load their posters lazily, and a capture beyond the viewport does not
 * scroll: so render every card, scroll down once to load the posters, and wait for those in view.
 */
async function fullPageScreenshot(page: Page, file: string) {
  await page.addStyleTag({ content: '.title-card { content-visibility: visible !important; }' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete || image.getBoundingClientRect().left >= window.innerWidth));
  await page.screenshot({ path: file, fullPage: true });
}

for (const viewport of viewports) {
  test(`screenshots of browse, search, details and My List at ${viewport.label} px`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `login-${viewport.label}.png`) });

    const { headers } = await registerThroughApi(page, `shots${viewport.label}`);
    const featured = await featuredTitle(page);
    const pick = await firstSearchResult(page, 'q=star');
    await page.request.post(`/api/watchlist/${pick.id}?media_type=${pick.media_type}`, { headers });
    await page.request.post(`/api/watchlist/${featured.id}?media_type=${featured.media_type}`, { headers });

    await page.goto('/');
    await expect(page.getByRole('region', { name: featured.title, exact: true })).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `browse-${viewport.label}.png`) });
    await fullPageScreenshot(page, path.join(artifacts, `browse-full-${viewport.label}.png`));

    await page.goto('/search?q=star');
    await expect(page.getByRole('list').getByRole('link').first()).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `search-${viewport.label}.png`) });

    // A genre's page, grown by a scroll to its second page and beyond.
    await page.goto('/search?genre=35');
    await expect(page.getByRole('heading', { name: 'Comedy', level: 1 })).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `genre-${viewport.label}.png`) });
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.getByRole('list', { name: 'Search results', exact: true }).getByRole('listitem').count()).toBeGreaterThan(40);
    await settled(page);
    await page.screenshot({ path: path.join(artifacts, `genre-scrolled-${viewport.label}.png`) });

    // A query that names a genre offers it.
    await page.goto('/search?q=comedy');
    await expect(page.getByRole('link', { name: 'Browse Comedy' })).toBeVisible();
    await settled(page);
    await page.screenshot({ path: path.join(artifacts, `search-genre-offer-${viewport.label}.png`) });

    await page.goto('/search?q=star');
    await expect(page.getByRole('list').getByRole('link').first()).toBeVisible();
    await settled(page);
    await page.getByRole('link', { name: pick.title, exact: true }).first().click();
    await expect(page.getByRole('dialog', { name: pick.title, exact: true })).toBeVisible();
    await settled(page);
    await page.waitForTimeout(300); // the dialog's entrance animation
    await page.screenshot({ path: path.join(artifacts, `details-${viewport.label}.png`) });

    await page.goto('/my-list');
    await expect(page.getByRole('link', { name: pick.title, exact: true })).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `my-list-${viewport.label}.png`) });
    if (viewport.width < 720) {
      // The phone's search field, opened: a row of its own, the heading below it.
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
      await page.screenshot({ path: path.join(artifacts, `my-list-search-open-${viewport.label}.png`) });
      await page.getByRole('button', { name: 'Search', exact: true }).click();
    }

    await page.goto('/');
    await expect(page.getByRole('region', { name: featured.title, exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'More info' }).click();
    await expect(page.getByRole('dialog', { name: featured.title, exact: true })).toBeVisible();
    await settled(page);
    await page.waitForTimeout(300); // the dialog's entrance animation
    await page.screenshot({ path: path.join(artifacts, `more-info-${viewport.label}.png`) });
  });
}

for (const viewport of viewports) {
  test(`screenshots of who's watching, manage profiles, its dialogs and kids browse at ${viewport.label} px`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const account = await registerThroughApi(page, `profileshots${viewport.label}`);
    const add = async (data: Record<string, unknown>) => {
      const response = await page.request.post('/api/profiles', { headers: account.headers, data });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    await add({ name: 'Maya', avatar: 'plum', maturity: 'teens' });
    await add({ name: 'Leo', avatar: 'sunny', kids: true, maturity: 'little_kids' });
    const locked = await add({ name: 'Grandpa', avatar: 'ink' });
    expect((await page.request.patch(`/api/profiles/${locked}`, { headers: account.headers, data: { pin: '1234', current_password: account.password } })).status()).toBe(200);

    await page.goto('/profiles');
    await expect(page.getByRole('button', { name: 'Leo', exact: true })).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `profiles-${viewport.label}.png`) });

    await page.getByRole('button', { name: 'Grandpa', exact: true }).click();
    const pin = page.getByRole('dialog', { name: 'Enter PIN' });
    await pin.getByLabel('PIN').fill('9999');
    await pin.getByRole('button', { name: 'Unlock' }).click();
    await expect(pin.getByRole('alert')).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, `profiles-pin-${viewport.label}.png`) });
    await page.keyboard.press('Escape');

    await page.goto('/profiles/manage');
    await expect(page.getByRole('button', { name: 'Edit Leo' })).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `profiles-manage-${viewport.label}.png`) });

    await page.getByRole('button', { name: 'Add profile' }).click();
    await expect(page.getByRole('dialog', { name: 'Add profile' })).toBeVisible();
    await page.waitForTimeout(300); // the dialog's entrance animation
    await page.screenshot({ path: path.join(artifacts, `profiles-add-${viewport.label}.png`) });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Edit Grandpa' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Grandpa' });
    await edit.getByRole('combobox', { name: 'Maturity' }).selectOption({ label: 'Teens' });
    await edit.getByLabel('PIN').fill('');
    await expect(edit.getByLabel('Current password')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `profiles-edit-${viewport.label}.png`) });
    await edit.getByRole('button', { name: 'Delete profile' }).click();
    await expect(edit.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, `profiles-delete-${viewport.label}.png`) });
    await page.keyboard.press('Escape');

    // Kids browse: switch to Leo, then his browse page and the account menu.
    await page.goto('/profiles');
    await page.getByRole('button', { name: 'Leo', exact: true }).click();
    await expect(page.getByRole('banner').getByText('Kids', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Popular', exact: true }).getByRole('link').first()).toBeVisible();
    await settled(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, `kids-browse-${viewport.label}.png`) });
    await page.getByRole('button', { name: 'Account' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, `kids-menu-${viewport.label}.png`) });
    await page.keyboard.press('Escape');

    const popular = (await (await page.request.get('/api/movies/popular')).json()) as { results: Array<{ id: number; media_type: string }> };
    let restricted: { id: number } | undefined;
    for (const title of popular.results.filter((t) => t.media_type === 'movie')) {
      const details = (await (await page.request.get(`/api/movies/${title.id}?media_type=movie`)).json()) as { certification: string | null };
      if (details.certification === 'R') {
        restricted = title;
        break;
      }
    }
    expect(restricted).toBeDefined();
    await page.goto(`/title/movie/${restricted!.id}`);
    await expect(page.getByRole('alert')).toContainText('Not available on this profile');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `kids-not-available-${viewport.label}.png`) });
  });
}
