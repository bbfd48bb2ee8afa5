/**
 * Generated artwork for the embedded catalog: a 2:3 poster and a 16:9 backdrop per title, as SVG.
 *
 * Each title gets its own design (`artwork.design.ts`): one of several layout families and a
 * palette of its own, both seeded by the title, so a row of one genre looks like a row of
 * different films. Posters carry the title as large, fitted type (`artwork.text.ts`); backdrops
 * carry no text, since the pages that show them print the title. Rendering is deterministic —
 * the same title always gives the same bytes — which is what makes ETags and year-long
 * `immutable` caching safe; `ARTWORK_VERSION` in the URL is what lets a new look reach browsers.
 */
import type { MediaType } from '@marquee/contracts';
import { BACKDROP_SIZE, backdropBody } from './artwork.backdrop.js';
import { designOf, seedOf, type ArtworkSubject } from './artwork.design.js';
import { POSTER_SIZE, posterBody } from './artwork.poster.js';
import { TYPE_CSS, escapeXml } from './artwork.text.js';

export type { ArtworkSubject } from './artwork.design.js';
export { BACKDROP_SIZE } from './artwork.backdrop.js';
export { POSTER_SIZE } from './artwork.poster.js';
export { escapeXml } from './artwork.text.js';

export type ArtworkKind = 'poster' | 'backdrop';

/**
 * The version of the pictures, a segment of every artwork URL handed out. Responses are cached
 * `immutable` for a year, so a browser never asks again for a URL it holds: whenever the renderer's
 * output changes, bump this so clients fetch the new pictures under new URLs.
 * (`artwork.test.ts` pins a digest of sample renders to this number, as a reminder.)
 */
export const ARTWORK_VERSION = 2;

/** The artwork file name of a title: `movie-123.svg`. */
export function artworkFile(mediaType: MediaType, id: number): string {
  return `${mediaType}-${id}.svg`;
}

/** The URL the server hands out for a title's picture: `/api/images/v2/poster/movie-123.svg`. */
export function artworkUrl(kind: ArtworkKind, mediaType: MediaType, id: number): string {
  return `/api/images/v${ARTWORK_VERSION}/${kind}/${artworkFile(mediaType, id)}`;
}

/** `movie-123.svg` → { mediaType, id }; null for anything else. */
export function parseArtworkFile(file: string): { mediaType: MediaType; id: number } | null {
  const match = /^(movie|tv)-([1-9]\d{0,9})\.svg$/.exec(file);
  if (!match) return null;
  const id = Number(match[2]);
  return id <= 2_147_483_647 ? { mediaType: match[1] as MediaType, id } : null;
}

/** The root element: its size, and the title as the accessible name when the SVG is opened directly. */
function open(size: { width: number; height: number }, subject: ArtworkSubject): string {
  const name = escapeXml(subject.year === null ? subject.title : `${subject.title} (${subject.year})`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-label="${name}">` +
    `<title>${name}</title>`
  );
}

/** A 500×750 poster: the title's layout family in its palette, the title large. */
export function renderPoster(subject: ArtworkSubject): string {
  return open(POSTER_SIZE, subject) + TYPE_CSS + posterBody(subject, designOf(subject), seedOf(subject, 'poster')) + '</svg>';
}

/** A 1280×720 backdrop in the same design, without text, calm in the bottom-left corner. */
export function renderBackdrop(subject: ArtworkSubject): string {
  return open(BACKDROP_SIZE, subject) + backdropBody(designOf(subject), seedOf(subject, 'backdrop')) + '</svg>';
}

/** The picture of one kind. */
export function renderArtwork(kind: ArtworkKind, subject: ArtworkSubject): string {
  return kind === 'poster' ? renderPoster(subject) : renderBackdrop(subject);
}
