import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { installFakeApi, json, makeProfile, makeTokens, makeUser, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { ProfilePicker } from './profile-picker';

const owner = makeProfile({ id: 'p-1', name: 'Ann', locked: true });
const kid = makeProfile({ id: 'p-2', name: 'Kiddo', kids: true, maturity: 'little_kids', owner: false, avatar: 'sunny' });
const teen = makeProfile({ id: 'p-3', name: 'Sam', maturity: 'teens', owner: false, locked: true, avatar: 'tide' });

describe('"Who’s watching?" picker', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('owner-token', makeUser(), owner));
  });

  it('names each profile by its name; a locked one is described "(locked)", not named so', () => {
    installFakeApi({});
    renderWithApp(<ProfilePicker profiles={[owner, kid, teen]} currentId="p-1" onChosen={() => {}} />);
    const sam = screen.getByRole('button', { name: 'Sam' });
    expect(sam).toHaveAccessibleDescription('(locked)');
    expect(screen.getByRole('button', { name: 'Kiddo' })).not.toHaveAccessibleDescription();
    expect(screen.getByRole('button', { name: 'Kiddo' })).toHaveTextContent('Kids');
  });

  it('choosing an unlocked profile switches the session onto it and stores the new token', async () => {
    const api = installFakeApi({ 'POST /api/profiles/p-2/switch': () => json(200, makeTokens('kid-token', makeUser(), kid)) });
    const onChosen = vi.fn();
    renderWithApp(<ProfilePicker profiles={[owner, kid]} currentId="p-1" onChosen={onChosen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Kiddo' }));
    await vi.waitFor(() => expect(onChosen).toHaveBeenCalledOnce());
    expect(api.calls('POST /api/profiles/p-2/switch')[0]?.body).toEqual({});
    expect(session.accessToken).toBe('kid-token');
    expect(session.getSnapshot().profile?.name).toBe('Kiddo');
  });

  it('choosing the profile already in use goes on without a switch, even when it is locked', async () => {
    const api = installFakeApi({});
    const onChosen = vi.fn();
    renderWithApp(<ProfilePicker profiles={[owner, kid]} currentId="p-1" onChosen={onChosen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Ann' }));
    expect(onChosen).toHaveBeenCalledOnce();
    expect(api.requests).toHaveLength(0);
  });

  it('a locked profile asks for its PIN: a wrong one is an alert, the right one switches', async () => {
    const api = installFakeApi({
      'POST /api/profiles/p-3/switch': (request) =>
        (request.body as { pin?: string }).pin === '2468' ? json(200, makeTokens('teen-token', makeUser(), teen)) : problem(403, 'WRONG_PIN'),
    });
    const onChosen = vi.fn();
    renderWithApp(<ProfilePicker profiles={[owner, teen]} currentId="p-1" onChosen={onChosen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sam' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enter PIN' });
    const pin = screen.getByLabelText('PIN');
    expect(pin).toHaveFocus();

    // Not four digits: the app says so and asks nothing of the server.
    await userEvent.type(pin, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests).toHaveLength(0);

    await userEvent.clear(pin);
    await userEvent.type(pin, '1111');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That PIN isn’t right');
    expect(dialog).toBeInTheDocument();
    expect(onChosen).not.toHaveBeenCalled();

    await userEvent.type(pin, '2468');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await vi.waitFor(() => expect(onChosen).toHaveBeenCalledOnce());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(session.accessToken).toBe('teen-token');
  });

  it('after too many wrong PINs the alert says how long to wait (Retry-After)', async () => {
    installFakeApi({
      'POST /api/profiles/p-3/switch': () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Too many', status: 429, code: 'RATE_LIMITED', detail: 'Too many' }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '600' },
        }),
    });
    renderWithApp(<ProfilePicker profiles={[owner, teen]} currentId="p-1" onChosen={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sam' }));
    await userEvent.type(await screen.findByLabelText('PIN'), '0000');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong PINs. Try again in 10 minutes.');
  });

  it('Cancel closes the PIN dialog without switching', async () => {
    const api = installFakeApi({});
    renderWithApp(<ProfilePicker profiles={[owner, teen]} currentId="p-1" onChosen={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sam' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
