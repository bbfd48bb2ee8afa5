import { describe, expect, it } from 'vitest';
import type { EmbeddedTitle } from './embedded.data.js';
import { createSearchIndex, normaliseTerm } from './embedded.search.js';

let nextId = 1;
function title(name: string, overrides: Partial<EmbeddedTitle> = {}): EmbeddedTitle {
  return {
    id: nextId++,
    media_type: 'movie',
    title: name,
    release_date: '2000-01-01',
    year: 2000,
    genre_ids: [18],
    overview: '',
    tagline: null,
    runtime: null,
    vote_average: 7,
    vote_count: 1000,
    popularity: 1000,
    people: [],
    certification: null,
    ...overrides,
  };
}

const catalog = [
  title('The Godfather', { popularity: 400_000, people: ['Francis Ford Coppola'], year: 1972, genre_ids: [18, 80] }),
  title('The Godfather: Part II', { popularity: 250_000, people: ['Francis Ford Coppola'], year: 1974 }),
  title('Le Fabuleux destin d’Amélie Poulain', { popularity: 150_000, genre_ids: [35, 10749] }),
  title('Amelia', { popularity: 5_000 }),
  title('Léon', { popularity: 200_000, genre_ids: [80, 53] }),
  title('Star Wars Ep. IV: A New Hope', { popularity: 500_000, genre_ids: [12, 878] }),
  title('Star Trek: First Contact', { popularity: 90_000, genre_ids: [878, 28] }),
  title('Star Trek', { media_type: 'tv', popularity: 90_000, genre_ids: [10765, 10759], people: ['Gene Roddenberry'] }),
  title('Shōgun', { media_type: 'tv', popularity: 60_000, genre_ids: [18, 10768] }),
  title('Night Train', { popularity: 2_000, year: 1998 }),
  title('Night Watch', { popularity: 80_000, year: 1997 }),
  title('Godzilla', { popularity: 100_000, genre_ids: [878] }),
];

const index = createSearchIndex(catalog);
const names = (query: string, filter?: (t: EmbeddedTitle) => boolean) => index.search(query, filter).map((t) => t.title);

describe('embedded search', () => {
  it('tolerates a typo: "godfater" finds The Godfather first', () => {
    expect(names('godfater')[0]).toBe('The Godfather');
  });

  it('ignores case and accents in both directions', () => {
    expect(names('amelie')).toContain('Le Fabuleux destin d’Amélie Poulain');
    expect(names('AMÉLIE')).toContain('Le Fabuleux destin d’Amélie Poulain');
    expect(names('leon')[0]).toBe('Léon');
    expect(names('shogun')).toEqual(['Shōgun']);
    expect(normaliseTerm('ÉCOLE')).toBe('ecole');
  });

  it('matches word prefixes: "star" finds Star Wars and Star Trek, movies and TV', () => {
    const found = index.search('star');
    expect(found.map((t) => t.title)).toEqual(expect.arrayContaining(['Star Wars Ep. IV: A New Hope', 'Star Trek: First Contact', 'Star Trek']));
    expect(new Set(found.map((t) => t.media_type))).toEqual(new Set(['movie', 'tv']));
    expect(names('godf')).toEqual(['The Godfather', 'The Godfather: Part II']);
  });

  it('ranks equally good matches by popularity', () => {
    expect(names('night')).toEqual(['Night Watch', 'Night Train']);
    const swapped = createSearchIndex([title('Night Train', { popularity: 90_000 }), title('Night Watch', { popularity: 10 })]);
    expect(swapped.search('night').map((t) => t.title)).toEqual(['Night Train', 'Night Watch']);
  });

  it('ranks a whole-title match above a more popular partial one', () => {
    expect(names('star trek')[0]).toMatch(/^Star Trek/);
    expect(names('star trek')).not.toContain('Star Wars Ep. IV: A New Hope');
  });

  it('searches directors and creators, and years without typo tolerance', () => {
    expect(names('coppola')).toEqual(['The Godfather', 'The Godfather: Part II']);
    expect(names('roddenberry')).toEqual(['Star Trek']);
    expect(names('1998')).toEqual(['Night Train']);
  });

  it('matches every word of a query, never just some of them', () => {
    expect(names('godfather zzzzqq')).toEqual([]);
    expect(names('coppola godfather part')).toEqual(['The Godfather: Part II']);
    expect(names('night watch')).toEqual(['Night Watch']);
  });

  it('keeps every word with a filter too: "the godfather" in Science Fiction is nothing, not every "the"', () => {
    const sciFi = (t: EmbeddedTitle) => t.genre_ids.includes(878);
    expect(names('the godfather', sciFi)).toEqual([]);
    expect(names('star trek', sciFi)).toEqual(['Star Trek: First Contact']);
  });

  it('applies the filter before anything is returned', () => {
    expect(names('star', (t) => t.genre_ids.includes(28))).toEqual(['Star Trek: First Contact']);
    expect(names('godfather', (t) => t.genre_ids.includes(27))).toEqual([]);
  });

  it('finds nothing for text that matches nothing', () => {
    expect(names('xqzvw')).toEqual([]);
  });
});
