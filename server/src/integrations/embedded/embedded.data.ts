/**
 * The embedded catalog's data file (`server/assets/embedded-catalog.json`, written by
 * `scripts/derive-catalog.ts`) and its one-time load. The file is committed, so ids stay stable
 * across restarts, and the server never derives anything at start-up.
 */
import { readFileSync } from 'node:fs';
import type { MediaType } from '@marquee/contracts';
import { embeddedCatalogFile } from '../../paths.js';

/** One title as stored in the data file. */
export interface EmbeddedTitleRecord {
  /** Stable id; movie and TV ids are separate spaces. */
  id: number;
  title: string;
  /** `YYYY-MM-DD`, or null when unknown. */
  release_date: string | null;
  /** TMDB genre ids of the title's media type, the primary genre first. */
  genre_ids: number[];
  overview: string;
  tagline: string | null;
  /** Minutes (TV: a typical episode), or null when unknown. */
  runtime: number | null;
  vote_average: number;
  vote_count: number;
  popularity: number;
  /** Director (films) or creators (TV): searchable, and named in the overview. */
  people: string[];
  /** US certification: the MPAA rating (films) or TV Parental Guidelines rating (series); null when unknown. */
  certification: string | null;
  /** TV only: how many seasons the series ran (episode lists are not known). */
  seasons?: number;
}

/** The whole data file. */
export interface EmbeddedCatalogFile {
  version: 1;
  /** Where the data came from, for people reading the file. */
  sources: string[];
  movies: EmbeddedTitleRecord[];
  tv: EmbeddedTitleRecord[];
}

/** A loaded title: the record plus what every lookup needs. */
export interface EmbeddedTitle extends EmbeddedTitleRecord {
  media_type: MediaType;
  /** Release year, or null when the date is unknown. */
  year: number | null;
}

/** The loaded catalog, indexed for lookups by media type and id. */
export interface EmbeddedCatalog {
  movies: readonly EmbeddedTitle[];
  tv: readonly EmbeddedTitle[];
  /** Finds one title; undefined when unknown. */
  get(mediaType: MediaType, id: number): EmbeddedTitle | undefined;
}

/** Builds the indexed catalog from a parsed data file. */
export function indexCatalog(file: EmbeddedCatalogFile): EmbeddedCatalog {
  const withType = (mediaType: MediaType) => (record: EmbeddedTitleRecord): EmbeddedTitle => ({
    ...record,
    media_type: mediaType,
    year: record.release_date ? Number(record.release_date.slice(0, 4)) : null,
  });
  const movies = file.movies.map(withType('movie'));
  const tv = file.tv.map(withType('tv'));
  const movieById = new Map(movies.map((title) => [title.id, title]));
  const tvById = new Map(tv.map((title) => [title.id, title]));
  return {
    movies,
    tv,
    get: (mediaType, id) => (mediaType === 'movie' ? movieById : tvById).get(id),
  };
}

let loaded: EmbeddedCatalog | undefined;

/** The catalog, read and indexed once per process (the source and the artwork route share it). */
export function loadEmbeddedCatalog(): EmbeddedCatalog {
  loaded ??= indexCatalog(JSON.parse(readFileSync(embeddedCatalogFile, 'utf8')) as EmbeddedCatalogFile);
  return loaded;
}
