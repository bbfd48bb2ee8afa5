import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { deferred, installFakeApi, json, makeTokens, makeUser, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { LoginForm } from './login-form';

describe('sign-in form', () => {
  beforeEach(() => endSession());

  it('signing in sends the form once, then stores the user and the access token in the session', async () => {
    const answer = deferred<Response>();
    const api = installFakeApi({ 'POST /api/auth/login': () => answer.promise });
    const onSignedIn = vi.fn();
    renderWithApp(<LoginForm onSignedIn={onSignedIn} />, { route: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), ' ann@example.com ');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // While the server has not answered, the button cannot send the form again.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(session.getSnapshot().status).toBe('signed-out');
    expect(onSignedIn).not.toHaveBeenCalled();

    answer.resolve(json(200, makeTokens('token-1', makeUser({ name: 'Ann' }))));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(session.getSnapshot().status).toBe('signed-in');
    expect(session.getSnapshot().user?.name).toBe('Ann');
    expect(session.accessToken).toBe('token-1');
    expect(api.calls('POST /api/auth/login')).toHaveLength(1);
    expect(api.calls('POST /api/auth/login')[0]?.body).toEqual({ email: 'ann@example.com', password: 'correct horse' });
  });

  it('a failed sign-in shows an alert and leaves the person signed out', async () => {
    installFakeApi({ 'POST /api/auth/login': () => problem(401, 'INVALID_CREDENTIALS') });
    renderWithApp(<LoginForm />, { route: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), 'ann@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect email or password.');
    expect(session.getSnapshot().status).toBe('signed-out');
  });

  it('validates in the app: an invalid email is marked and described, nothing is sent', async () => {
    const api = installFakeApi({});
    renderWithApp(<LoginForm />, { route: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/email address like/);
    expect(api.requests).toHaveLength(0);
  });
});
