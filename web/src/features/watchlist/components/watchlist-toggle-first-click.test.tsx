import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { Watchlist } from '@marquee/contracts';
import { startSession } from '../../../lib/api-client';
import { deferred, installFakeApi, json, makeTitle, makeTokens } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { watchlistQueryKey } from '../api/get-watchlist';
import { WatchlistToggle } from './watchlist-toggle';

// Its own file: the toggle's request code must not have been loaded by an earlier test.
it('a click before the request code has arrived flips the label at once and is sent once the code is here', async () => {
  startSession(makeTokens('token'));
  const title = makeTitle({ id: 603, title: 'The Matrix' });
  const answer = deferred<Response>();
  let saved: Watchlist = { results: [], total_results: 0 };
  const api = installFakeApi({
    'GET /api/watchlist': () => json(200, saved),
    'POST /api/watchlist/603': () => answer.promise,
  });
  const { queryClient } = renderWithApp(<WatchlistToggle title={title} />);

  await userEvent.click(await screen.findByRole('button', { name: 'Add to My List' }));
  expect(screen.getByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();

  await waitFor(() => expect(api.calls('POST /api/watchlist/603')).toHaveLength(1));
  expect(queryClient.getQueryData<Watchlist>(watchlistQueryKey)?.results.map((t) => t.id)).toEqual([603]);
  saved = { results: [{ ...title, added_at: '2025-01-01T00:00:00.000Z' }], total_results: 1 };
  answer.resolve(json(201, { id: 603, media_type: 'movie', added_at: '2025-01-01T00:00:00.000Z' }));
  await waitFor(() => expect(queryClient.isMutating() + queryClient.isFetching()).toBe(0));
  expect(screen.getByRole('button', { name: 'Remove from My List' })).toBeInTheDocument();
  expect(api.calls('POST /api/watchlist/603')).toHaveLength(1);
});
