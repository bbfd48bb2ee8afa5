import { expect, test, type Page } from '@playwright/test';
import type { Page as TitlePage } from '@marquee/contracts';
import { featuredTitle, newAccount, registerThroughApi } from './support';

/** How many cards a results list shows now. */
const cardCount = (page: Page, name: string) => page.getByRole('list', { name, exact: true }).getByRole('listitem').count();

test('search results grow as the user scrolls, count grammatically, and Back returns to the same place', async ({ page }) => {
  await registerThroughApi(page, 'scroll');
  const total = ((await (await page.request.get('/api/movies/search?q=the')).json()) as TitlePage).total_results;
  expect(total).toBeGreaterThan(60);

  await page.goto('/search?q=the');
  const results = page.getByRole('list', { name: 'Search results', exact: true });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'results' })).toHaveText(`${total.toLocaleString('en-US')} results`);

  // Scrolling towards the end loads the next page by itself (a page that does not fill the screen
  // is followed by the next at once), page after page: no click needed.
  for (const atLeast of [40, 60, 80]) {
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => cardCount(page, 'Search results')).toBeGreaterThanOrEqual(atLeast);
  }

  // Somewhere deep in the list, go to another page and come Back: the same cards, the same place.
  const deep = results.getByRole('listitem').nth(45).getByRole('link');
  await deep.scrollIntoViewIfNeeded();
  const name = await deep.getAttribute('aria-label');
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(1000);
  await page.getByRole('navigation').getByRole('link', { name: 'My List', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My List', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(results.getByRole('link', { name: name!, exact: true }).first()).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
  expect(await cardCount(page, 'Search results')).toBeGreaterThanOrEqual(60);
});

test('a genre page goes past its first 20 titles, by scrolling or with the keyboard’s "Load more"', async ({ page }) => {
  await registerThroughApi(page, 'genre');
  const comedies = (await (await page.request.get('/api/movies/genre/35')).json()) as TitlePage;
  expect(comedies.total_results).toBeGreaterThan(100);

  await page.goto('/search?genre=35');
  await expect(page.getByRole('heading', { name: 'Comedy', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'titles' })).toHaveText(`${comedies.total_results.toLocaleString('en-US')} titles`);
  const results = page.getByRole('list', { name: 'Search results', exact: true });
  await expect(results.getByRole('listitem').first()).toBeVisible();

  // The keyboard's way: focus "Load more" and press Enter; the next page joins the list.
  const more = page.getByRole('button', { name: 'Load more' });
  await expect(more).not.toHaveAttribute('aria-busy', 'true');
  const shown = await cardCount(page, 'Search results');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cardCount(page, 'Search results')).toBeGreaterThanOrEqual(shown + 20);
  await page.mouse.wheel(0, 20_000);
  await expect.poll(() => cardCount(page, 'Search results')).toBeGreaterThanOrEqual(shown + 40);
  // The cards follow the genre route's order.
  await expect(results.getByRole('listitem').first().getByRole('link')).toHaveAccessibleName(comedies.results[0]!.title);
});

test('a query naming a genre offers the genre; the genre menu offers only genres that have titles', async ({ page }) => {
  await registerThroughApi(page, 'genresearch');
  await page.goto('/search?q=comedy');
  await page.getByRole('link', { name: 'Browse Comedy' }).click();
  await expect(page).toHaveURL(/\/search\?genre=35$/);
  await expect(page.getByRole('heading', { name: 'Comedy', level: 1 })).toBeVisible();

  const options = await page.getByRole('combobox', { name: 'Genre' }).getByRole('option').allTextContents();
  expect(options).toContain('Crime');
  for (const empty of ['News', 'Soap', 'Talk', 'TV Movie']) expect(options).not.toContain(empty);
});

test('the hero’s "More info" opens the featured title’s dialog, and Esc returns to it', async ({ page }) => {
  const featured = await featuredTitle(page);
  await registerThroughApi(page, 'moreinfo');
  await page.goto('/');
  const hero = page.getByRole('region', { name: featured.title, exact: true });
  const moreInfo = hero.getByRole('button', { name: 'More info' });
  await moreInfo.click();
  const dialog = page.getByRole('dialog', { name: featured.title, exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(featured.overview)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(moreInfo).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the search field covers no heading and closes on navigation; a long email wraps in the menu; the hero’s overview is whole', async ({ page }) => {
    const account = newAccount('phone');
    const longEmail = `a-very-long-mailbox-name-that-keeps-going-${account.email}`;
    const response = await page.request.post('/api/auth/register', { data: { ...account, email: longEmail } });
    expect(response.status()).toBe(201);

    await page.goto('/my-list');
    const heading = page.getByRole('heading', { name: 'My List', level: 1 });
    await expect(heading).toBeVisible();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await expect(searchbox).toBeVisible();
    const field = (await searchbox.boundingBox())!;
    const title = (await heading.boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(field.y + field.height);

    await page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Search', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(searchbox).toBeHidden();

    // The hero's overview is not cut off: its text fits its box.
    const featured = await featuredTitle(page);
    const overview = page.getByRole('region', { name: featured.title, exact: true }).getByText(featured.overview);
    await expect(overview).toBeVisible();
    expect(await overview.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);

    await page.getByRole('button', { name: 'Account' }).click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test('a signed-out visitor never sees the signed-in hero, and the page settles', async ({ page }) => {
  // Records whether the painted hero or the app's hero ever reached the page, from the first byte on.
  await page.addInitScript(() => {
    const seen = { hero: false };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('.boot__backdrop, .hero')) seen.hero = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __seen: { hero: boolean } }).__seen.hero)).toBe(false);
  // Every answer's body is read or cancelled: no request stays open, so the network goes idle.
  await page.waitForLoadState('networkidle', { timeout: 15_000 });
});
