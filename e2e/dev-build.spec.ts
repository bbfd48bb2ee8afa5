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
