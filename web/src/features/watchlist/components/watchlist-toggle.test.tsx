import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Watchlist } from '@marquee/contracts';
import { endSession, startSession } from '../../../lib/api-client';
import { deferred, installFakeApi, json, makeTitle, makeTokens, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { watchlistQueryKey } from '../api/get-watchlist';
import { preloadWatchlistToggle, WatchlistToggle } from './watchlist-toggle';

const title = makeTitle({ id: 603, title: 'The Matrix' });
const emptyList: Watchlist = { results: [], total_results: 0 };

describe('My List toggle', () => {
  beforeEach(async () => {
    endSession();
    startSession(makeTokens('token'));
    // As on a page that has been idle once: the toggle's request code is here.
    await preloadWatchlistToggle();
  });

  it('flips to "Remove from My List" before the server answers, and stays after a 201 and the list’s refetch', async () => {
    const answer = deferred<Response>();
    let saved: Watchlist = emptyList;
    const api = installFakeApi({
      'GET /api/watchlist': () => json(200, saved),
      'POST /api/watchlist/603': () => answer.promise,
    });
    const { queryClient } = renderWithApp(<WatchlistToggle title={title} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Add to My List' }));

    // Optimistic: the label and the cached list change while the request is still in flight.
    expect(screen.getByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();
    expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results.map((t) => t.id)).toEqual([603]);
    expect(api.calls('POST /api/watchlist/603')[0]?.query.get('media_type')).toBe('movie');
    expect(api.calls('GET /api/watchlist')).toHaveLength(1);

    // The server adds it; the settled mutation asks for the list again, which now holds it.
    saved = { results: [{ ...title, added_at: '2025-01-01T00:00:00.000Z' }], total_results: 1 };
    answer.resolve(json(201, { id: 603, media_type: 'movie', added_at: '2025-01-01T00:00:00.000Z' }));
    await waitFor(() => expect(api.calls('GET /api/watchlist')).toHaveLength(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results.map((t) => t.added_at)).toEqual(['2025-01-01T00:00:00.000Z']);
    expect(screen.getByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();
  });

  it('rolls back and announces an alert when the server refuses the add', async () => {
    const answer = deferred<Response>();
    installFakeApi({
      'GET /api/watchlist': () => json(200, emptyList),
      'POST /api/watchlist/603': () => answer.promise,
    });
    const { queryClient } = renderWithApp(<WatchlistToggle title={title} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Add to My List' }));
    expect(screen.getByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();

    answer.resolve(problem(500, 'INTERNAL'));

    expect(await screen.findByRole('button', { name: 'Add to My List' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Couldn’t add The Matrix to My List.');
    expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results).toEqual([]);
  });

  it('removing is optimistic too, and a failed remove puts the title back', async () => {
    const inList: Watchlist = { results: [{ ...title, added_at: '2025-01-01T00:00:00.000Z' }], total_results: 1 };
    const answer = deferred<Response>();
    installFakeApi({
      'GET /api/watchlist': () => json(200, inList),
      'DELETE /api/watchlist/603': () => answer.promise,
    });
    const { queryClient } = renderWithApp(<WatchlistToggle title={title} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Remove from My List' }));
    expect(screen.getByRole('button', { name: 'Add to My List' })).toBeInTheDocument();
    expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results).toEqual([]);

    answer.resolve(problem(503, 'UPSTREAM_UNAVAILABLE'));

    expect(await screen.findByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();
    expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results.map((t) => t.id)).toEqual([603]);
  });
});
