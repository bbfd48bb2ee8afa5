import { expect, type Locator, type Page } from '@playwright/test';
import type { Page as TitlePage, Title, TitleDetails } from '@marquee/contracts';

/** A fresh, unique account for one test. */
export function newAccount(label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { name: `E2E ${label}`, email: `e2e-${label}-${stamp}@example.com`, password: 'correct horse battery' };
}

/** Creates an account through the UI and waits for browse. */
export async function registerThroughUi(page: Page, account: ReturnType<typeof newAccount>) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true })).toBeVisible();
}

/**
 * Creates an account over HTTP in the page's browser context: the refresh cookie lands in the
 * context, so the next page load restores the session exactly as a returning visitor's would.
 */
export async function registerThroughApi(page: Page, label: string) {
  const account = newAccount(label);
  const response = await page.request.post('/api/auth/register', { data: account });
  expect(response.status()).toBe(201);
  const { access_token } = (await response.json()) as { access_token: string };
  return { ...account, headers: { authorization: `Bearer ${access_token}` } };
}

/** The catalog's featured title (the hero), read from the API the page also uses. */
export async function featuredTitle(page: Page): Promise<TitleDetails> {
  return (await (await page.request.get('/api/movies/featured')).json()) as TitleDetails;
}

/** The first search result for a query, to find its card by name. */
export async function firstSearchResult(page: Page, query: string): Promise<Title> {
  const body = (await (await page.request.get(`/api/movies/search?${query}`)).json()) as TitlePage;
  const first = body.results[0];
  if (!first) throw new Error(`no search results for ${query}`);
  return first;
}

/** Presses Tab until `target` has focus (keyboard-only navigation), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, { max = 80, reverse = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}
