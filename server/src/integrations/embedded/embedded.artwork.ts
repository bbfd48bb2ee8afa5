/**
 * Serves the embedded catalog's generated artwork: looks the title up, renders its SVG once and
 * keeps it in a bounded LRU with its ETag (a grid page asks for 20 posters at a time, and the
 * same rows come back on every visit).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { notFound } from '../../errors.js';
import { parseArtworkFile, renderArtwork, type ArtworkKind } from './artwork.js';
import { loadEmbeddedCatalog, type EmbeddedCatalog } from './embedded.data.js';

/** One rendered picture. */
export interface Artwork {
  svg: string;
  /** Strong ETag (quoted) derived from the bytes. */
  etag: string;
}

/** Rendered SVGs are 1–5 KB; 8 MB holds every poster of a busy day’s browsing. */
const CACHE_BYTES = 8 * 1024 * 1024;

export class EmbeddedArtwork {
  private readonly cache = new LRUCache<string, Artwork>({ maxSize: CACHE_BYTES, sizeCalculation: (artwork) => artwork.svg.length });

  constructor(private readonly catalog: EmbeddedCatalog) {}

  /** The picture of `kind` for `file` (`movie-123.svg`); throws notFound for an unknown file or title. */
  get(kind: ArtworkKind, file: string): Artwork {
    const key = `${kind}/${file}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const parsed = parseArtworkFile(file);
    const title = parsed ? this.catalog.get(parsed.mediaType, parsed.id) : undefined;
    if (!parsed || !title) throw notFound('image');
    const svg = renderArtwork(kind, {
      mediaType: title.media_type,
      id: title.id,
      title: title.title,
      year: title.year,
      genreIds: title.genre_ids,
      people: title.people,
    });
    const artwork = { svg, etag: `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"` };
    this.cache.set(key, artwork);
    return artwork;
  }
}

let memo: EmbeddedArtwork | undefined;

/** The artwork of the embedded catalog, created on first use (TMDB mode never needs it). */
export function embeddedArtwork(): EmbeddedArtwork {
  memo ??= new EmbeddedArtwork(loadEmbeddedCatalog());
  return memo;
}
