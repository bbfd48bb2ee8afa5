import { expect, test } from '@playwright/test';
import { firstSearchResult, newAccount, tabTo } from './support';

test('keyboard only: the whole journey with Tab, Enter, arrows and Esc', async ({ page }) => {
  const account = newAccount('keyboard');

  // Create account: Tab between fields, Enter submits.
  await page.goto('/register');
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type(account.name);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Popular', exact: true })).toBeVisible();

  // Search from the header, then filter by genre with type-ahead on the select.
  const searchbox = page.getByRole('searchbox', { name: 'Search' });
  await tabTo(page, searchbox);
  await page.keyboard.type('star');
  await expect(page).toHaveURL(/\/search\?q=star$/);
  const genre = page.getByRole('combobox', { name: 'Genre' });
  await tabTo(page, genre);
  await page.keyboard.type('Science Fiction');
  await expect(page).toHaveURL(/\/search\?q=star&genre=878$/);

  // Open a result with Enter, add it to My List, close with Esc: focus returns to the card.
  const pick = await firstSearchResult(page, 'q=star&genre=878');
  const card = page.getByRole('list').getByRole('link', { name: pick.title, exact: true }).first();
  await tabTo(page, card);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: pick.title, exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Add to My List' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove from My List' })).toBeFocused();
  // Focus stays trapped in the dialog: a full lap of Tab presses never leaves it.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(card).toBeFocused();

  // Browse: one Tab into a row, arrows between its cards, Esc back to the card.
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }), { reverse: true });
  await page.keyboard.press('Enter');
  const popular = page.getByRole('region', { name: 'Popular', exact: true });
  const popularCards = popular.getByRole('link');
  await expect(popularCards.nth(1)).toBeVisible();
  await tabTo(page, popularCards.first());
  await page.keyboard.press('ArrowRight');
  await expect(popularCards.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const second = popularCards.nth(1);
  await expect(second).toBeFocused();
  const secondName = await second.getAttribute('aria-label');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: secondName ?? '', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(second).toBeFocused();
  // Tab leaves the row in one step (roving tabindex), to the next row's card.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Trending Now', exact: true }).getByRole('link').first()).toBeFocused();

  // My List: remove the title with the keyboard.
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'My List', exact: true }), { reverse: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'My List', exact: true })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Remove from My List' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your list is empty')).toBeVisible();

  // A reload keeps the session.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My List', exact: true })).toBeVisible();

  // Account menu: Enter opens on the first item, arrows move, Esc closes and returns focus.
  const account_ = page.getByRole('button', { name: 'Account' });
  await tabTo(page, account_);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Switch profile' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Manage profiles' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Account settings' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(account_).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/profile$/);

  // Profile: change the name, Enter submits, success is a status.
  const name = page.getByLabel('Name', { exact: true });
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Keyboard Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Profile saved.');

  // Sign out from the menu (ArrowUp opens it on the last item), then a protected page goes to sign in.
  await tabTo(page, account_, { reverse: true });
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
});
