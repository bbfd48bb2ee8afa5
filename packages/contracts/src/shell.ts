/**
 * The page shell's contract: what `web/index.html` marks for the server to fill, and what the
 * server puts there for the app to read. Imported as `@marquee/contracts/shell`; constants and
 * types only, so the web app's entry stays a few hundred bytes.
 */
import type { CatalogInfo, TitleDetails } from './catalog.js';
import { MATURITY_LEVELS, type MaturityLevel } from './maturity.js';

/**
 * Named places in `web/index.html`, as HTML comments (Vite's build keeps comments). The server
 * replaces each one, and refuses to start with a shell that lacks one.
 */
export const SHELL_MARKERS = {
  /**
   * Inside the boot screen, after the brand: the featured title's backdrop, name and overview; or,
   * with no featured title, the catalog's attribution line at the boot screen's foot.
   */
  hero: '<!--marquee:shell-hero-->',
  /** At the end of `<body>`: the shell data, as `<script id="shell-data" type="application/json">`. */
  data: '<!--marquee:shell-data-->',
} as const;
export type ShellMarker = keyof typeof SHELL_MARKERS;

/** Id of the `<script type="application/json">` element that carries the shell data. */
export const SHELL_DATA_ID = 'shell-data';

/** Element Timing name of the shell's backdrop: the app starts once the browser reports it on screen. */
export const SHELL_BACKDROP_TIMING = 'shell-backdrop';

/** What the server puts into the shell: `/api/catalog`'s and `/api/movies/featured`'s answers. */
export interface ShellData {
  catalog: CatalogInfo;
  /**
   * Null when the featured title could not be had in time (the app then asks for it), and for a
   * visitor without the shell cookie (signed out: no hero is painted).
   */
  featured: TitleDetails | null;
  /** The maturity level `featured` was chosen for (the shell cookie's), or null without the cookie. */
  level: MaturityLevel | null;
  /**
   * Whether the boot screen shows the featured title: only for a signed-in visit to browse (the
   * request carried the session cookie). The app keeps showing it while the session is restored
   * only then, so a signed-out visitor never sees the signed-in page before the sign-in form.
   */
  hero: boolean;
}

/**
 * The cookie that tells the page shell which maturity level the visitor's profile browses at, so
 * the server paints a hero that profile may see (and none for a visitor who is signed out). Not a
 * credential: it carries only the level, is set by the web app on sign-in, refresh and profile
 * switch, and cleared on sign-out. The API never reads it; limits are enforced from the token.
 */
export const SHELL_COOKIE = 'marquee_shell';

/** The level a `Cookie` header (or `document.cookie`) names in SHELL_COOKIE, or null when absent or unknown. */
export function shellLevelOf(cookieHeader: string | null | undefined): MaturityLevel | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SHELL_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return (MATURITY_LEVELS as readonly string[]).includes(value) ? (value as MaturityLevel) : null;
  }
  return null;
}
