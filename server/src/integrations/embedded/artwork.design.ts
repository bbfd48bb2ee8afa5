/**
 * What a title's artwork will be: its layout family and its palette, both drawn from a seed made
 * of the title itself, so neighbours in a row differ the way real key art does. The poster and
 * the backdrop of one title share the design, so the dialog's backdrop looks like the same film
 * as the card that opened it.
 */
import type { MediaType } from '@marquee/contracts';
import { makePalette, type Palette } from './artwork.palette.js';
import { seededRandom, type Random } from './artwork.random.js';

/** What a picture needs to know about its title. */
export interface ArtworkSubject {
  mediaType: MediaType;
  id: number;
  title: string;
  year: number | null;
  /** Primary genre first: it biases the palette's mood. */
  genreIds: readonly number[];
  /** Directors (films) or creators (series), for the credit line; may be empty. */
  people: readonly string[];
}

/**
 * Layout families. Each is a different way of making a poster — type as the image, flat Bauhaus
 * tiles, light in the dark, a landscape in silhouette, a two-colour split, a framed emblem, a
 * seventies sun — and each has variants of its own.
 */
export const FAMILIES = ['typographic', 'geometric', 'light', 'silhouette', 'split', 'frame', 'retro'] as const;
export type Family = (typeof FAMILIES)[number];

/** Families drawn as light in the dark: they need a dark ground. */
const DARK_ONLY: ReadonlySet<Family> = new Set(['light']);

export interface Design {
  family: Family;
  palette: Palette;
}

/** The seed of everything a title's pictures draw: media type, id and the title's text. */
export function seedOf(subject: ArtworkSubject, purpose: string): Random {
  return seededRandom(`${purpose}:${subject.mediaType}:${subject.id}:${subject.title}`);
}

/** The title's design: a family, then a palette that suits it. */
export function designOf(subject: ArtworkSubject): Design {
  const random = seedOf(subject, 'design');
  const family = random.pick(FAMILIES);
  return { family, palette: makePalette(random, subject.genreIds, !DARK_ONLY.has(family)) };
}
