import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession, startSession } from '../../../lib/api-client';
import { installFakeApi, json, makeTitle, makeTokens } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { MY_LIST_STEP, WatchlistGrid } from './watchlist-grid';

const listOf = (count: number) => {
  const results = Array.from({ length: count }, (_, i) => ({ ...makeTitle({ id: i + 1, title: `Saved ${i + 1}` }), added_at: '2025-01-01T00:00:00.000Z' }));
  return { results, total_results: count };
};

describe('My List', () => {
  beforeEach(() => {
    endSession();
    startSession(makeTokens('token'));
  });

  it('shows a screenful of a long list, then the rest with "Load more"; the count is the whole list’s', async () => {
    installFakeApi({ 'GET /api/watchlist': () => json(200, listOf(MY_LIST_STEP + 5)) });
    renderWithApp(<WatchlistGrid />);
    const grid = await screen.findByRole('list', { name: 'My List' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(MY_LIST_STEP);
    expect(screen.getByText(`${MY_LIST_STEP + 5} titles`)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(within(grid).getAllByRole('listitem')).toHaveLength(MY_LIST_STEP + 5);
    expect(within(grid).getByRole('link', { name: `Saved ${MY_LIST_STEP + 5}` })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says "1 title" for a list of one, with nothing more to load', async () => {
    installFakeApi({ 'GET /api/watchlist': () => json(200, listOf(1)) });
    renderWithApp(<WatchlistGrid />);
    expect(await screen.findByText('1 title')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
