import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession } from '../../../lib/api-client';
import { installFakeApi, json, makeTokens, makeUser, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { RegisterForm } from './register-form';

async function fillAndSubmit() {
  await userEvent.type(screen.getByLabelText('Name'), 'Ivy');
  await userEvent.type(screen.getByLabelText('Email'), 'ivy@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
  await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('create-account form with an invitation', () => {
  beforeEach(() => endSession());

  it('sends the invitation token with the account', async () => {
    const api = installFakeApi({ 'POST /api/auth/register': () => json(201, makeTokens('token-1', makeUser({ name: 'Ivy' }))) });
    const onRegistered = vi.fn();
    renderWithApp(<RegisterForm invitation="tok_123" onRegistered={onRegistered} />, { route: '/register?invitation=tok_123' });
    expect(screen.getByText('You’ve been invited to join this Marquee.')).toBeInTheDocument();
    await fillAndSubmit();
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(api.calls('POST /api/auth/register')[0]?.body).toEqual({ name: 'Ivy', email: 'ivy@example.com', password: 'correct horse', invitation: 'tok_123' });
  });

  it('without one, sends no invitation field', async () => {
    const api = installFakeApi({ 'POST /api/auth/register': () => json(201, makeTokens('token-1', makeUser())) });
    renderWithApp(<RegisterForm />, { route: '/register' });
    await fillAndSubmit();
    await waitFor(() => expect(api.calls('POST /api/auth/register')).toHaveLength(1));
    expect(api.calls('POST /api/auth/register')[0]?.body).not.toHaveProperty('invitation');
  });

  it('a used, expired or revoked invitation is an alert that says what to do', async () => {
    installFakeApi({ 'POST /api/auth/register': () => problem(403, 'INVITATION_REQUIRED') });
    renderWithApp(<RegisterForm invitation="used" />, { route: '/register?invitation=used' });
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('ask the owner for a new one');
  });

  it('closed registration says so', async () => {
    installFakeApi({ 'POST /api/auth/register': () => problem(403, 'REGISTRATION_CLOSED') });
    renderWithApp(<RegisterForm />, { route: '/register' });
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('not taking new accounts');
  });
});
