import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Avatar } from '@marquee/contracts';
import { FIELD_LIMITS } from '@marquee/contracts/fields';
import { endSession, startSession } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { installFakeApi, json, makeProfile, makeTokens, makeUser, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { ProfileDialog } from './profile-dialog';

const avatars: Avatar[] = ['ember', 'tide', 'moss'].map((key) => ({ key, url: `/api/profiles/avatars/${key}.svg` }));
const owner = makeProfile({ id: 'p-1', name: 'Ann' });

describe('profile dialog', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('owner-token', makeUser(), owner));
  });

  it('"Add profile" checks the name with the contract’s limits before sending, then creates the profile and closes', async () => {
    const api = installFakeApi({ 'POST /api/profiles': (r) => json(201, makeProfile({ id: 'p-9', owner: false, ...(r.body as object) })) });
    const onClose = vi.fn();
    renderWithApp(<ProfileDialog avatars={avatars} defaultAvatar="tide" onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Add profile' });
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveFocus();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(name);
    await userEvent.paste('x'.repeat(FIELD_LIMITS.profileName.max + 1));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription(`Use at most ${FIELD_LIMITS.profileName.max} characters.`);
    expect(api.requests).toHaveLength(0);

    await userEvent.clear(name);
    await userEvent.type(name, '  Kiddo ');
    expect(within(dialog).getByRole('radio', { name: 'Tide' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Moss' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Kids profile/ }));
    // A kids profile stops at "Older kids": higher levels cannot be chosen, and the level came down.
    const maturity = within(dialog).getByRole('combobox', { name: 'Maturity' });
    expect(maturity).toHaveValue('older_kids');
    expect(within(maturity).getByRole('option', { name: 'All' })).toBeDisabled();
    await userEvent.selectOptions(maturity, 'Little kids');
    // Adding asks for no PIN and no password.
    expect(within(dialog).queryByLabelText('PIN')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.calls('POST /api/profiles')[0]?.body).toEqual({ name: 'Kiddo', avatar: 'moss', kids: true, maturity: 'little_kids' });
  });

  it('a name another profile has is shown on the field and in an alert; the dialog stays open', async () => {
    installFakeApi({ 'POST /api/profiles': () => problem(409, 'PROFILE_NAME_TAKEN') });
    const onClose = vi.fn();
    renderWithApp(<ProfileDialog avatars={avatars} onClose={onClose} />);
    await userEvent.type(screen.getByLabelText('Name'), 'ann');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another profile already has this name.');
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edit sends only what changed; setting a PIN asks for the current password first', async () => {
    const teen = makeProfile({ id: 'p-2', name: 'Sam', owner: false, maturity: 'teens' });
    const api = installFakeApi({ 'PATCH /api/profiles/p-2': (r) => json(200, { ...teen, ...(r.body as object), locked: true }) });
    const onClose = vi.fn();
    renderWithApp(<ProfileDialog profile={teen} avatars={avatars} canDelete onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Edit Sam' });
    expect(within(dialog).queryByLabelText('Current password')).not.toBeInTheDocument();

    await userEvent.type(within(dialog).getByLabelText('PIN'), '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByLabelText('PIN')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText('PIN'), '34');
    await userEvent.type(within(dialog).getByLabelText('Current password'), 'correct horse');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.calls('PATCH /api/profiles/p-2')[0]?.body).toEqual({ pin: '1234', current_password: 'correct horse' });
  });

  it('a locked profile keeps its PIN unless the field is cleared, which removes it (with the password)', async () => {
    const locked = makeProfile({ id: 'p-3', name: 'Max', owner: false, locked: true });
    const api = installFakeApi({ 'PATCH /api/profiles/p-3': (r) => json(200, { ...locked, ...(r.body as object) }) });
    const onClose = vi.fn();
    renderWithApp(<ProfileDialog profile={locked} avatars={avatars} onClose={onClose} />);
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'Maxi');
    // Untouched PIN: no password needed, and the PIN is not sent.
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.calls('PATCH /api/profiles/p-3')[0]?.body).toEqual({ name: 'Maxi' });
  });

  it('editing the profile in use updates the session, so the catalog follows its new level at once', async () => {
    installFakeApi({ 'PATCH /api/profiles/p-1': () => json(200, { ...owner, maturity: 'teens' }) });
    renderWithApp(<ProfileDialog profile={owner} avatars={avatars} onClose={() => {}} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Maturity' }), 'Teens');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(session.getSnapshot().profile?.maturity).toBe('teens'));
  });

  it('"Delete profile" asks to confirm with "Delete", then deletes and closes', async () => {
    const guest = makeProfile({ id: 'p-4', name: 'Guest', owner: false });
    const api = installFakeApi({ 'DELETE /api/profiles/p-4': () => new Response(null, { status: 204 }) });
    const onClose = vi.fn();
    renderWithApp(<ProfileDialog profile={guest} avatars={avatars} canDelete onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete profile' }));
    expect(api.requests).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: 'Edit Guest' })).toHaveTextContent('Delete Guest?');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.calls('DELETE /api/profiles/p-4')).toHaveLength(1);
  });

  it('the owner profile offers no "Delete profile"', () => {
    installFakeApi({});
    renderWithApp(<ProfileDialog profile={owner} avatars={avatars} onClose={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Delete profile' })).not.toBeInTheDocument();
  });
});
