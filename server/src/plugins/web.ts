/**
 * Serves the built web app at `/`: hashed assets with immutable caching, and the page shell
 * (`index.html`) for every other non-API GET so client-side routes survive a reload. Unknown `/api`
 * paths stay 404 problems.
 *
 * The shell is filled in here before it is sent: the featured title's backdrop is painted behind the
 * boot screen from HTML and CSS alone (the largest thing on screen appears before any script runs),
 * and the featured title and catalog notice ride along as JSON, so the app shows the hero and the
 * footer without asking for them. Where each goes is named in index.html by the markers of
 * `@marquee/contracts/shell`.
 *
 * The hero is painted only for a signed-in visit to browse, and it is the featured title of the
 * visitor's maturity level, which the web app names in the shell cookie (`SHELL_COOKIE`): a kids
 * profile's shell never paints a title above its limit, and a signed-out visitor (no session
 * cookie) never sees the signed-in page flash before the sign-in form. The page varies by Cookie.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { CatalogInfo, TitleDetails } from '@marquee/contracts';
import { backdropSrc, backdropSrcSet } from '@marquee/contracts/artwork';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { SHELL_BACKDROP_TIMING, SHELL_DATA_ID, SHELL_MARKERS, shellLevelOf, type ShellData, type ShellMarker } from '@marquee/contracts/shell';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { etagOf, sendAnswer, type ReadyAnswer } from '../lib/representation.js';
import { apiNotFound } from './error-handler.js';

/** What the shell is filled with: the catalog's notice and, when it can be had, the featured title of a level. */
export interface ShellSource {
  info(): CatalogInfo;
  featured(level: MaturityLevel): Promise<ReadyAnswer>;
}

/** How long the shell waits for the featured title (e.g. TMDB slow and nothing cached) before going without it. */
const FEATURED_WAIT_MS = 250;

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** JSON that can sit inside a <script> element: nothing in it can close the element or start markup. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** index.html cut at its shell markers: the text around them, in order, and which marker sits between. */
export interface ShellTemplate {
  parts: string[];
  markers: ShellMarker[];
}

/** A page shell that lacks a marker (or has one twice): the web build and this server do not match. */
export class ShellMarkerError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} does not carry the markers the server fills (${problems.join('; ')}); rebuild the web app: npm run build -w @marquee/web`);
    this.name = 'ShellMarkerError';
  }
}

/**
 * Cuts `html` (the contents of `file`) at every marker of `SHELL_MARKERS`; throws ShellMarkerError
 * unless each is there exactly once.
 */
export function parseShell(html: string, file = 'index.html'): ShellTemplate {
  const problems: string[] = [];
  const found: Array<{ marker: ShellMarker; at: number }> = [];
  for (const marker of Object.keys(SHELL_MARKERS) as ShellMarker[]) {
    const text = SHELL_MARKERS[marker];
    const at = html.indexOf(text);
    if (at < 0) problems.push(`${text} is missing`);
    else if (html.indexOf(text, at + text.length) >= 0) problems.push(`${text} appears more than once`);
    else found.push({ marker, at });
  }
  if (problems.length > 0) throw new ShellMarkerError(file, problems);
  found.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { marker, at } of found) {
    parts.push(html.slice(from, at));
    from = at + SHELL_MARKERS[marker].length;
  }
  parts.push(html.slice(from));
  return { parts, markers: found.map((f) => f.marker) };
}

/**
 * The page shell with the featured title behind the boot screen — its backdrop (the same file the
 * hero asks for), name and overview, styled like the hero — and the shell data for the app. With no
 * featured title (no level: signed out, or not browse) the boot screen shows the catalog's
 * attribution line at its foot instead, as the sign-in pages do: on a slow phone the page's
 * largest text is then on screen before the app's code has arrived.
 */
export function renderShell(shell: ShellTemplate, info: CatalogInfo, featured: TitleDetails | null, level: MaturityLevel | null = null): string {
  const fill: Record<ShellMarker, string> = {
    hero: featured ? shellHero(featured) : shellFooter(info),
    data: shellData({ catalog: info, featured, level, hero: featured !== null }),
  };
  let html = shell.parts[0] ?? '';
  shell.markers.forEach((marker, i) => {
    html += fill[marker] + (shell.parts[i + 1] ?? '');
  });
  return html;
}

function shellHero(featured: TitleDetails): string {
  const backdrop = featured.backdrop_url;
  const srcSet = backdrop ? backdropSrcSet(backdrop) : undefined;
  const image = backdrop
    ? `<img class="boot__backdrop" src="${escapeHtml(backdropSrc(backdrop))}"` +
      (srcSet ? ` srcset="${escapeHtml(srcSet)}" sizes="100vw"` : '') +
      ` alt="" fetchpriority="high" elementtiming="${SHELL_BACKDROP_TIMING}">`
    : '';
  const text =
    `<div class="boot__hero"><p class="hero__title">${escapeHtml(featured.title)}</p>` +
    (featured.overview ? `<p class="hero__overview">${escapeHtml(featured.overview)}</p>` : '') +
    '</div>';
  return `<div class="boot__stage">${image}${text}</div>`;
}

function shellFooter(info: CatalogInfo): string {
  return `<footer class="footer footer--auth boot__footer"><p class="footer__attribution">${escapeHtml(info.attribution)}</p></footer>`;
}

function shellData(data: ShellData): string {
  return `<script id="${SHELL_DATA_ID}" type="application/json">${scriptSafeJson(data)}</script>`;
}

export interface WebPluginOptions {
  webDist: string;
  shell: ShellSource;
  /**
   * The cookie a signed-in browser carries (the refresh token's). Only such a visit to browse gets
   * the painted hero: a signed-out visitor is sent on to sign in, and must not see the signed-in
   * page flash before the form. The cookie's value is never read here, only whether it is there.
   */
  sessionCookie: string;
}

/** Client-side routes that show browse: `/`, and a title's dialog over it (`/title/{type}/{id}`). */
const isBrowsePath = (pathname: string) => pathname === '/' || pathname.startsWith('/title/');

/** Whether a Cookie header names `name` (any value): a plain scan, no parsing of values. */
export function carriesCookie(header: string | string[] | undefined, name: string): boolean {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  return text.split(';').some((pair) => {
    const at = pair.indexOf('=');
    return at > 0 && pair.slice(0, at).trim() === name && pair.slice(at + 1).trim() !== '';
  });
}

export const webPlugin = fp(
  async (app: FastifyInstance, opts: WebPluginOptions) => {
    const indexPath = path.join(opts.webDist, 'index.html');
    if (!existsSync(indexPath)) {
      app.log.warn({ webDist: opts.webDist }, 'web app not built; serving the API only');
      app.setNotFoundHandler(apiNotFound);
      return;
    }
    // A built shell without its markers would be served unfilled: no painted hero, and the app
    // asking for what the server could have sent. That means a web build that does not match this
    // server (stale, or index.html edited), so start-up stops here, before anyone is served.
    const shell = parseShell(await readFile(indexPath, 'utf8'), indexPath);
    // Per level, the rendering for the current featured answer (the catalog cache hands out the same
    // object until it changes); `none` is the shell without a hero (signed out, or not browse).
    const rendered = new Map<MaturityLevel | 'none', { featured: ReadyAnswer | null; page: ReadyAnswer }>();
    const featuredInTime = async (level: MaturityLevel): Promise<ReadyAnswer | null> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), FEATURED_WAIT_MS);
      });
      try {
        return await Promise.race([opts.shell.featured(level).catch(() => null), late]);
      } finally {
        clearTimeout(timer);
      }
    };
    const shellPage = async (level: MaturityLevel | null) => {
      const featured = level ? await featuredInTime(level) : null;
      const last = rendered.get(level ?? 'none');
      if (last && last.featured === featured) return last.page;
      const title = featured ? (JSON.parse(featured.body.toString('utf8')) as TitleDetails) : null;
      const body = Buffer.from(renderShell(shell, opts.shell.info(), title, level));
      const page = { body, etag: etagOf(body) };
      rendered.set(level ?? 'none', { featured, page });
      return page;
    };
    // Assets live in their own scope, so only they pay for the Vary hook.
    await app.register(async (assets) => {
      // Pre-compressed variants depend on Accept-Encoding: caches must keep them apart.
      assets.addHook('onSend', (_request, reply, payload, done) => {
        const vary = reply.getHeader('vary');
        reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
        done(null, payload);
      });
      await assets.register(fastifyStatic, {
        root: opts.webDist,
        wildcard: false,
        index: false,
        // The build writes .br and .gz twins of every text asset; send those to clients that accept them.
        preCompressed: true,
        // Cache-Control comes from setHeaders alone (the plugin's own default would override it).
        cacheControl: false,
        setHeaders: (res, filePath) => {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        },
      });
    });
    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const signedIn = isBrowsePath(pathname) && carriesCookie(request.headers.cookie, opts.sessionCookie);
      const page = await shellPage(signedIn ? shellLevelOf(request.headers.cookie) : null);
      // The page differs with the cookies: a cache must not hand one visitor's variant to another.
      reply.header('vary', 'Cookie');
      return sendAnswer(request, reply, page, 'no-cache', 'text/html; charset=utf-8');
    };
    app.get('/', { schema: { hide: true } }, sendIndex);
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const isApi = pathname === '/api' || pathname.startsWith('/api/');
      if (isApi || (request.method !== 'GET' && request.method !== 'HEAD') || path.extname(pathname) !== '') {
        return apiNotFound(request, reply);
      }
      return sendIndex(request, reply);
    });
  },
  { name: 'web' },
);
