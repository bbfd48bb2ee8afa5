import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TitleDetails } from '@marquee/contracts';
import { endSession } from '../../../lib/api-client';
import { installFakeApi, json, makeTitle, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { TitleDialog } from './title-dialog';

const details: TitleDetails = {
  ...makeTitle({ id: 550, title: 'Fight Club', vote_average: 8.43 }),
  genres: [
    { id: 18, name: 'Drama' },
    { id: 53, name: 'Thriller' },
  ],
  runtime: 139,
  tagline: 'Mischief. Mayhem. Soap.',
  vote_count: 30000,
  trailer_url: 'https://www.youtube.com/embed/qtRKdVHc-cE',
  certification: 'R',
};

describe('title details dialog', () => {
  beforeEach(() => endSession());

  it('is named by the title and shows year, rating, runtime, genres and overview', async () => {
    installFakeApi({ 'GET /api/movies/550': () => json(200, details) });
    renderWithApp(<TitleDialog mediaType="movie" id={550} onClose={() => {}} />);

    const dialog = await screen.findByRole('dialog', { name: 'Fight Club' });
    expect(dialog).toHaveTextContent('1999');
    expect(dialog).toHaveTextContent('8.4');
    expect(dialog).toHaveTextContent('2h 19m');
    expect(dialog).toHaveTextContent('Drama, Thriller');
    expect(dialog).toHaveTextContent('An insomniac office worker');
  });

  it('"Play trailer" swaps the backdrop for a YouTube iframe titled "Trailer: {title}"', async () => {
    installFakeApi({ 'GET /api/movies/550': () => json(200, details) });
    renderWithApp(<TitleDialog mediaType="movie" id={550} onClose={() => {}} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Play trailer' }));
    const frame = screen.getByTitle('Trailer: Fight Club');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toMatch(/^https:\/\/www\.youtube\.com\/embed\/qtRKdVHc-cE\?/);
  });

  it('has no "Play trailer" without a trailer, and Esc asks to close', async () => {
    installFakeApi({ 'GET /api/movies/550': () => json(200, { ...details, trailer_url: null }) });
    const onClose = vi.fn();
    renderWithApp(<TitleDialog mediaType="movie" id={550} onClose={onClose} />);

    await screen.findByRole('dialog', { name: 'Fight Club' });
    expect(screen.queryByRole('button', { name: 'Play trailer' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a title above the profile’s limit (403 MATURITY_RESTRICTED) says "Not available on this profile", not an error', async () => {
    installFakeApi({ 'GET /api/movies/550': () => problem(403, 'MATURITY_RESTRICTED', 'This title is above the profile’s maturity limit.') });
    renderWithApp(<TitleDialog mediaType="movie" id={550} onClose={() => {}} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not available on this profile');
    expect(screen.getByRole('dialog', { name: 'Not available on this profile' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});
