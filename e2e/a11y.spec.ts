import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { featuredTitle, firstSearchResult, registerThroughApi } from './support';

/** Runs axe-core on the page as it is and fails on any serious or critical violation. */
async function expectNoSeriousViolations(page: Page, where: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

test('axe finds no serious or critical violations on browse, search, details and My List', async ({ page }) => {
  const { headers } = await registerThroughApi(page, 'axe');
  const featured = await featuredTitle(page);
  const pick = await firstSearchResult(page, 'q=star');
  await page.request.post(`/api/watchlist/${pick.id}?media_type=${pick.media_type}`, { headers });

  await page.goto('/');
  await expect(page.getByRole('region', { name: featured.title, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'My List', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'browse');

  await page.goto('/search?q=star&genre=878');
  await expect(page.getByRole('list').getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'search');

  await page.getByRole('list').getByRole('link').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'details');

  await page.goto('/my-list');
  await expect(page.getByRole('button', { name: 'Remove from My List' })).toBeVisible();
  await expectNoSeriousViolations(page, 'My List');

  await page.goto('/profile');
  await expect(page.getByLabel('Avatar URL')).toBeVisible();
  await expectNoSeriousViolations(page, 'profile');
});

test('axe finds no serious or critical violations on sign in and create account', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'sign in with errors');
  await page.goto('/register');
  await expect(page.getByRole('heading', { name: 'Create account' })).toBeVisible();
  await expectNoSeriousViolations(page, 'create account');
});

test('axe finds no serious or critical violations on the profile pages, their dialogs and the account menu', async ({ page }) => {
  const account = await registerThroughApi(page, 'axeprofiles');
  const created = await page.request.post('/api/profiles', { headers: account.headers, data: { name: 'Little one', kids: true, maturity: 'little_kids' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.patch(`/api/profiles/${id}`, { headers: account.headers, data: { pin: '1234', current_password: account.password } })).status()).toBe(200);

  await page.goto('/profiles');
  await expect(page.getByRole('button', { name: 'Little one', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, '/profiles');
  await page.getByRole('button', { name: 'Little one', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Enter PIN' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the PIN dialog');
  await page.keyboard.press('Escape');

  await page.goto('/profiles/manage');
  await page.getByRole('button', { name: 'Edit Little one' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit Little one' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the edit profile dialog');
  await page.keyboard.press('Escape');

  await page.goto('/');
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoSeriousViolations(page, 'the account menu');
});
