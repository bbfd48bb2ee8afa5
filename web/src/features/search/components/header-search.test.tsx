import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../../../lib/api-client';
import { installFakeApi, json, makePage, makeTitle } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { HeaderSearch } from './header-search';
import { SearchResults } from './search-results';
import { useSearchUrl } from './use-search-params';

function SearchRoute() {
  return <SearchResults params={useSearchUrl()} />;
}

function Harness() {
  return (
    <>
      <HeaderSearch />
      <Routes>
        <Route path="/" element={<p>Browse</p>} />
        <Route path="/search" element={<SearchRoute />} />
      </Routes>
    </>
  );
}

describe('search', () => {
  beforeEach(() => endSession());

  it('typing runs one search after the typing stops, not one per keystroke', async () => {
    const api = installFakeApi({
      'GET /api/movies/search': (req) => json(200, makePage(req.query.get('q') === 'star' ? [makeTitle({ id: 11, title: 'Star Wars' })] : [])),
    });
    renderWithApp(<Harness />);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'star');
    expect(api.calls('GET /api/movies/search')).toHaveLength(0);

    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(results).toContainElement(screen.getByRole('link', { name: 'Star Wars' }));
    const searches = api.calls('GET /api/movies/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query.get('q')).toBe('star');
  });

  it('a search with no match says "No results"', async () => {
    installFakeApi({ 'GET /api/movies/search': () => json(200, makePage([])) });
    renderWithApp(<Harness />, { route: '/search?q=zzzz' });
    expect(await screen.findByText('No results')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('zzzz');
  });

  it('a genre-only search is sent without q', async () => {
    const api = installFakeApi({ 'GET /api/movies/search': () => json(200, makePage([makeTitle({ id: 5, title: 'Alien' })])) });
    renderWithApp(<Harness />, { route: '/search?genre=27' });
    await screen.findByRole('link', { name: 'Alien' });
    const [search] = api.calls('GET /api/movies/search');
    expect(search?.query.get('genre')).toBe('27');
    expect(search?.query.has('q')).toBe(false);
  });
});
