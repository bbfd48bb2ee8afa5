import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../../../lib/api-client';
import { installFakeApi, json, makePage, makeTitle, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { GenreRow, PopularRow } from './catalog-rows';

describe('catalog rows', () => {
  beforeEach(() => endSession());

  it('a failed load shows an alert whose "Try again" refetches', async () => {
    let healthy = false;
    const api = installFakeApi({
      'GET /api/movies/popular': () => (healthy ? json(200, makePage([makeTitle({ id: 1, title: 'Heat' })])) : problem(503, 'UPSTREAM_UNAVAILABLE')),
    });
    renderWithApp(<PopularRow />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Couldn’t load Popular.');
    // 5xx is transient: the first try plus three retries, then the alert.
    expect(api.calls('GET /api/movies/popular')).toHaveLength(4);

    healthy = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Heat' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.calls('GET /api/movies/popular')).toHaveLength(5);
  });

  it('a 4xx is never retried', async () => {
    const api = installFakeApi({ 'GET /api/movies/genre/9999': () => problem(404, 'NOT_FOUND') });
    renderWithApp(<GenreRow genreId={9999} name="Gone" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Couldn’t load Gone.');
    expect(api.calls('GET /api/movies/genre/9999')).toHaveLength(1);
  });

  it('loading shows a busy region named by its heading, then one card per title named exactly by the title', async () => {
    installFakeApi({ 'GET /api/movies/popular': () => json(200, makePage([makeTitle({ id: 1, title: 'Heat' }), makeTitle({ id: 2, title: 'Ronin' })])) });
    renderWithApp(<PopularRow />);

    expect(screen.getByRole('region', { name: 'Popular' })).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('link', { name: 'Heat' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Popular' })).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('link', { name: 'Ronin' })).toHaveAttribute('href', '/title/movie/2');
  });

  it('Left/Right arrows move focus between the cards of a row (one tab stop per row)', async () => {
    installFakeApi({ 'GET /api/movies/popular': () => json(200, makePage([makeTitle({ id: 1, title: 'Heat' }), makeTitle({ id: 2, title: 'Ronin' })])) });
    renderWithApp(<PopularRow />);
    const heat = await screen.findByRole('link', { name: 'Heat' });
    const ronin = screen.getByRole('link', { name: 'Ronin' });
    expect(heat).toHaveAttribute('tabindex', '0');
    expect(ronin).toHaveAttribute('tabindex', '-1');

    heat.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(ronin).toHaveFocus();
    expect(ronin).toHaveAttribute('tabindex', '0');
    await userEvent.keyboard('{ArrowLeft}');
    expect(heat).toHaveFocus();
  });
});
