import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InstanceSettings } from '@marquee/contracts';
import { installFakeApi, json, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { TmdbSection } from './tmdb-section';

const settings = (tmdb: InstanceSettings['tmdb']): InstanceSettings => ({
  registration: 'open',
  default_region: 'US',
  tmdb,
  catalog_source: tmdb.connected ? 'tmdb' : 'embedded',
  insecure_transport: false,
});

describe('TMDB settings', () => {
  it('a refused key is an alert; the field keeps what was typed and nothing claims success', async () => {
    const api = installFakeApi({ 'PUT /api/admin/settings/tmdb': () => problem(422, 'TMDB_CREDENTIAL_REJECTED') });
    renderWithApp(<TmdbSection settings={settings({ connected: false, source: null })} />, { route: '/settings' });
    await userEvent.type(screen.getByLabelText('TMDB API key or read access token'), 'bad-key');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('TMDB did not accept this key');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(api.calls('PUT /api/admin/settings/tmdb')[0]?.body).toEqual({ credential: 'bad-key' });
  });

  it('an accepted key is a status, and the field is emptied: a saved key is never shown', async () => {
    installFakeApi({
      'PUT /api/admin/settings/tmdb': () => json(200, settings({ connected: true, source: 'settings' })),
      'GET /api/admin/settings': () => json(200, settings({ connected: true, source: 'settings' })),
    });
    renderWithApp(<TmdbSection settings={settings({ connected: false, source: null })} />, { route: '/settings' });
    const field = screen.getByLabelText('TMDB API key or read access token');
    await userEvent.type(field, 'good-key');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('status')).toHaveTextContent('TMDB connected');
    await waitFor(() => expect(field).toHaveValue(''));
  });

  it('a credential from the environment offers no field', () => {
    installFakeApi({});
    renderWithApp(<TmdbSection settings={settings({ connected: true, source: 'environment' })} />, { route: '/settings' });
    expect(screen.queryByLabelText('TMDB API key or read access token')).not.toBeInTheDocument();
    expect(screen.getByText(/server’s environment/)).toBeInTheDocument();
  });
});
