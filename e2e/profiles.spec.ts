import { expect, test, type Page } from '@playwright/test';
import type { Page as TitlePage, TitleDetails } from '@marquee/contracts';
import { maturityAllows, type MaturityLevel } from '@marquee/contracts/maturity';
import { newAccount, registerThroughApi, registerThroughUi } from './support';

/** The account menu's item `name`, opened from the header's "Account" button. */
async function menuItem(page: Page, name: string) {
  await page.getByRole('button', { name: 'Account' }).click();
  return page.getByRole('menu').getByRole('menuitem', { name, exact: true });
}

/** The certification of a title, read from the API without a token (the full catalog). */
async function certificationOf(page: Page, mediaType: string, id: number): Promise<string | null> {
  const details = (await (await page.request.get(`/api/movies/${id}?media_type=${mediaType}`)).json()) as TitleDetails;
  return details.certification;
}

/** A popular film rated R: above any kids level. */
async function anRRatedFilm(page: Page): Promise<TitleDetails> {
  for (let p = 1; p <= 5; p++) {
    const popular = (await (await page.request.get(`/api/movies/popular?page=${p}`)).json()) as TitlePage;
    for (const title of popular.results.filter((t) => t.media_type === 'movie')) {
      const details = (await (await page.request.get(`/api/movies/${title.id}?media_type=movie`)).json()) as TitleDetails;
      if (details.certification === 'R') return details;
    }
  }
  throw new Error('no R-rated film among the popular pages');
}

/** Every card of a row links to `/title/{type}/{id}`; each title must be within `level`. */
async function expectRowWithin(page: Page, rowName: string, level: MaturityLevel) {
  const row = page.getByRole('region', { name: rowName, exact: true });
  await expect(row.getByRole('link').first()).toBeVisible();
  const hrefs = await row.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const [, mediaType, id] = /\/title\/(movie|tv)\/(\d+)$/.exec(href) ?? [];
    expect(mediaType, href).toBeTruthy();
    const certification = await certificationOf(page, mediaType!, Number(id));
    expect(maturityAllows(level, certification), `${href} is ${certification}`).toBe(true);
  }
}

test('profiles: create a kids profile, switch to it, browse within its limit, a deep link above it, back through the PIN, sign-out clears', async ({ page, context }) => {
  const account = newAccount('profiles');
  await registerThroughUi(page, account);
  const rFilm = await anRRatedFilm(page);

  // Manage profiles: add a kids profile.
  await (await menuItem(page, 'Manage profiles')).click();
  await expect(page).toHaveURL(/\/profiles\/manage$/);
  await expect(page.getByRole('heading', { name: 'Manage profiles' })).toBeVisible();
  await page.getByRole('button', { name: 'Add profile' }).click();
  const add = page.getByRole('dialog', { name: 'Add profile' });
  await expect(add).toBeVisible();
  // Validation in the app: an empty name is refused before anything is sent.
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await add.getByLabel('Name').fill('Kiddo');
  await add.getByRole('radiogroup', { name: 'Avatar' }).getByRole('radio').nth(4).check();
  await add.getByRole('checkbox', { name: /Kids profile/ }).check();
  // A kids profile cannot be set above "Older kids".
  await expect(add.getByRole('combobox', { name: 'Maturity' }).getByRole('option', { name: 'All' })).toBeDisabled();
  await add.getByRole('combobox', { name: 'Maturity' }).selectOption({ label: 'Little kids' });
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit Kiddo' })).toBeVisible();

  // Lock the owner profile with a PIN: that needs the account password.
  await page.getByRole('button', { name: `Edit ${account.name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${account.name}` });
  await expect(edit.getByRole('button', { name: 'Delete profile' })).toHaveCount(0);
  await edit.getByLabel('PIN').fill('2468');
  await edit.getByLabel('Current password').fill('not the password');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText('current password is not correct');
  await edit.getByLabel('Current password').fill(account.password);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // Switch to the kids profile from the account menu.
  await page.goto('/');
  await (await menuItem(page, 'Switch profile')).click();
  await expect(page.getByRole('heading', { name: 'Who’s watching?' })).toBeVisible();
  await expect(page.getByRole('button', { name: account.name, exact: true })).toHaveAccessibleDescription('(locked)');
  await page.getByRole('button', { name: 'Kiddo', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  const header = page.getByRole('banner');
  await expect(header.getByText('Kids', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('menu')).toContainText('Kiddo');
  await expect(page.getByRole('menuitem', { name: 'Manage profiles' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Every title in the kids rows is within "Little kids", and the hero too.
  await expectRowWithin(page, 'Popular', 'little_kids');
  await expectRowWithin(page, 'Trending Now', 'little_kids');
  await expect(page.getByRole('link', { name: rFilm.title, exact: true })).toHaveCount(0);
  // The page shell of the next visit is made for this level (the shell cookie), and shows a hero it may see.
  expect((await context.cookies()).find((c) => c.name === 'marquee_shell')?.value).toBe('little_kids');
  await page.reload();
  await expect(header.getByText('Kids', { exact: true })).toBeVisible();

  // A deep link to an R-rated film: "Not available on this profile", not an error.
  await page.goto(`/title/movie/${rFilm.id}`);
  await expect(page.getByRole('alert')).toContainText('Not available on this profile');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/$/);

  // Back to the owner profile: it is locked, so the PIN is asked; a wrong one is refused.
  await (await menuItem(page, 'Switch profile')).click();
  await page.getByRole('button', { name: account.name, exact: true }).click();
  const pin = page.getByRole('dialog', { name: 'Enter PIN' });
  await expect(pin).toBeVisible();
  await pin.getByLabel('PIN').fill('1111');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await expect(pin.getByRole('alert')).toContainText('PIN isn’t right');
  await pin.getByLabel('PIN').fill('2468');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByText('Kids', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: rFilm.title, exact: true }).first()).toBeAttached();
  expect((await context.cookies()).find((c) => c.name === 'marquee_shell')?.value).toBe('all');

  // Signing out clears the shell cookie; signing in with two profiles asks who is watching.
  await (await menuItem(page, 'Sign out')).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies()).find((c) => c.name === 'marquee_shell')).toBeUndefined();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await page.getByRole('button', { name: account.name, exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Popular', exact: true })).toBeVisible();
});

test('manage profiles: add, rename and delete a profile; a taken name is shown on the field', async ({ page }) => {
  const account = newAccount('manage');
  await registerThroughUi(page, account);
  await page.goto('/profiles/manage');

  await page.getByRole('button', { name: 'Add profile' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add profile' });
  await dialog.getByLabel('Name').fill(account.name.toUpperCase());
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already has this name');
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Name').fill('Guest');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Edit Guest' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Guest' });
  await dialog.getByLabel('Name').fill('Visitor');
  await dialog.getByRole('combobox', { name: 'Maturity' }).selectOption({ label: 'Teens' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit Visitor' })).toContainText('Teens');

  await page.getByRole('button', { name: 'Edit Visitor' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Visitor' });
  await dialog.getByRole('button', { name: 'Delete profile' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit Visitor' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeVisible();
});

test('a locked profile refuses a wrong PIN, and after five says how long to wait', async ({ page }) => {
  const account = await registerThroughApi(page, 'throttle');
  const created = await page.request.post('/api/profiles', { headers: account.headers, data: { name: 'Locked' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const locked = await page.request.patch(`/api/profiles/${id}`, { headers: account.headers, data: { pin: '1357', current_password: account.password } });
  expect(locked.status()).toBe(200);

  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Locked', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Enter PIN' });
  for (let attempt = 1; attempt <= 6; attempt++) {
    await dialog.getByLabel('PIN').fill('0000');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText(/PIN isn’t right|Too many wrong PINs/);
    if ((await alert.textContent())?.includes('Too many')) break;
    // The alert is replaced by the next answer: wait for it to go before trying again.
    await expect(dialog.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  }
  await expect(dialog.getByRole('alert')).toContainText(/Too many wrong PINs\. Try again in \d+ minutes?\./);
});
