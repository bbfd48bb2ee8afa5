import { expect, test } from '@playwright/test';
import { featuredTitle, firstSearchResult, newAccount, registerThroughUi } from './support';

test('the whole journey: sign up, browse, search, details, My List, reload, profile, sign out', async ({ page }) => {
  const account = newAccount('journey');
  const featured = await featuredTitle(page);

  // Create account → browse shows the hero and the rows.
  await registerThroughUi(page, account);
  await expect(page).toHaveURL(/\/$/);
  const hero = page.getByRole('region', { name: featured.title, exact: true });
  await expect(hero).toBeVisible();
  await expect(hero.getByRole('button', { name: 'Add to My List' })).toBeVisible();
  for (const row of ['Popular', 'Trending Now', 'Action', 'Comedy', 'Science Fiction', 'Horror']) {
    const region = page.getByRole('region', { name: row, exact: true });
    await expect(region).toBeVisible();
    await expect(region.getByRole('link').first()).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'My List', exact: true })).toHaveCount(0);

  // Search "star", then narrow by a genre; the URL holds both.
  await page.getByRole('searchbox', { name: 'Search' }).fill('star');
  await expect(page).toHaveURL(/\/search\?q=star$/);
  const results = page.getByRole('list');
  await expect(results.getByRole('link').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Genre' }).selectOption({ label: 'Science Fiction' });
  await expect(page).toHaveURL(/\/search\?q=star&genre=878$/);
  const pick = await firstSearchResult(page, 'q=star&genre=878');
  const card = results.getByRole('link', { name: pick.title, exact: true }).first();
  await expect(card).toBeVisible();

  // Open the details and add the title to My List.
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/title/${pick.media_type}/${pick.id}$`));
  const dialog = page.getByRole('dialog', { name: pick.title, exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/^\d{4}$/)).toBeVisible();
  await expect(dialog.getByText(/\d\.\d/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Add to My List' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove from My List' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/search\?q=star&genre=878$/);

  // My List shows it, and a reload keeps the session.
  await page.getByRole('navigation').getByRole('link', { name: 'My List', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My List', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: pick.title, exact: true })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/my-list$/);
  await expect(page.getByRole('link', { name: pick.title, exact: true })).toBeVisible();

  // Remove it.
  await page.getByRole('button', { name: 'Remove from My List' }).click();
  await expect(page.getByText('Your list is empty')).toBeVisible();

  // Profile: change the name.
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Account settings' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByLabel('Name', { exact: true }).fill('Ann Renamed');
  await page.getByRole('form', { name: 'Your details' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Profile saved.');
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ann Renamed');

  // A wrong current password is an alert, never a status.
  const passwordForm = page.getByRole('form', { name: 'Change password' });
  await passwordForm.getByLabel('Current password').fill('not my password');
  await passwordForm.getByLabel('New password').fill('another long password');
  await passwordForm.getByRole('button', { name: 'Save' }).click();
  await expect(passwordForm.getByRole('alert')).toBeVisible();
  await expect(passwordForm.getByRole('status')).toHaveCount(0);

  // Sign out; a protected page then goes to sign in, and signing in returns to it.
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/my-list');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/my-list$/);
  await expect(page.getByText('Your list is empty')).toBeVisible();
});

test('a deep link opens the dialog over browse, and closing it lands on browse', async ({ page }) => {
  const account = newAccount('deeplink');
  await registerThroughUi(page, account);
  const pick = await firstSearchResult(page, 'q=star');
  await page.goto(`/title/${pick.media_type}/${pick.id}`);
  const dialog = page.getByRole('dialog', { name: pick.title, exact: true });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Popular', exact: true })).toBeVisible();
});

test('a returning visitor sees the hero the server painted into the page before the app takes over', async ({ page }) => {
  const featured = await featuredTitle(page);
  await registerThroughUi(page, newAccount('shell'));
  await page.reload();
  await expect(page.getByRole('region', { name: featured.title, exact: true })).toBeVisible();
  // The browser reports each image it put on screen (Element Timing); the shell's backdrop is
  // among them only if a frame showed it before the app replaced the shell.
  const painted = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().map((entry) => (entry as PerformanceEntry & { identifier: string }).identifier))).observe({ type: 'element', buffered: true });
      }),
  );
  expect(painted).toContain('shell-backdrop');
});
