/**
 * A fake TMDB v3: a real HTTP server on 127.0.0.1 answering TMDB's exact JSON from the fixtures in
 * `test/fixtures/tmdb/`, checking the credential as TMDB does (`api_key` query or v4 Bearer),
 * recording every request, and scriptable per path: status, delay, `Retry-After`, garbage body,
 * connection reset.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loggerOptions, type AppDeps } from '../../src/app.js';

const FIXTURES = new URL('../fixtures/tmdb/', import.meta.url);

/**
 * Where fixtures are read: the folders of the fake's fixture sets, first match wins, then
 * `fixtures/tmdb/`. The `family` set (`fixtures/tmdb-family/`) adds films of every US certification
 * to the lists, for the maturity suites.
 */
type FixtureSet = 'family';

function fixture<T = unknown>(name: string, folders: readonly URL[] = [FIXTURES]): T {
  for (const folder of folders) {
    try {
      return JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw Object.assign(new Error(`no fixture ${name}`), { code: 'ENOENT' });
}

/** TMDB's error bodies, verbatim. */
export const TMDB_ERRORS: Record<number, { status_code: number; status_message: string; success: false }> = {
  401: { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false },
  404: { status_code: 34, status_message: 'The resource you requested could not be found.', success: false },
  429: { status_code: 25, status_message: 'Your request count (#) is over the allowed limit of (40).', success: false },
  500: { status_code: 11, status_message: 'Internal error: Something went wrong, contact TMDb.', success: false },
  503: { status_code: 9, status_message: 'Service offline.', success: false },
};

export interface RecordedRequest {
  method: string;
  /** Path below the base URL, e.g. `/movie/550`. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** `Date.now()` when the request arrived. */
  at: number;
}

export interface Behaviour {
  /** Answer with this status (and TMDB's error body for it, unless `body` is given). */
  status?: number;
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  retryAfter?: string;
  /** Answer 200 with a body that is not JSON. */
  garbage?: boolean;
  /** Destroy the connection without answering. */
  reset?: boolean;
  /** Only for the next n matching requests (default: until `reset()`). */
  times?: number;
}

interface Script extends Behaviour {
  match: string | RegExp;
}

type Paged = { page: number; results: { id: number; genre_ids?: number[] }[]; total_pages: number; total_results: number };

export interface FakeTmdb {
  /** The base URL to use as TMDB_BASE_URL (ends in `/3`). */
  url: string;
  apiKey: string;
  accessToken: string;
  requests: RecordedRequest[];
  /** Requests whose path equals `path` (or matches it). */
  requestsTo(path: string | RegExp): RecordedRequest[];
  /**
   * Resolves once `count` requests to `path` have arrived (at once if they already have): a
   * request the app makes in the background is awaited, not slept for.
   */
  arrived(path: string | RegExp, count?: number): Promise<RecordedRequest[]>;
  /** Makes requests to matching paths behave as given; later scripts win. */
  script(match: string | RegExp, behaviour: Behaviour): void;
  /** Forgets scripts and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** The parts of a details fixture that TMDB sends only with `append_to_response` (or at their own path). */
const APPENDABLE = { movie: ['videos', 'release_dates'], tv: ['videos', 'content_ratings'] } as const;
const APPENDED = new Set<string>(['videos', 'release_dates', 'content_ratings', 'credits', 'recommendations', 'similar']);

/** A title's `/recommendations` or `/similar` first page: the fixture, else TMDB's empty page. */
const listOf = (mediaType: string, id: number, list: 'recommendations' | 'similar'): Paged =>
  optionalFixture<Paged>(`${mediaType}-${id}-${list}.json`) ?? { page: 1, results: [], total_pages: 0, total_results: 0 };

/** A fixture file's content, or null when there is none. */
function optionalFixture<T = unknown>(name: string): T | null {
  try {
    return fixture<T>(name);
  } catch {
    return null;
  }
}

/** A title's credits (`movie-550-credits.json`); a known title without the file has none. */
const creditsOf = (mediaType: string, details: Details) => optionalFixture(`${mediaType}-${details.id}-credits.json`) ?? { id: details.id, cast: [], crew: [] };

type Details = { id: number } & Record<string, unknown>;

/** A title's details fixture (`movie-550.json`), with every appendable part; null when there is none (404). */
function detailsFixture(mediaType: 'movie' | 'tv', id: number, folders: readonly URL[]): Details | null {
  try {
    return fixture<Details>(`${mediaType}-${id}.json`, folders);
  } catch {
    return null;
  }
}

/** The US certifications in TMDB's order, as `certification.lte` compares them. */
const MOVIE_CERTIFICATIONS = ['G', 'PG', 'PG-13', 'R', 'NC-17'];

/**
 * `/discover/movie`'s certification filter: with `certification_country=US&certification.lte=X`, only
 * films with a US certification at or below X (from their fixture's `release_dates`); films with
 * none are left out, as TMDB does.
 */
function withinCertification(id: number, query: Record<string, string>, folders: readonly URL[]): boolean {
  const ceiling = query['certification.lte'];
  if (ceiling === undefined) return true;
  if (query.certification_country !== 'US') return false;
  const releases = (detailsFixture('movie', id, folders)?.release_dates as { results: { iso_3166_1: string; release_dates: { certification: string }[] }[] } | undefined)?.results;
  const certifications = releases?.find((country) => country.iso_3166_1 === 'US')?.release_dates.map((release) => release.certification).filter(Boolean) ?? [];
  const rank = (certification: string) => MOVIE_CERTIFICATIONS.indexOf(certification);
  return certifications.some((certification) => rank(certification) >= 0 && rank(certification) <= rank(ceiling));
}

/** TMDB answers any page up to 500; past `total_pages` the results are empty. */
const pageOf = (data: Paged, page: number): Paged =>
  page === 1 ? data : { ...data, page, results: page <= data.total_pages ? data.results : [] };

/** The fixture answer for a path, or null (404). */
function answer(path: string, query: Record<string, string>, folders: readonly URL[]): unknown {
  const page = Number(query.page ?? '1');
  if (page < 1 || page > 500) return { status: 400 };
  let match: RegExpExecArray | null;
  // "Validate key": reached only with a credential TMDB accepts (a refused one answers 401 above).
  if (path === '/authentication') return { success: true, status_code: 1, status_message: 'Success.' };
  if (path === '/movie/popular') return pageOf(fixture('movie-popular.json', folders), page);
  if ((match = /^\/trending\/all\/(day|week)$/.exec(path))) return pageOf(fixture(`trending-all-${match[1]}.json`, folders), page);
  if (path === '/search/multi') return pageOf(fixture('search-multi.json', folders), page);
  if (path === '/genre/movie/list') return fixture('genre-movie-list.json', folders);
  if (path === '/genre/tv/list') return fixture('genre-tv-list.json', folders);
  if ((match = /^\/discover\/(movie|tv)$/.exec(path))) {
    const mediaType = match[1] as 'movie' | 'tv';
    const all = fixture<Paged>(`discover-${mediaType}.json`, folders);
    const genre = Number(query.with_genres);
    const results = all.results.filter(
      (item) => (!query.with_genres || item.genre_ids?.includes(genre)) && (mediaType === 'tv' || withinCertification(item.id, query, folders)),
    );
    return pageOf({ page: 1, results, total_pages: 1, total_results: results.length }, page);
  }
  // `/recommendations`, `/similar`: the fixture's page, else (a known title) TMDB's empty page.
  if ((match = /^\/(movie|tv)\/(\d+)\/(recommendations|similar)$/.exec(path))) {
    const [, mediaType, id, list] = match;
    if (detailsFixture(mediaType as 'movie' | 'tv', Number(id), folders) === null) return null;
    return pageOf(listOf(mediaType as string, Number(id), list as 'recommendations' | 'similar'), page);
  }
  if ((match = /^\/(movie|tv)\/(\d+)\/credits$/.exec(path))) {
    const details = detailsFixture(match[1] as 'movie' | 'tv', Number(match[2]), folders);
    return details === null ? null : creditsOf(match[1] as string, details);
  }
  // `/watch/providers`: the fixture, else (a known title) no region at all.
  if ((match = /^\/(movie|tv)\/(\d+)\/watch\/providers$/.exec(path))) {
    const details = detailsFixture(match[1] as 'movie' | 'tv', Number(match[2]), folders);
    if (details === null) return null;
    return optionalFixture(`${match[1]}-${match[2]}-watch-providers.json`) ?? { id: details.id, results: {} };
  }
  if ((match = /^\/tv\/(\d+)\/season\/(\d+)$/.exec(path))) {
    return optionalFixture(`tv-${match[1]}-season-${Number(match[2])}.json`);
  }
  if ((match = /^\/(movie|tv)\/(\d+)(?:\/(videos|release_dates|content_ratings))?$/.exec(path))) {
    const [, mediaType, id, part] = match;
    const details = detailsFixture(mediaType as 'movie' | 'tv', Number(id), folders);
    if (details === null) return null;
    // A sub-resource alone: `/videos`, `/release_dates` (films), `/content_ratings` (series).
    if (part) {
      const appended = APPENDABLE[mediaType as 'movie' | 'tv'];
      if (!(appended as readonly string[]).includes(part)) return null;
      return { id: details.id, results: (details[part] as { results: unknown[] } | undefined)?.results ?? [] };
    }
    // Appended parts come only when asked for, as TMDB does.
    const asked = new Set(query.append_to_response?.split(',') ?? []);
    const answer: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(details)) if (!APPENDED.has(key) || asked.has(key)) answer[key] = value;
    if (asked.has('credits')) answer.credits = creditsOf(mediaType as string, details);
    for (const list of ['recommendations', 'similar'] as const) if (asked.has(list)) answer[list] = listOf(mediaType as string, details.id, list);
    return answer;
  }
  return null;
}

/** Starts a fake TMDB on a free port; `fixtures` adds fixture sets in front of the default one. */
export async function startFakeTmdb(options: { apiKey?: string; accessToken?: string; fixtures?: FixtureSet[] } = {}): Promise<FakeTmdb> {
  const sets = [...(options.fixtures ?? []).map((set) => new URL(`../fixtures/tmdb-${set}/`, import.meta.url)), FIXTURES];
  const apiKey = options.apiKey ?? 'fake-v3-key-0123456789abcdef0123456789ab';
  const accessToken = options.accessToken ?? 'fake-v4-read-token.eyJhdWQiOiJmYWtlIn0.c2lnbmF0dXJl';
  const requests: RecordedRequest[] = [];
  let scripts: Script[] = [];
  const matching = (path: string | RegExp) => requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
  let waiters: Array<{ path: string | RegExp; count: number; resolve: (seen: RecordedRequest[]) => void }> = [];
  const wake = () => {
    waiters = waiters.filter((waiter) => {
      const seen = matching(waiter.path);
      if (seen.length < waiter.count) return true;
      waiter.resolve(seen);
      return false;
    });
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/3(?=\/)/, '');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? 'GET', path, query, headers: req.headers, at: Date.now() });
    wake();

    const script = [...scripts].reverse().find((s) => (typeof s.match === 'string' ? s.match === path : s.match.test(path)));
    if (script?.times !== undefined) {
      script.times -= 1;
      if (script.times <= 0) scripts = scripts.filter((s) => s !== script);
    }
    const respond = () => {
      if (script?.reset) {
        req.socket.destroy();
        return;
      }
      if (script?.garbage) {
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
        res.end('<html><body>502 Bad Gateway</body></html>{"page":');
        return;
      }
      if (script?.status !== undefined) {
        const headers: Record<string, string> = script.retryAfter ? { 'retry-after': script.retryAfter } : {};
        send(res, script.status, script.body ?? TMDB_ERRORS[script.status] ?? { success: false }, headers);
        return;
      }
      const credentialOk = query.api_key === apiKey || req.headers.authorization === `Bearer ${accessToken}`;
      if (!credentialOk) return send(res, 401, TMDB_ERRORS[401]);
      if (script?.body !== undefined) return send(res, 200, script.body);
      const body = answer(path, query, sets);
      if (body === null) return send(res, 404, TMDB_ERRORS[404]);
      if (typeof body === 'object' && body !== null && 'status' in body && (body as { status: number }).status === 400) {
        return send(res, 400, { errors: ['page must be less than or equal to 500'], success: false });
      }
      send(res, 200, body);
    };
    if (script?.delayMs) setTimeout(respond, script.delayMs);
    else respond();
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/3`,
    apiKey,
    accessToken,
    requests,
    requestsTo: matching,
    arrived: (path, count = 1) =>
      new Promise((resolve) => {
        waiters.push({ path, count, resolve });
        wake();
      }),
    script: (match, behaviour) => {
      scripts.push({ match, ...behaviour });
    },
    reset: () => {
      scripts = [];
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Logger options that keep every log line (redaction as in production), for "never logged" checks. */
export function capturedLogs(level = 'debug'): { logger: AppDeps['logger']; lines: string[] } {
  const lines: string[] = [];
  const options = loggerOptions(level) as Record<string, unknown>;
  return { lines, logger: { ...options, stream: { write: (line: string) => void lines.push(line) } } as AppDeps['logger'] };
}
