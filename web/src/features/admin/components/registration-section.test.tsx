import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InstanceSettings } from '@marquee/contracts';
import { installFakeApi, json, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { RegistrationSection } from './registration-section';

const settings: InstanceSettings = {
  registration: 'invite',
  default_region: 'US',
  tmdb: { connected: false, source: null },
  catalog_source: 'embedded',
  insecure_transport: false,
};

describe('Registration settings', () => {
  it('the chosen radio is checked from the click on, while the choice is saved', async () => {
    let answer: (response: Response) => void = () => {};
    const api = installFakeApi({ 'PATCH /api/admin/settings': () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderWithApp(<RegistrationSection policy="open" />, { route: '/settings' });
    const invited = screen.getByRole('radio', { name: /Invited people/ });
    fireEvent.click(invited);
    // Checked at once, not only when the request is under way or answered.
    expect(invited).toBeChecked();
    expect(screen.getByRole('radio', { name: /Anyone/ })).not.toBeChecked();
    await screen.findByRole('radio', { name: /Invited people/, checked: true });
    expect(api.calls('PATCH /api/admin/settings')[0]?.body).toEqual({ registration: 'invite' });
    answer(json(200, settings));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved: Invited people can create an account.');
  });

  it('a choice that cannot be saved goes back to the saved one, with an alert', async () => {
    installFakeApi({ 'PATCH /api/admin/settings': () => problem(503, 'SERVICE_UNAVAILABLE') });
    renderWithApp(<RegistrationSection policy="open" />, { route: '/settings' });
    fireEvent.click(screen.getByRole('radio', { name: /Nobody/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Couldn’t change who can create an account');
    expect(screen.getByRole('radio', { name: /Anyone/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Nobody/ })).not.toBeChecked();
  });
});
