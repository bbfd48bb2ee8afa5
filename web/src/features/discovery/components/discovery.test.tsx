import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Credits, RatingList, Recommendations, Season, TitleDetails, WatchProviders } from '@marquee/contracts';
import { endSession, startSession } from '../../../lib/api-client';
import { deferred, installFakeApi, json, makePage, makeTitle, makeTokens, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import DiscoverySections from './discovery-sections';
import PersonalRows from './personal-rows';
import { RatingButtons } from './rating-buttons';

const film: TitleDetails = {
  ...makeTitle({ id: 550, title: 'Fight Club' }),
  genres: [{ id: 18, name: 'Drama' }],
  runtime: 139,
  tagline: null,
  vote_count: 30000,
  trailer_url: null,
  certification: 'R',
};
const show: TitleDetails = {
  ...makeTitle({ id: 1399, media_type: 'tv', title: 'Game of Thrones' }),
  genres: [{ id: 18, name: 'Drama' }],
  runtime: 60,
  tagline: null,
  vote_count: 20000,
  trailer_url: null,
  certification: 'TV-MA',
  seasons: [
    { season_number: 1, name: 'Season 1', episode_count: 2, air_date: '2011-04-17', poster_url: null },
    { season_number: 2, name: 'Season 2', episode_count: null, air_date: '2012-04-01', poster_url: null },
  ],
};
const credits: Credits = {
  cast: [
    { id: 819, name: 'Edward Norton', character: 'Narrator', profile_url: null },
    { id: 287, name: 'Brad Pitt', character: 'Tyler Durden', profile_url: null },
  ],
  crew: [
    { id: 7467, name: 'David Fincher', job: 'Director' },
    { id: 7469, name: 'Jim Uhls', job: 'Screenplay' },
  ],
};
const noProviders: WatchProviders = { region: 'US', link: null, flatrate: [], rent: [], buy: [] };
const season1: Season = {
  season_number: 1,
  name: 'Season 1',
  air_date: '2011-04-17',
  overview: '',
  episodes: [
    { episode_number: 1, name: 'Winter Is Coming', overview: 'Jon Arryn is dead.', air_date: '2011-04-17', runtime: 62, still_url: null },
    { episode_number: 2, name: 'The Kingsroad', overview: '', air_date: '2011-04-24', runtime: 56, still_url: null },
  ],
};

describe('discovery sections of the detail dialog', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('token'));
  });

  it('a film: Cast and Director, a "More like this" region of cards, and "Where to watch" with the JustWatch credit', async () => {
    const api = installFakeApi({
      'GET /api/movies/550/credits': () => json(200, credits),
      'GET /api/movies/550/similar': () => json(200, makePage([makeTitle({ id: 603, title: 'The Matrix' }), makeTitle({ id: 680, title: 'Pulp Fiction' })])),
      'GET /api/movies/550/providers': () =>
        json(200, { region: 'US', link: 'https://www.themoviedb.org/movie/550/watch?locale=US', flatrate: [{ id: 15, name: 'Hulu', logo_url: null }], rent: [{ id: 2, name: 'Apple TV', logo_url: null }], buy: [] }),
    });
    renderWithApp(<DiscoverySections title={film} />, { route: '/title/movie/550' });

    const more = await screen.findByRole('region', { name: 'More like this' });
    expect(await within(more).findByRole('link', { name: 'The Matrix' })).toHaveAttribute('href', '/title/movie/603');
    expect(within(more).getByRole('link', { name: 'Pulp Fiction' })).toBeInTheDocument();
    expect(await screen.findByText('Edward Norton, Brad Pitt')).toBeInTheDocument();
    expect(screen.getByText('Cast')).toBeInTheDocument();
    expect(screen.getByText('Director')).toBeInTheDocument();
    expect(screen.getByText('David Fincher')).toBeInTheDocument();
    const where = await screen.findByRole('region', { name: 'Where to watch' });
    expect(within(where).getByText('Hulu')).toBeInTheDocument();
    expect(within(where).getByText('Apple TV')).toBeInTheDocument();
    expect(within(where).getByRole('link', { name: 'JustWatch' })).toHaveAttribute('href', 'https://www.justwatch.com');
    // With a token: the answers are the profile's (maturity), so the requests carry it.
    expect(api.calls('GET /api/movies/550/similar')[0]?.headers.get('authorization')).toBe('Bearer token');
  });

  it('no "Where to watch" when there is nowhere, and no "More like this" when there is nothing like it', async () => {
    const api = installFakeApi({
      'GET /api/movies/550/credits': () => json(200, { cast: [], crew: [] }),
      'GET /api/movies/550/similar': () => json(200, makePage([])),
      'GET /api/movies/550/providers': () => json(200, noProviders),
    });
    renderWithApp(<DiscoverySections title={film} />, { route: '/title/movie/550' });
    await waitFor(() => expect(api.calls('GET /api/movies/550/providers')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'More like this' })).not.toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'Where to watch' })).not.toBeInTheDocument();
    expect(screen.queryByText('Cast')).not.toBeInTheDocument();
  });

  it('a series: "Created by", a Season combobox and the Episodes list; a season without known episodes says so', async () => {
    const api = installFakeApi({
      'GET /api/movies/1399/credits': () => json(200, { cast: [], crew: [{ id: 9813, name: 'David Benioff', job: 'Creator' }] }),
      'GET /api/movies/1399/similar': () => json(200, makePage([])),
      'GET /api/movies/1399/providers': () => json(200, noProviders),
      'GET /api/tv/1399/seasons/1': () => json(200, season1),
      'GET /api/tv/1399/seasons/2': () => json(200, { season_number: 2, name: 'Season 2', air_date: '2012-04-01', overview: '', episodes: [] }),
    });
    renderWithApp(<DiscoverySections title={show} />, { route: '/title/tv/1399' });

    expect(await screen.findByText('Created by')).toBeInTheDocument();
    expect(screen.getByText('David Benioff')).toBeInTheDocument();
    const season = screen.getByRole('combobox', { name: 'Season' });
    expect(within(season).getAllByRole('option').map((option) => option.textContent)).toEqual(['Season 1 (2 episodes)', 'Season 2']);
    const episodes = await screen.findByRole('list', { name: 'Episodes' });
    expect(within(episodes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^1Winter Is Coming · 62mJon Arryn is dead\.$/),
      expect.stringMatching(/^2The Kingsroad · 56m$/),
    ]);

    await userEvent.selectOptions(season, '2');
    expect(await screen.findByText(/episode list of this season isn’t available/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Episodes' })).not.toBeInTheDocument();
    expect(api.calls('GET /api/tv/1399/seasons/2')).toHaveLength(1);
  });
});

describe('thumbs', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('token'));
  });
  const title = makeTitle({ id: 603, title: 'The Matrix' });

  it('"I like this" is pressed at once, PUTs up, and pressing it again takes the rating back', async () => {
    const answer = deferred<Response>();
    let saved: RatingList = { results: [] };
    const api = installFakeApi({
      'GET /api/ratings': () => json(200, saved),
      'PUT /api/ratings/603': () => answer.promise,
      'DELETE /api/ratings/603': () => new Response(null, { status: 204 }),
    });
    renderWithApp(<RatingButtons title={title} />);
    const like = await screen.findByRole('button', { name: 'I like this' });
    const dislike = screen.getByRole('button', { name: 'Not for me' });
    await waitFor(() => expect(like).toBeEnabled());
    expect(like).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(like);
    expect(like).toHaveAttribute('aria-pressed', 'true');
    expect(dislike).toHaveAttribute('aria-pressed', 'false');
    expect(api.calls('PUT /api/ratings/603')[0]?.body).toEqual({ rating: 'up' });
    saved = { results: [{ ...title, rating: 'up', rated_at: '2026-01-01T00:00:00.000Z' }] };
    answer.resolve(json(200, { id: 603, media_type: 'movie', rating: 'up', rated_at: '2026-01-01T00:00:00.000Z' }));
    await waitFor(() => expect(api.calls('GET /api/ratings')).toHaveLength(2));
    expect(like).toHaveAttribute('aria-pressed', 'true');

    saved = { results: [] };
    await userEvent.click(like);
    await waitFor(() => expect(api.calls('DELETE /api/ratings/603')).toHaveLength(1));
    await waitFor(() => expect(like).toHaveAttribute('aria-pressed', 'false'));
  });

  it('a refused rating rolls back and says so in an alert', async () => {
    installFakeApi({
      'GET /api/ratings': () => json(200, { results: [] }),
      'PUT /api/ratings/603': () => problem(403, 'MATURITY_RESTRICTED'),
    });
    renderWithApp(<RatingButtons title={title} />);
    const dislike = await screen.findByRole('button', { name: 'Not for me' });
    await waitFor(() => expect(dislike).toBeEnabled());
    await userEvent.click(dislike);
    expect(await screen.findByRole('alert')).toHaveTextContent('Couldn’t save your rating of The Matrix.');
    expect(dislike).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('rows made for the profile', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('token'));
  });

  it('shows each row as a region named by its title, with its cards', async () => {
    const rows: Recommendations = {
      rows: [
        { id: 'because-movie-550', title: 'Because you liked Fight Club', results: [makeTitle({ id: 603, title: 'The Matrix' })] },
        { id: 'because-tv-1399', title: 'Because you added Game of Thrones', results: [makeTitle({ id: 1396, media_type: 'tv', title: 'Breaking Bad' })] },
      ],
    };
    installFakeApi({ 'GET /api/recommendations': () => json(200, rows) });
    renderWithApp(<PersonalRows />);
    const liked = await screen.findByRole('region', { name: 'Because you liked Fight Club' });
    expect(await within(liked).findByRole('link', { name: 'The Matrix' })).toBeInTheDocument();
    const added = screen.getByRole('region', { name: 'Because you added Game of Thrones' });
    expect(await within(added).findByRole('link', { name: 'Breaking Bad' })).toHaveAttribute('href', '/title/tv/1396');
  });

  it('shows nothing for a profile without signals', async () => {
    const api = installFakeApi({ 'GET /api/recommendations': () => json(200, { rows: [] }) });
    const { container } = renderWithApp(<PersonalRows />);
    await waitFor(() => expect(api.calls('GET /api/recommendations')).toHaveLength(1));
    expect(container.querySelectorAll('section')).toHaveLength(0);
  });
});
