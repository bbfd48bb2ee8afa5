import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { OWNER } from './owner';
import { newAccount, registerThroughApi } from './support';

const artifacts = path.join(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

async function signInAsOwner(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true })).toBeVisible();
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** Registration back to "Anyone", so the journeys after this file can sign up. */
async function reopenRegistration(page: Page) {
  const login = await page.request.post('/api/auth/login', { data: { email: OWNER.email, password: OWNER.password } });
  const { access_token } = (await login.json()) as { access_token: string };
  const reset = await page.request.patch('/api/admin/settings', { data: { registration: 'open' }, headers: { authorization: `Bearer ${access_token}` } });
  expect(reset.status()).toBe(200);
}

test.describe('the owner administers the instance from the browser', () => {
  test.afterEach(async ({ page }) => reopenRegistration(page));

  test('invitation-only registration: an invited sign-up, then disable, enable and delete the member', async ({ page, browser }) => {
    await signInAsOwner(page);
    // Offline, the owner is told where to connect TMDB.
    const notice = page.getByRole('note').filter({ hasText: 'You\'re browsing the offline sample catalog' });
    await expect(notice).toBeVisible();
    await notice.getByRole('link', { name: 'connect TMDB' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.goto('/');
    await openSettings(page);

    const registration = page.getByRole('region', { name: 'Registration' });
    const policy = registration.getByRole('radiogroup', { name: 'Who can create an account' });
    await expect(policy.getByRole('radio', { name: /Anyone/ })).toBeChecked();
    await policy.getByRole('radio', { name: /Invited people/ }).check();
    await expect(registration.getByRole('status')).toContainText('Invited people');

    // Without an invitation, nobody new gets in.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    const uninvited = newAccount('uninvited');
    await strangerPage.goto('/register');
    await strangerPage.getByLabel('Name').fill(uninvited.name);
    await strangerPage.getByLabel('Email').fill(uninvited.email);
    await strangerPage.getByLabel('Password').fill(uninvited.password);
    await strangerPage.getByRole('button', { name: 'Create account' }).click();
    await expect(strangerPage.getByRole('alert')).toContainText('invitation');
    await stranger.close();

    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByRole('button', { name: 'Create invitation' }).click();
    await expect(invitations.getByRole('status')).toContainText('Invitation created');
    const link = await invitations.getByRole('textbox', { name: 'Invitation link' }).first().inputValue();
    expect(link).toMatch(/\/register\?invitation=[\w-]{43}$/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await invitations.getByRole('button', { name: 'Copy link' }).first().click();
    await expect(invitations.getByRole('status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The invited person follows the link and creates an account.
    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    const invited = newAccount('invited');
    await guestPage.goto(link);
    await expect(guestPage.getByText('You’ve been invited to join this Marquee.')).toBeVisible();
    await guestPage.getByLabel('Name').fill(invited.name);
    await guestPage.getByLabel('Email').fill(invited.email);
    await guestPage.getByLabel('Password').fill(invited.password);
    await guestPage.getByRole('button', { name: 'Create account' }).click();
    await expect(guestPage.getByRole('navigation').getByRole('link', { name: 'Home', exact: true })).toBeVisible();
    // A member has no Settings and no way in.
    await guestPage.getByRole('button', { name: 'Account' }).click();
    await expect(guestPage.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    await expect(guestPage.getByRole('menuitem', { name: 'Settings', exact: true })).toHaveCount(0);
    await guestPage.keyboard.press('Escape');
    await guestPage.goto('/settings');
    await expect(guestPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(guestPage.getByRole('note').filter({ hasText: 'offline sample catalog —' })).toHaveCount(0);

    // The link was used: it shows as used and works no more.
    await page.reload();
    await expect(invitations.getByText('Used').first()).toBeVisible();

    // Disable: the member's next request finds their session ended.
    const members = page.getByRole('region', { name: 'Members' });
    const row = members.getByRole('listitem').filter({ hasText: invited.email });
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(members.getByRole('status')).toHaveText(`${invited.name} is disabled and signed out everywhere.`);
    await guestPage.goto('/my-list');
    await expect(guestPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await guestPage.getByLabel('Email').fill(invited.email);
    await guestPage.getByLabel('Password').fill(invited.password);
    await guestPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(guestPage.getByRole('alert')).toBeVisible();

    await row.getByRole('button', { name: 'Enable' }).click();
    await expect(members.getByRole('status')).toHaveText(`${invited.name} can sign in again.`);
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toContainText('Their profiles and lists go with the account.');
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(members.getByRole('status')).toHaveText(`${invited.name} was deleted with their profiles and lists.`);
    await expect(members.getByRole('listitem').filter({ hasText: invited.email })).toHaveCount(0);
    // The owner has no Disable or Delete.
    await expect(members.getByRole('listitem').filter({ hasText: OWNER.email }).getByRole('button')).toHaveCount(0);
    await guest.close();
  });

  test('revoking an invitation stops its link; a TMDB credential that cannot be checked is refused and never shown', async ({ page, browser }) => {
    await signInAsOwner(page);
    await openSettings(page);
    await page.getByRole('region', { name: 'Registration' }).getByRole('radio', { name: /Invited people/ }).check();
    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByRole('button', { name: 'Create invitation' }).click();
    const link = await invitations.getByRole('textbox', { name: 'Invitation link' }).first().inputValue();
    await invitations.getByRole('button', { name: 'Revoke' }).first().click();
    await expect(invitations.getByRole('status')).toHaveText('Invitation revoked: its link no longer works.');

    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    const account = newAccount('revoked');
    await guestPage.goto(link);
    await guestPage.getByLabel('Name').fill(account.name);
    await guestPage.getByLabel('Email').fill(account.email);
    await guestPage.getByLabel('Password').fill(account.password);
    await guestPage.getByRole('button', { name: 'Create account' }).click();
    await expect(guestPage.getByRole('alert')).toContainText('ask the owner for a new one');
    await guest.close();

    const tmdb = page.getByRole('region', { name: 'TMDB' });
    await expect(tmdb).toContainText('Not connected');
    await tmdb.getByLabel('TMDB API key or read access token').fill('0123456789abcdef0123456789abcdef');
    await tmdb.getByRole('button', { name: 'Connect' }).click();
    await expect(tmdb.getByRole('alert')).toContainText('TMDB could not be reached');
    await expect(tmdb.getByRole('status')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('region', { name: 'TMDB' })).toContainText('Not connected');
    await expect(page.locator('body')).not.toContainText('0123456789abcdef0123456789abcdef');
  });

  test('screenshots of the settings page at 1440 px and 390 px', async ({ page, browser }) => {
    // A member to list, registered in a context of its own.
    const other = await browser.newContext();
    await registerThroughApi(await other.newPage(), 'listed-member');
    await other.close();
    await signInAsOwner(page);
    await openSettings(page);
    await page.getByRole('region', { name: 'Invitations' }).getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByRole('region', { name: 'Invitations' }).getByRole('status')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
    expect(serious, 'axe on /settings').toEqual([]);
    for (const { label, width, height } of [
      { label: '1440', width: 1440, height: 900 },
      { label: '390', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width, height });
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(artifacts, `settings-${label}.png`), fullPage: true });
    }
  });
});

test.describe('plain HTTP on a home network', () => {
  let lanBrowser: Browser;
  test.beforeAll(async () => {
    // `marquee.lan` resolves to this machine: not localhost, so not a secure context for the browser.
    lanBrowser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP marquee.lan 127.0.0.1'],
    });
  });
  test.afterAll(() => lanBrowser.close());

  test('a reload at http://marquee.lan keeps the session (the refresh cookie is not Secure there)', async ({ baseURL }) => {
    const port = new URL(baseURL ?? 'http://127.0.0.1:18181').port;
    const context = await lanBrowser.newContext({ baseURL: `http://marquee.lan:${port}` });
    const page = await context.newPage();
    const account = newAccount('lan');
    await page.goto('/register');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByLabel('Name').fill(account.name);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true })).toBeVisible();
    await page.goto('/my-list');
    // Restored from the cookie once (the refresh rotates it) before the reload presents it again.
    await expect(page.getByRole('heading', { name: 'My List' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'My List' })).toBeVisible();
    await expect(page).toHaveURL(/\/my-list$/);
    await context.close();
  });
});
