/**
 * Maturity limits enforced by the server (API.md v2 "Maturity limits"), with a family: the owner
 * (`all`), a teen, an older kid and a little kid, each on their own session. In embedded mode and
 * against the fake TMDB (its `family` fixtures: films of every US certification, one whose TV edit is
 * rated below its theatrical release, one with no US certification, one whose details 404), every
 * list a young profile is answered holds only titles within its limit, by an oracle written from the
 * contract and the data (not from the server's code); details and trailers above it answer 403;
 * My List hides and refuses them; and cached answers never cross levels, in memory or in Redis.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Genre, MaturityLevel, Page, Profile, Title, TokenResponse } from '@marquee/contracts';
import { databaseBackends, hasRedis, openTestRedis, redisReady, type TestRedis } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';
import { login, registerUser, withBearer, type RegisteredUser } from '../helpers/auth-helpers.js';

/** The certifications each level below `all` allows, as API.md lists them; `all` allows everything, unknown included. */
const ALLOWED: Record<Exclude<MaturityLevel, 'all'>, string[]> = {
  little_kids: ['G', 'TV-Y', 'TV-G'],
  older_kids: ['G', 'TV-Y', 'TV-G', 'PG', 'TV-Y7', 'TV-Y7-FV', 'TV-PG'],
  teens: ['G', 'TV-Y', 'TV-G', 'PG', 'TV-Y7', 'TV-Y7-FV', 'TV-PG', 'PG-13', 'TV-14'],
};
const YOUNG = ['little_kids', 'older_kids', 'teens'] as const;
type Young = (typeof YOUNG)[number];

const allows = (level: MaturityLevel, certification: string | null | undefined) =>
  level === 'all' || (typeof certification === 'string' && ALLOWED[level].includes(certification));

/** `media_type:id` → US certification (null when unknown). */
type Oracle = Map<string, string | null>;
const keyOf = (title: { media_type: string; id: number }) => `${title.media_type}:${title.id}`;

interface Family {
  owner: RegisteredUser;
  profiles: Record<Young, Profile>;
  /** An access token per level, each on its own session. */
  tokens: Record<MaturityLevel, string>;
}

/** The owner and three younger profiles, each signed in on its own session. */
async function family(app: FastifyInstance): Promise<Family> {
  const owner = await registerUser(app);
  const create = async (body: object): Promise<Profile> => {
    const res = await withBearer(app, owner.access_token, { method: 'POST', url: '/api/profiles', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const profiles = {
    little_kids: await create({ name: 'Little', kids: true, maturity: 'little_kids' }),
    older_kids: await create({ name: 'Older', kids: true }),
    teens: await create({ name: 'Teen', maturity: 'teens' }),
  };
  const tokens = { all: owner.access_token } as Record<MaturityLevel, string>;
  for (const level of YOUNG) {
    const session = (await login(app, owner.email, owner.password)).json() as TokenResponse;
    const res = await withBearer(app, session.access_token, { method: 'POST', url: `/api/profiles/${profiles[level].id}/switch` });
    expect(res.statusCode, res.body).toBe(200);
    tokens[level] = res.json().access_token;
  }
  return { owner, profiles, tokens };
}

/** Every title a young level is answered must be within it; returns the titles for further checks. */
function expectWithin(oracle: Oracle, level: MaturityLevel, titles: Title[], where: string): Title[] {
  for (const title of titles) {
    const key = keyOf(title);
    const certification = oracle.has(key) ? oracle.get(key) : null;
    expect(allows(level, certification), `${where}: ${key} (${String(certification)}) shown to ${level}`).toBe(true);
  }
  return titles;
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

/** The embedded catalog's certifications, read from the data the server derives its catalog from. */
function embeddedOracle(): Oracle {
  const data = JSON.parse(readFileSync(new URL('../../assets/embedded-catalog.json', import.meta.url), 'utf8')) as {
    movies: { id: number; certification: string | null }[];
    tv: { id: number; certification: string | null }[];
  };
  const oracle: Oracle = new Map();
  for (const movie of data.movies) oracle.set(`movie:${movie.id}`, movie.certification);
  for (const show of data.tv) oracle.set(`tv:${show.id}`, show.certification);
  return oracle;
}

/** The family fixtures' certifications as TMDB defines them (earliest US theatrical release; TV content ratings). */
const TMDB_ORACLE: Oracle = new Map([
  ['movie:550', 'R'],
  ['movie:603', 'R'],
  ['movie:680', 'R'],
  ['movie:8587', 'G'],
  ['movie:862', 'G'],
  ['movie:12', 'G'],
  ['movie:9806', 'PG'],
  ['movie:120', 'PG-13'],
  // Theatrical PG-13; a later TV edit is rated PG, which TMDB's discover filter matches.
  ['movie:1726', 'PG-13'],
  ['movie:77777', null],
  ['movie:424242', null],
  ['tv:1399', 'TV-MA'],
  ['tv:1396', 'TV-MA'],
  ['tv:4194', 'TV-Y'],
]);

describe.each(databaseBackends)('maturity limits on $name, embedded catalog', (backend) => {
  let t: TestApp;
  let testRedis: TestRedis | null;
  let f: Family;
  const oracle = embeddedOracle();

  beforeAll(async () => {
    testRedis = openTestRedis();
    t = await buildTestApp({ backend, redis: testRedis?.redis ?? null });
    f = await family(t.app);
  });
  afterAll(async () => {
    await t.close();
    await testRedis?.cleanup();
  });

  const get = (level: MaturityLevel | null, url: string, headers: Record<string, string> = {}) =>
    level === null ? t.app.inject({ method: 'GET', url, headers }) : withBearer(t.app, f.tokens[level], { method: 'GET', url, headers });
  const page = async (level: MaturityLevel | null, url: string): Promise<Page> => {
    const res = await get(level, url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** Every page of a list, until an empty one. */
  const walk = async (level: MaturityLevel, url: string): Promise<{ titles: Title[]; first: Page }> => {
    const first = await page(level, `${url}${url.includes('?') ? '&' : '?'}page=1`);
    const titles = [...first.results];
    for (let n = 2; n <= first.total_pages; n++) titles.push(...(await page(level, `${url}${url.includes('?') ? '&' : '?'}page=${n}`)).results);
    return { titles, first };
  };
  const allowedCount = (level: MaturityLevel, mediaType: 'movie' | 'tv') =>
    [...oracle].filter(([key, certification]) => key.startsWith(`${mediaType}:`) && allows(level, certification)).length;

  it.each(YOUNG)('popular: every page holds only titles within %s, filtered before paging (full pages, exact totals)', async (level) => {
    const { titles, first } = await walk(level, '/api/movies/popular');
    expectWithin(oracle, level, titles, 'popular');
    expect(new Set(titles.map(keyOf)).size).toBe(titles.length);
    expect(first.results).toHaveLength(20);
    expect(first.total_results).toBe(titles.length);
    expect(titles.length).toBe(allowedCount(level, 'movie'));
  });

  it.each(YOUNG)('trending (day and week): only titles within %s', async (level) => {
    for (const window of ['day', 'week']) {
      const { titles } = await walk(level, `/api/movies/trending?window=${window}`);
      expect(titles.length).toBeGreaterThan(0);
      expectWithin(oracle, level, titles, `trending ${window}`);
    }
  });

  it.each(YOUNG)('every genre row: only titles within %s', async (level) => {
    const genres = (await page(null, '/api/genres')) as unknown as { genres: Genre[] };
    for (const genre of genres.genres) {
      for (const n of [1, 2]) expectWithin(oracle, level, (await page(level, `/api/movies/genre/${genre.id}?page=${n}`)).results, `genre ${genre.name}`);
    }
  });

  it.each(YOUNG)('search, with and without a genre: only titles within %s; an adult title searched by name is not found', async (level) => {
    const adult = (await page('all', '/api/movies/popular')).results.find((title) => oracle.get(keyOf(title)) === 'R')!;
    for (const q of ['the', 'love', 'night', 'man', 'star', adult.title]) {
      expectWithin(oracle, level, (await page(level, `/api/movies/search?q=${encodeURIComponent(q)}`)).results, `search ${q}`);
      expectWithin(oracle, level, (await page(level, `/api/movies/search?q=${encodeURIComponent(q)}&genre=18`)).results, `search ${q} in drama`);
    }
    expectWithin(oracle, level, (await page(level, '/api/movies/search?genre=35')).results, 'search by genre');
    expect((await page(level, `/api/movies/search?q=${encodeURIComponent(adult.title)}`)).results.map(keyOf)).not.toContain(keyOf(adult));
    expect((await page('all', `/api/movies/search?q=${encodeURIComponent(adult.title)}`)).results.map(keyOf)).toContain(keyOf(adult));
  });

  it.each(YOUNG)('featured: the hero is within %s', async (level) => {
    const res = await get(level, '/api/movies/featured');
    expect(res.statusCode).toBe(200);
    expectWithin(oracle, level, [res.json()], 'featured');
    expect(allows(level, res.json().certification)).toBe(true);
  });

  it('details and trailer above the limit → 403 MATURITY_RESTRICTED; within it → 200 with the certification; no certification is `all` only', async () => {
    const pick = (certification: string | null, mediaType: 'movie' | 'tv' = 'movie') => {
      const key = [...oracle].find(([k, c]) => k.startsWith(`${mediaType}:`) && c === certification)![0];
      return Number(key.split(':')[1]);
    };
    const cases: [string, number, string | null][] = [
      ['movie', pick('G'), 'G'],
      ['movie', pick('PG'), 'PG'],
      ['movie', pick('PG-13'), 'PG-13'],
      ['movie', pick('R'), 'R'],
      ['movie', pick('NC-17'), 'NC-17'],
      ['movie', pick(null), null],
      ['tv', pick('TV-Y', 'tv'), 'TV-Y'],
      ['tv', pick('TV-PG', 'tv'), 'TV-PG'],
      ['tv', pick('TV-14', 'tv'), 'TV-14'],
      ['tv', pick('TV-MA', 'tv'), 'TV-MA'],
    ];
    for (const [mediaType, id, certification] of cases) {
      for (const level of [...YOUNG, 'all'] as const) {
        const details = await get(level, `/api/movies/${id}?media_type=${mediaType}`);
        const trailer = await get(level, `/api/movies/${id}/trailer?media_type=${mediaType}`);
        if (allows(level, certification)) {
          expect(details.statusCode, `${mediaType} ${id} (${certification}) for ${level}`).toBe(200);
          expect(details.json().certification).toBe(certification);
          expect(details.headers['cache-control']).toMatch(/private/);
          expect([200, 404]).toContain(trailer.statusCode);
        } else {
          expectProblem(details, 403, 'MATURITY_RESTRICTED');
          expectProblem(trailer, 403, 'MATURITY_RESTRICTED');
        }
      }
    }
    // Without a token: the full catalog.
    expect((await get(null, `/api/movies/${pick('R')}`)).statusCode).toBe(200);
  });

  it('My List: a title above the limit cannot be added (403); a lowered limit hides titles, a raised one brings them back — for tokens already issued', async () => {
    const popular = (await walk('all', '/api/movies/popular')).titles;
    const g = popular.find((title) => oracle.get(keyOf(title)) === 'G')!;
    const pg13 = popular.find((title) => oracle.get(keyOf(title)) === 'PG-13')!;
    const r = popular.find((title) => oracle.get(keyOf(title)) === 'R')!;
    const unknown = popular.find((title) => oracle.get(keyOf(title)) === null)!;
    const add = (level: MaturityLevel, title: Title) => withBearer(t.app, f.tokens[level], { method: 'POST', url: `/api/watchlist/${title.id}` });
    const list = async (level: MaturityLevel) => (await get(level, '/api/watchlist')).json().results.map(keyOf);
    const me = async (level: MaturityLevel) => (await get(level, '/api/auth/me')).json().watchlist;

    for (const title of [r, unknown]) expectProblem(await add('teens', title), 403, 'MATURITY_RESTRICTED');
    expectProblem(await add('little_kids', pg13), 403, 'MATURITY_RESTRICTED');
    expect(await list('teens')).toEqual([]);
    expect((await add('teens', g)).statusCode).toBe(201);
    expect((await add('teens', pg13)).statusCode).toBe(201);
    expect(await list('teens')).toEqual([keyOf(pg13), keyOf(g)]);

    // The owner lowers the teen's limit: the teen's existing token sees it on its next request.
    const lower = await withBearer(t.app, f.owner.access_token, { method: 'PATCH', url: `/api/profiles/${f.profiles.teens.id}`, payload: { maturity: 'little_kids' } });
    expect(lower.statusCode).toBe(200);
    expect(await list('teens')).toEqual([keyOf(g)]);
    expect(await me('teens')).toEqual([g.id]);
    expectWithin(oracle, 'little_kids', (await page('teens', '/api/movies/popular')).results, 'popular after lowering');
    expectProblem(await get('teens', `/api/movies/${pg13.id}`), 403, 'MATURITY_RESTRICTED');
    // Re-adding the hidden title is refused; the entry itself is kept.
    expectProblem(await add('teens', pg13), 403, 'MATURITY_RESTRICTED');

    const raise = await withBearer(t.app, f.owner.access_token, {
      method: 'PATCH',
      url: `/api/profiles/${f.profiles.teens.id}`,
      payload: { maturity: 'teens', current_password: f.owner.password },
    });
    expect(raise.statusCode).toBe(200);
    expect(await list('teens')).toEqual([keyOf(pg13), keyOf(g)]);
    expect(await me('teens')).toEqual([pg13.id, g.id]);
  });

  it('without a token the catalog is whole; the same URL answered to a young profile is another answer, private and varying by Authorization', async () => {
    const anonymous = await get(null, '/api/movies/popular');
    expect(anonymous.json().results.some((title: Title) => !allows('teens', oracle.get(keyOf(title))))).toBe(true);
    expect(anonymous.headers['cache-control']).toMatch(/^public/);
    for (const level of YOUNG) {
      const res = await get(level, '/api/movies/popular', { 'if-none-match': anonymous.headers.etag as string });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).not.toBe(anonymous.headers.etag);
      expect(res.headers['cache-control']).toMatch(/^private/);
      expect(String(res.headers.vary)).toMatch(/authorization/i);
      expectWithin(oracle, level, res.json().results, 'popular after an adult filled the cache');
    }
  });

  it('cached answers never cross levels: interleaved requests on every list route each get their own level’s answer', async () => {
    const urls = ['/api/movies/popular?page=3', '/api/movies/trending?window=day&page=2', '/api/movies/genre/18?page=2', '/api/movies/search?q=love&page=1', '/api/movies/featured'];
    for (let round = 0; round < 2; round++) {
      for (const url of urls) {
        const answers = new Map<MaturityLevel, string>();
        for (const level of ['all', 'little_kids', 'teens', 'older_kids', 'all', 'little_kids'] as const) {
          const res = await get(level, url);
          expect(res.statusCode).toBe(200);
          const body = res.json();
          expectWithin(oracle, level, 'results' in body ? body.results : [body], url);
          if (answers.has(level)) expect(res.body, `${url} for ${level} changed between requests`).toBe(answers.get(level));
          answers.set(level, res.body);
        }
        expect(answers.get('little_kids')).not.toBe(answers.get('all'));
      }
    }
  });

  it.runIf(hasRedis)('with Redis: each level has its own shared entry, and a second instance answers a young profile from its level’s entry only', async () => {
    const second = await buildTestApp({ backend, database: t.database, redis: testRedis!.connect() });
    try {
      const url = '/api/movies/popular?page=7';
      // The adult fills the shared entry on the first instance; the second instance starts with an empty memory.
      expect((await get('all', url)).statusCode).toBe(200);
      for (const level of YOUNG) {
        const res = await withBearer(second.app, f.tokens[level], { method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expectWithin(oracle, level, res.json().results, 'popular from the second instance');
      }
      const raw = testRedis!.connect();
      await redisReady(raw);
      const keys = (await raw.keys(`${testRedis!.prefix}catalog:*popular:7*`))
        .map((key) => key.slice(testRedis!.prefix.length))
        .filter((key) => /:popular:7(@|$)/.test(key))
        .sort();
      // One entry per level, whatever version the key prefix is at (`catalog:vN:embedded:`).
      expect(keys.map((key) => key.replace(/^catalog:v\d+:embedded:/, ''))).toEqual(['popular:7', ...YOUNG.map((level) => `popular:7@${level}`)].sort());
      const bodies = new Set(await Promise.all(keys.map((key) => raw.getBuffer(key).then((value) => value?.toString('base64')))));
      expect(bodies.size).toBe(keys.length);
    } finally {
      await second.app.close();
    }
  });
});

describe('maturity limits against the fake TMDB (family fixtures)', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  let testRedis: TestRedis | null;
  let f: Family;

  beforeAll(async () => {
    fake = await startFakeTmdb({ fixtures: ['family'] });
    testRedis = openTestRedis();
    t = await buildTestApp({ backend: databaseBackends[0]!, redis: testRedis?.redis ?? null, env: { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey } });
    f = await family(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    await testRedis?.cleanup();
  });

  const get = (level: MaturityLevel, url: string) => withBearer(t.app, f.tokens[level], { method: 'GET', url });
  const results = async (level: MaturityLevel, url: string): Promise<Title[]> => {
    const res = await get(level, url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json().results;
  };

  it('the adult sees every family fixture (the lists really hold titles of every certification)', async () => {
    const popular = (await results('all', '/api/movies/popular')).map(keyOf);
    for (const key of ['movie:550', 'movie:8587', 'movie:9806', 'movie:120', 'movie:1726', 'movie:77777', 'movie:424242']) expect(popular).toContain(key);
  });

  it.each(YOUNG)('popular and movie genre rows come from /discover/movie with the certification filter, and hold only titles within %s', async (level) => {
    fake.reset();
    const popular = expectWithin(TMDB_ORACLE, level, await results(level, '/api/movies/popular'), 'popular');
    const [request] = fake.requestsTo('/discover/movie');
    expect(request?.query).toMatchObject({ certification_country: 'US', 'certification.lte': { little_kids: 'G', older_kids: 'PG', teens: 'PG-13' }[level] });
    const expected = [...TMDB_ORACLE].filter(([key, c]) => key.startsWith('movie:') && allows(level, c)).map(([key]) => key);
    expect(new Set(popular.map(keyOf))).toEqual(new Set(expected));
    for (const genre of [28, 16, 10751]) expectWithin(TMDB_ORACLE, level, await results(level, `/api/movies/genre/${genre}`), `genre ${genre}`);
  });

  it.each(YOUNG)('trending, search and TV genre rows are filtered title by title: only titles within %s, unknown certifications left out', async (level) => {
    for (const url of ['/api/movies/trending?window=day', '/api/movies/trending?window=week', '/api/movies/search?q=the', '/api/movies/search?q=the&genre=16']) {
      const titles = expectWithin(TMDB_ORACLE, level, await results(level, url), url);
      expect(titles.map(keyOf)).not.toContain('movie:424242');
      expect(titles.map(keyOf)).not.toContain('movie:77777');
    }
    const genres = (await (await get(level, '/api/genres')).json()).genres as Genre[];
    for (const genre of genres) expectWithin(TMDB_ORACLE, level, await results(level, `/api/movies/genre/${genre.id}`), `genre ${genre.name}`);
  });

  it.each(YOUNG)('featured is within %s; details and trailers above it → 403 MATURITY_RESTRICTED', async (level) => {
    const featured = await get(level, '/api/movies/featured');
    expect(featured.statusCode).toBe(200);
    expectWithin(TMDB_ORACLE, level, [featured.json()], 'featured');
    for (const [key, certification] of TMDB_ORACLE) {
      if (key === 'movie:424242') continue;
      const [mediaType, id] = key.split(':');
      const details = await get(level, `/api/movies/${id}?media_type=${mediaType}`);
      if (allows(level, certification)) {
        expect(details.statusCode, `${key} for ${level}`).toBe(200);
        expect(details.json().certification).toBe(certification);
      } else {
        expectProblem(details, 403, 'MATURITY_RESTRICTED');
        expectProblem(await get(level, `/api/movies/${id}/trailer?media_type=${mediaType}`), 403, 'MATURITY_RESTRICTED');
        expectProblem(await withBearer(t.app, f.tokens[level], { method: 'POST', url: `/api/watchlist/${id}?media_type=${mediaType}` }), 403, 'MATURITY_RESTRICTED');
      }
    }
  });

  it('interleaved levels on the same URLs never get each other’s cached answer', async () => {
    for (const url of ['/api/movies/popular', '/api/movies/trending?window=week', '/api/movies/genre/28', '/api/movies/search?q=the', '/api/movies/featured']) {
      for (const level of ['all', 'older_kids', 'all', 'little_kids', 'teens', 'older_kids'] as const) {
        const res = await get(level, url);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expectWithin(TMDB_ORACLE, level, 'results' in body ? body.results : [body], url);
      }
    }
  });
});


