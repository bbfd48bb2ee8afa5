import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes } from 'react-router';
import type { Title } from '@marquee/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../../../lib/api-client';
import { installFakeApi, json, makePage, makeTitle } from '../../../test/fake-api';
import { GenreSuggestion } from './genre-suggestion';
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
      <Link to="/my-list">My List</Link>
      <Routes>
        <Route path="/" element={<p>Browse</p>} />
        <Route path="/search" element={<SearchRoute />} />
        <Route path="/my-list" element={<h1>My List</h1>} />
      </Routes>
    </>
  );
}

/** A page of a long search: 20 titles numbered from `first`, `total` in all. */
function pageOf(page: number, total: number): ReturnType<typeof makePage> {
  const results: Title[] = Array.from({ length: Math.min(20, total - (page - 1) * 20) }, (_, i) => {
    const id = (page - 1) * 20 + i + 1;
    return makeTitle({ id, title: `Title ${id}` });
  });
  return { page, total_pages: Math.ceil(total / 20), total_results: total, results };
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

  it('counts grammatically: "1 result"', async () => {
    installFakeApi({ 'GET /api/movies/search': () => json(200, makePage([makeTitle({ id: 11, title: 'Star Wars' })])) });
    renderWithApp(<Harness />, { route: '/search?q=star' });
    await screen.findByRole('link', { name: 'Star Wars' });
    expect(screen.getByRole('status')).toHaveTextContent(/^1 result$/);
  });

  it('"Load more" appends the next page, and the count is the whole search’s', async () => {
    const api = installFakeApi({ 'GET /api/movies/search': (req) => json(200, pageOf(Number(req.query.get('page') ?? 1), 45)) });
    renderWithApp(<Harness />, { route: '/search?genre=35' });
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(screen.getByRole('status')).toHaveTextContent(/^45 titles$/);
    expect(results.querySelectorAll('li')).toHaveLength(20);

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Title 40' });
    expect(screen.getByRole('link', { name: 'Title 1' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Title 45' });
    expect(screen.getByRole('list', { name: 'Search results' }).querySelectorAll('li')).toHaveLength(45);
    // The last page is in: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.calls('GET /api/movies/search').map((r) => r.query.get('page'))).toEqual([null, '2', '3']);
  });

  it('on a phone, the opened search field closes when the user goes to another page', async () => {
    installFakeApi({});
    renderWithApp(<Harness />, { route: '/' });
    const toggle = screen.getByRole('button', { name: 'Search' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(screen.getByRole('link', { name: 'My List' }));
    expect(await screen.findByRole('heading', { name: 'My List' })).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('a query that names a genre offers the genre’s page', async () => {
    const genres = [
      { id: 35, name: 'Comedy' },
      { id: 27, name: 'Horror' },
    ];
    renderWithApp(
      <>
        <GenreSuggestion query="Comedies" genres={genres} current={null} />
        <GenreSuggestion query="the godfather" genres={genres} current={null} />
      </>,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('Browse Comedy');
    expect(links[0]).toHaveAttribute('href', '/search?genre=35');
  });
});
