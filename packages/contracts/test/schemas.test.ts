/**
 * The schemas accept and refuse what API.md says. Checked with TypeBox's own validator, strictly
 * (no coercion), as the server checks JSON bodies; query strings and path params reach the same
 * schemas as numbers once the server has coerced their decimal digits.
 */
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  ErrorCodes,
  GenreParams,
  IdParams,
  LoginBody,
  MediaTypeQuery,
  Page,
  PageQuery,
  Problem,
  ProfileBody,
  RegisterBody,
  SearchQuery,
  Title,
  TitleDetails,
  TokenResponse,
  Trailer,
  TrendingQuery,
  User,
  Watchlist,
  WatchlistEntry,
} from '../src/index.js';

/** API.md's Title example, verbatim. */
const title = {
  id: 550,
  media_type: 'movie',
  title: 'Fight Club',
  overview: '…',
  poster_path: '/abc.jpg',
  backdrop_path: '/xyz.jpg',
  poster_url: 'https://image.tmdb.org/t/p/w500/abc.jpg',
  backdrop_url: 'https://image.tmdb.org/t/p/original/xyz.jpg',
  release_date: '1999-10-15',
  vote_average: 8.4,
  genre_ids: [18, 53],
};
const user = {
  id: 'u1',
  email: 'a@b.co',
  name: 'Ann',
  avatar: null,
  watchlist: [550, 1399],
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

describe('common shapes', () => {
  it('a problem has type, title, status, detail and code; validation errors add errors[{path, message}]', () => {
    const problem = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid body', code: 'VALIDATION_FAILED' };
    expect(Value.Check(Problem, problem)).toBe(true);
    expect(Value.Check(Problem, { ...problem, errors: [{ path: '/email', message: 'must match format "email"' }] })).toBe(true);
    expect(Value.Check(Problem, { ...problem, code: undefined })).toBe(false);
    expect(Value.Check(Problem, { ...problem, errors: [{ path: '/email' }] })).toBe(false);
  });

  it('lists every v1 error code', () => {
    expect(ErrorCodes).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'MALFORMED_JSON',
        'PAYLOAD_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'UNAUTHORIZED',
        'INVALID_CREDENTIALS',
        'EMAIL_TAKEN',
        'WRONG_PASSWORD',
        'RATE_LIMITED',
        'NOT_FOUND',
        'METHOD_NOT_ALLOWED',
        'WATCHLIST_FULL',
        'UPSTREAM_RATE_LIMITED',
        'UPSTREAM_UNAVAILABLE',
        'INTERNAL',
      ]),
    );
  });

  it('path ids are positive integers', () => {
    for (const movie_id of [1, 550, 2147483647]) expect(Value.Check(IdParams, { movie_id })).toBe(true);
    for (const movie_id of [0, -1, 1.5, 2147483648, '550']) expect(Value.Check(IdParams, { movie_id })).toBe(false);
    expect(Value.Check(GenreParams, { genre_id: 28 })).toBe(true);
    expect(Value.Check(GenreParams, { genre_id: 0 })).toBe(false);
  });

  it('media_type is movie or tv, and may be left out', () => {
    expect(Value.Check(MediaTypeQuery, {})).toBe(true);
    expect(Value.Check(MediaTypeQuery, { media_type: 'tv' })).toBe(true);
    expect(Value.Check(MediaTypeQuery, { media_type: 'person' })).toBe(false);
  });

  it('page is 1…500', () => {
    expect(Value.Check(PageQuery, {})).toBe(true);
    for (const page of [1, 500]) expect(Value.Check(PageQuery, { page })).toBe(true);
    for (const page of [0, 501, 2.5]) expect(Value.Check(PageQuery, { page })).toBe(false);
  });
});

describe('catalog', () => {
  it('API.md’s Title example is a Title; null stands for missing artwork and dates', () => {
    expect(Value.Check(Title, title)).toBe(true);
    expect(Value.Check(Title, { ...title, poster_path: null, backdrop_path: null, poster_url: null, backdrop_url: null, release_date: null })).toBe(true);
    expect(Value.Check(Title, { ...title, media_type: 'person' })).toBe(false);
    expect(Value.Check(Title, { ...title, release_date: undefined })).toBe(false);
  });

  it('TitleDetails is a Title with genres, runtime, tagline, vote_count and trailer_url', () => {
    const details = {
      ...title,
      genres: [{ id: 18, name: 'Drama' }],
      runtime: 139,
      tagline: null,
      vote_count: 30000,
      trailer_url: 'https://www.youtube.com/embed/qtRKdVHc-cE',
      certification: 'R',
    };
    expect(Value.Check(TitleDetails, details)).toBe(true);
    expect(Value.Check(TitleDetails, { ...details, runtime: null, trailer_url: null, certification: null })).toBe(true);
    expect(Value.Check(TitleDetails, { ...details, genres: [18] })).toBe(false);
    expect(Value.Check(TitleDetails, title)).toBe(false);
  });

  it('a page carries page, total_pages, total_results and results', () => {
    expect(Value.Check(Page, { page: 1, total_pages: 12, total_results: 231, results: [title] })).toBe(true);
    expect(Value.Check(Page, { page: 1, results: [title] })).toBe(false);
  });

  it('a trailer is a YouTube video, never another site', () => {
    const trailer = { trailer_url: 'https://www.youtube.com/embed/k', key: 'k', name: 'Official Trailer', site: 'YouTube' };
    expect(Value.Check(Trailer, trailer)).toBe(true);
    expect(Value.Check(Trailer, { ...trailer, site: 'Vimeo' })).toBe(false);
  });

  it('trending takes window day or week; search takes q, a genre id and page; neither takes anything else', () => {
    expect(Value.Check(TrendingQuery, { window: 'day', page: 2 })).toBe(true);
    expect(Value.Check(TrendingQuery, { window: 'month' })).toBe(false);
    expect(Value.Check(SearchQuery, { q: 'star', genre: 878, page: 1 })).toBe(true);
    expect(Value.Check(SearchQuery, { genre: 0 })).toBe(false);
    expect(Value.Check(SearchQuery, { q: 'star', sort: 'name' })).toBe(false);
    expect(Value.Check(TrendingQuery, { page: 1, language: 'en' })).toBe(false);
  });
});

describe('auth', () => {
  it('a user never carries a password hash', () => {
    expect(Value.Check(User, user)).toBe(true);
    expect(Value.Check(User, { ...user, password_hash: '$argon2id$…' })).toBe(false);
  });

  it('a token response is a Bearer access token, its lifetime, a refresh token and the user', () => {
    const profile = { id: 'p1', name: 'Ann', avatar: 'ember', kids: false, maturity: 'all', locked: false, owner: true, created_at: '2024-01-01T00:00:00.000Z' };
    const tokens = { access_token: 'jwt', token_type: 'Bearer', expires_in: 900, refresh_token: 'opaque', user, profile };
    expect(Value.Check(TokenResponse, tokens)).toBe(true);
    // v2: the token's profile is part of every token response.
    expect(Value.Check(TokenResponse, { ...tokens, profile: undefined })).toBe(false);
    expect(Value.Check(TokenResponse, { ...tokens, token_type: 'bearer' })).toBe(false);
  });

  it('registration takes email, password (8…128 characters) and name, and no other field', () => {
    const body = { email: 'ann@example.com', password: 'x'.repeat(8), name: 'Ann' };
    expect(Value.Check(RegisterBody, body)).toBe(true);
    expect(Value.Check(RegisterBody, { ...body, password: 'x'.repeat(128) })).toBe(true);
    expect(Value.Check(RegisterBody, { ...body, password: 'x'.repeat(7) })).toBe(false);
    expect(Value.Check(RegisterBody, { ...body, password: 'x'.repeat(129) })).toBe(false);
    expect(Value.Check(RegisterBody, { ...body, email: 'not-an-email' })).toBe(false);
    expect(Value.Check(RegisterBody, { ...body, role: 'admin' })).toBe(false);
    expect(Value.Check(RegisterBody, { email: body.email, password: body.password })).toBe(false);
  });

  it('sign-in takes email and password only', () => {
    expect(Value.Check(LoginBody, { email: 'ann@example.com', password: 'whatever' })).toBe(true);
    expect(Value.Check(LoginBody, { email: 'ann@example.com', password: 'whatever', remember: true })).toBe(false);
  });

  it('a profile change may set name, avatar (or clear it) and the password, nothing else', () => {
    expect(Value.Check(ProfileBody, {})).toBe(true);
    expect(Value.Check(ProfileBody, { name: 'Ann', avatar: null })).toBe(true);
    expect(Value.Check(ProfileBody, { current_password: 'old password', new_password: 'a new password' })).toBe(true);
    for (const field of ['email', 'id', 'watchlist']) expect(Value.Check(ProfileBody, { [field]: 'x' })).toBe(false);
  });
});

describe('watchlist', () => {
  it('the list is Titles with added_at, newest first, and its total', () => {
    const item = { ...title, added_at: '2025-01-01T00:00:00.000Z' };
    expect(Value.Check(Watchlist, { results: [item], total_results: 1 })).toBe(true);
    expect(Value.Check(Watchlist, { results: [title], total_results: 1 })).toBe(false);
  });

  it('an entry is the id, media_type and an ISO 8601 added_at', () => {
    expect(Value.Check(WatchlistEntry, { id: 550, media_type: 'movie', added_at: '2025-01-01T00:00:00.000Z' })).toBe(true);
    expect(Value.Check(WatchlistEntry, { id: 550, media_type: 'movie', added_at: 'yesterday' })).toBe(false);
  });
});
