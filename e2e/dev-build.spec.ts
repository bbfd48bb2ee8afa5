import { expect, test } from '@playwright/test';
import type { Page as TitlePage } from '@marquee/contracts';
import { newAccount, registerThroughUi } from './support';

/*
 * Runs against the web app built as React's development build (project "development build" in
 * playwright.config.ts), where StrictMode runs every effect, and its cleanup, twice on mount. An
 * effect that is not idempotent shows up here and nowhere else.
 */

test('in the development build, the detail dialog stays open, named after its title, and Esc returns focus to the card', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await registerThroughUi(page, newAccount('devbuild'));
  // React's development build announces itself on load: this page really runs with double effects.
  expect(console.some((text) => text.includes('Download the React DevTools'))).toBe(true);

  const popular = (await (await page.request.get('/api/movies/popular')).json()) as TitlePage;
  const pick = popular.results[0]!;
  const card = page.getByRole('region', { name: 'Popular', exact: true }).getByRole('link', { name: pick.title, exact: true });
  await card.click();

  const dialog = page.getByRole('dialog', { name: pick.title, exact: true });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/title/${pick.media_type}/${pick.id}$`));
  // Still open after a round trip of its own: adding to My List answers inside the dialog.
  await dialog.getByRole('button', { name: 'Add to My List' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove from My List' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/title/${pick.media_type}/${pick.id}$`));

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await expect(card).toBeFocused();
});

test('in the development build, the profile dialogs stay open until saved or cancelled, and the PIN dialog until unlocked', async ({ page }) => {
  const account = newAccount('devprofiles');
  await registerThroughUi(page, account);
  await page.goto('/profiles/manage');

  await page.getByRole('button', { name: 'Add profile' }).click();
  const add = page.getByRole('dialog', { name: 'Add profile' });
  await expect(add).toBeVisible();
  await expect(add.getByLabel('Name')).toBeFocused();
  await add.getByLabel('Name').fill('Dev kid');
  await add.getByRole('checkbox', { name: /Kids profile/ }).check();
  await expect(add).toBeVisible();
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('button', { name: `Edit ${account.name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${account.name}` });
  await edit.getByLabel('PIN').fill('4321');
  await edit.getByLabel('Current password').fill(account.password);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // Over to the kids profile, then back through the PIN dialog.
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Dev kid', exact: true }).click();
  await expect(page.getByRole('banner').getByText('Kids', { exact: true })).toBeVisible();
  await page.goto('/profiles');
  await page.getByRole('button', { name: account.name, exact: true }).click();
  const pin = page.getByRole('dialog', { name: 'Enter PIN' });
  await expect(pin).toBeVisible();
  await expect(pin.getByLabel('PIN')).toBeFocused();
  await pin.getByLabel('PIN').fill('0000');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await expect(pin.getByRole('alert')).toBeVisible();
  await expect(pin).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pin).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Who’s watching?' })).toBeVisible();
  await page.getByRole('button', { name: account.name, exact: true }).click();
  await pin.getByLabel('PIN').fill('4321');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByText('Kids', { exact: true })).toHaveCount(0);
});

test('in the development build, a genre page grows as it scrolls, asking for each page once, keeps its place on Back, and "More info" opens the hero’s dialog', async ({ page }) => {
  await registerThroughUi(page, newAccount('devscroll'));
  const featured = (await (await page.request.get('/api/movies/featured')).json()) as { title: string };
  const hero = page.getByRole('region', { name: featured.title, exact: true });
  await hero.getByRole('button', { name: 'More info' }).click();
  const dialog = page.getByRole('dialog', { name: featured.title, exact: true });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto('/search?genre=35');
  const results = page.getByRole('list', { name: 'Search results', exact: true });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/movies/search')) requested.push(new URL(request.url()).searchParams.get('page') ?? '1');
  });
  for (const atLeast of [60, 100]) {
    await page.mouse.wheel(0, 6000);
    await expect.poll(() => results.getByRole('listitem').count()).toBeGreaterThanOrEqual(atLeast);
  }
  // Effects that run twice still ask for each page once.
  expect(new Set(requested).size).toBe(requested.length);

  const before = await page.evaluate(() => window.scrollY);
  await page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
  await expect(hero).toBeVisible();
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
});
