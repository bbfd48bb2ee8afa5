import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { TitleDetails } from '@marquee/contracts';
import { maturityAllows } from '@marquee/contracts/maturity';
import Fastify from 'fastify';
import { carriesCookie, parseShell, renderShell, ShellMarkerError, webPlugin } from '../../src/plugins/web.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

/** A page shell shaped like web/index.html: the boot screen with its markers. */
const SHELL =
  '<!doctype html><title>Marquee</title><body><div id="root"><div class="boot" aria-hidden="true"><span class="boot__brand">MARQUEE</span><!--marquee:shell-hero--></div></div><!--marquee:shell-data--></body>';
/** What a signed-in browser sends with page loads: the session hint and its profile's level (values of the hint never read). */
const SIGNED_IN = 'marquee_session=1; marquee_shell=all';
const webSource = new URL('../../../web/index.html', import.meta.url);
const webBuilt = new URL('../../../web/dist/index.html', import.meta.url);

const sampleDetails: TitleDetails = {
  id: 1,
  media_type: 'movie',
  title: 'Sample',
  overview: 'A sample.',
  poster_path: null,
  backdrop_path: null,
  poster_url: null,
  backdrop_url: null,
  release_date: null,
  vote_average: 7,
  genre_ids: [],
  genres: [],
  runtime: null,
  tagline: null,
  vote_count: 1,
  trailer_url: null,
  certification: null,
};

describe('the web app at /', () => {
  let dist: string;
  let t: TestApp;
  const script = 'console.log("marquee");'.repeat(100);

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'marquee-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), SHELL);
    await writeFile(path.join(dist, 'assets/index-abc123.js'), script);
    await writeFile(path.join(dist, 'assets/index-abc123.js.br'), brotliCompressSync(Buffer.from(script)));
    t = await buildTestApp({ backend: databaseBackends[0]!, env: { WEB_DIST: dist } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes (SPA fallback), never cached', async () => {
    for (const url of ['/', '/my-list', '/title/movie/550', '/search?q=star']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('fills the shell with the featured title (backdrop, name, overview) and the data the app would otherwise fetch', async () => {
    const featured = (await t.app.inject({ method: 'GET', url: '/api/movies/featured' })).json();
    const info = (await t.app.inject({ method: 'GET', url: '/api/catalog' })).json();
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br', cookie: `other=1; ${SIGNED_IN}` } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers.vary)).toContain('Accept-Encoding');
    expect(String(res.headers.vary)).toContain('Cookie');
    const html = brotliDecompressSync(res.rawPayload).toString();
    expect(html).toContain(`<img class="boot__backdrop" src="${featured.backdrop_url}"`);
    // The app waits for the browser to report this image on screen before it replaces the shell.
    expect(html).toMatch(/<img class="boot__backdrop"[^>]* elementtiming="shell-backdrop">/);
    expect(html).toContain(`<p class="hero__title">${featured.title}</p>`);
    // Filled where the markers were, and the markers themselves are gone.
    expect(html).toMatch(/<span class="boot__brand">MARQUEE<\/span><div class="boot__stage"><img class="boot__backdrop"/);
    expect(html).toMatch(/<\/div><\/div><script id="shell-data" type="application\/json">.*<\/script><\/body>/);
    expect(html).not.toContain('marquee:shell-');
    const data = /<script id="shell-data" type="application\/json">(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(data!)).toEqual({ catalog: info, featured, level: 'all', hero: true });
    const again = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: SIGNED_IN, 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('paints no hero for a visitor without the shell cookie (signed out), nor for an unknown level', async () => {
    const info = (await t.app.inject({ method: 'GET', url: '/api/catalog' })).json();
    for (const cookie of [undefined, 'marquee_shell=adults', 'marquee_shell=']) {
      const res = await t.app.inject({ method: 'GET', url: '/login', headers: cookie ? { cookie } : {} });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers.vary)).toContain('Cookie');
      expect(res.body).not.toContain('boot__stage');
      // The sign-in page's attribution line is on screen before the app's code arrives.
      expect(res.body).toContain(`<footer class="footer footer--auth boot__footer"><p class="footer__attribution">${info.attribution}</p></footer>`);
      const data = /<script id="shell-data" type="application\/json">(.*?)<\/script>/.exec(res.body)?.[1];
      expect(JSON.parse(data!)).toEqual({ catalog: info, featured: null, level: null, hero: false });
    }
  });

  it('paints the featured title of the shell cookie’s level, one the profile may see', async () => {
    const adult = (await t.app.inject({ method: 'GET', url: '/', headers: { cookie: SIGNED_IN } })).body;
    for (const level of ['little_kids', 'older_kids', 'teens'] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: `marquee_session=1; marquee_shell=${level}` } });
      const data = JSON.parse(/<script id="shell-data" type="application\/json">(.*?)<\/script>/.exec(res.body)![1]!) as { featured: TitleDetails; level: string };
      expect(data.level).toBe(level);
      expect(maturityAllows(level, data.featured.certification)).toBe(true);
      expect(res.body).toContain('<div class="boot__stage">');
      // Cached renderings are kept per level: asking again for `all` still gives the adult page.
      expect((await t.app.inject({ method: 'GET', url: '/', headers: { cookie: SIGNED_IN } })).body).toBe(adult);
    }
  });

  it('paints the hero for a signed-in visit to browse only: signed out, or any other page, gets the plain boot screen', async () => {
    const shell = async (url: string, cookie?: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers.vary), url).toMatch(/\bCookie\b/);
      return res;
    };
    for (const url of ['/', '/title/movie/550']) {
      expect((await shell(url, `theme=dark; ${SIGNED_IN}`)).body, url).toContain('class="boot__backdrop"');
    }
    const signedOut = await shell('/');
    const plain = [signedOut, await shell('/', 'marquee_session=; marquee_shell=all; marquee_refresh=opaque; theme=dark'), await shell('/login', SIGNED_IN), await shell('/my-list', SIGNED_IN), await shell('/search?q=star', SIGNED_IN)];
    for (const res of plain) {
      expect(res.body).not.toContain('boot__backdrop');
      expect(res.body).not.toContain('hero__title');
      // Without the hero the app asks for the featured title itself, for its profile's level.
      expect(JSON.parse(/<script id="shell-data" type="application\/json">(.*?)<\/script>/.exec(res.body)![1]!)).toMatchObject({ featured: null, level: null, hero: false });
    }
    // The two variants are told apart by their ETags: a revalidation never keeps the wrong one.
    const signedIn = await shell('/', SIGNED_IN);
    expect(signedIn.headers.etag).not.toBe(signedOut.headers.etag);
    expect((await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(signedIn.headers.etag) } })).statusCode).toBe(200);
  });

  it('reads only whether the session cookie is there, never its value', () => {
    expect(carriesCookie('a=1; marquee_refresh=abc', 'marquee_refresh')).toBe(true);
    expect(carriesCookie(['a=1', 'marquee_refresh=abc'], 'marquee_refresh')).toBe(true);
    expect(carriesCookie('marquee_refresh=', 'marquee_refresh')).toBe(false);
    expect(carriesCookie('xmarquee_refresh=abc; marquee_refresh_old=1', 'marquee_refresh')).toBe(false);
    expect(carriesCookie(undefined, 'marquee_refresh')).toBe(false);
  });

  it('keeps catalog text from breaking out of the shell’s markup or script', () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quotes" \u2028';
    const html = renderShell(parseShell(SHELL), { source: 'tmdb', attribution: hostile }, { ...sampleDetails, title: hostile, overview: hostile, backdrop_url: 'https://img.example/t/p/original/a.jpg?x="y"' });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('src="https://img.example/t/p/w1280/a.jpg?x=&quot;y&quot;"');
    const data = /<script id="shell-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(data!).featured.title).toBe(hostile);
    // Without a featured title the attribution line is painted instead, escaped as well.
    const plain = renderShell(parseShell(SHELL), { source: 'tmdb', attribution: hostile }, null);
    expect(plain.match(/<script/g)).toHaveLength(1);
    expect(plain).not.toContain('<img src=x');
    expect(plain).toContain('<p class="footer__attribution">&lt;/script&gt;');
  });

  it('serves hashed assets immutable, pre-compressed for clients that accept it, with Vary: Accept-Encoding', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toContain('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(script.length);
    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('unknown /api paths and missing files stay 404 problem+json', async () => {
    for (const url of ['/api/nope', '/assets/missing.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the page shell when the catalog is slow', () => {
  it('is served without the featured title rather than waiting for it', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'marquee-web-'));
    await writeFile(path.join(dist, 'index.html'), SHELL);
    const app = Fastify();
    await app.register(webPlugin, {
      webDist: dist,
      shell: { info: () => ({ source: 'tmdb', attribution: 'TMDB notice' }), featured: () => new Promise(() => {}) },
      sessionCookie: 'marquee_session',
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'marquee_session=1; marquee_shell=teens' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('boot__backdrop');
      expect(res.body).toContain('{"catalog":{"source":"tmdb","attribution":"TMDB notice"},"featured":null,"level":"teens","hero":false}');
    } finally {
      await app.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe('the page shell’s markers', () => {
  it('web/index.html names each place the server fills, once: the hero inside the boot screen, the data in <body>', async () => {
    const source = await readFile(webSource, 'utf8');
    const shell = parseShell(source, 'web/index.html');
    expect(shell.markers).toEqual(['hero', 'data']);
    expect(source).toMatch(/<div class="boot"[^>]*><span class="boot__brand">MARQUEE<\/span><!--marquee:shell-hero--><\/div>/);
  });

  it.runIf(existsSync(webBuilt))('the built web/dist/index.html kept them', async () => {
    expect(parseShell(await readFile(webBuilt, 'utf8'), 'web/dist/index.html').markers).toEqual(['hero', 'data']);
  });

  it('a shell without a marker, or with one twice, is refused, naming the marker', () => {
    expect(() => parseShell(SHELL.replace('<!--marquee:shell-hero-->', ''))).toThrow(/<!--marquee:shell-hero--> is missing/);
    expect(() => parseShell(SHELL.replace('</body>', '<!--marquee:shell-data--></body>'))).toThrow(/<!--marquee:shell-data--> appears more than once/);
  });

  it('the server does not start with a built shell that lacks a marker', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'marquee-web-'));
    await writeFile(path.join(dist, 'index.html'), SHELL.replace('<!--marquee:shell-data-->', ''));
    const app = Fastify();
    try {
      const started = app.register(webPlugin, { webDist: dist, shell: { info: () => ({ source: 'embedded', attribution: '' }), featured: () => new Promise(() => {}) }, sessionCookie: 'marquee_session' }).ready();
      await expect(started).rejects.toBeInstanceOf(ShellMarkerError);
      await expect(started).rejects.toThrow(`${path.join(dist, 'index.html')} does not carry the markers the server fills (<!--marquee:shell-data--> is missing)`);
    } finally {
      await app.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});
