/**
 * Artwork URLs, shared by the web app (every image) and the server (the backdrop it paints in the
 * page shell), so both ask for the same file. Imported as `@marquee/contracts/artwork`: plain
 * functions, no schemas.
 *
 * Responsive sources for TMDB artwork. TMDB serves each image at fixed widths under
 * `/t/p/{size}/…`, so other widths are derived by swapping the size segment. Root-relative
 * artwork (the embedded catalog's SVGs) scales by itself and needs no srcset.
 */
const TMDB_SIZE = /\/t\/p\/(?:w\d+|original)\//;

function srcSet(url: string | null, sizes: Array<[segment: string, width: number]>): string | undefined {
  if (!url || !TMDB_SIZE.test(url)) return undefined;
  return sizes.map(([segment, width]) => `${url.replace(TMDB_SIZE, `/t/p/${segment}/`)} ${width}w`).join(', ');
}

/** Poster widths w185…w780 for a TMDB poster URL (usually the `w500` one). */
export function posterSrcSet(url: string | null): string | undefined {
  return srcSet(url, [
    ['w185', 185],
    ['w342', 342],
    ['w500', 500],
    ['w780', 780],
  ]);
}

/** Backdrop widths w780…original for a TMDB backdrop URL. */
export function backdropSrcSet(url: string | null): string | undefined {
  return srcSet(url, [
    ['w780', 780],
    ['w1280', 1280],
    ['original', 2560],
  ]);
}

/** The backdrop URL to use as `src`: w1280 for TMDB (original can be several megabytes), else as given. */
export function backdropSrc(url: string): string {
  return TMDB_SIZE.test(url) ? url.replace(TMDB_SIZE, '/t/p/w1280/') : url;
}

/** The path a profile's avatar image is served at (`GET /api/profiles/avatars/{key}.svg`). */
export const avatarPath = (key: string): string => `/api/profiles/avatars/${encodeURIComponent(key)}.svg`;
