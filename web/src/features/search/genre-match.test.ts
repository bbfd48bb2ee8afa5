import { describe, expect, it } from 'vitest';
import { genresNamedBy } from './genre-match';

const GENRES = [
  { id: 28, name: 'Action' },
  { id: 10759, name: 'Action & Adventure' },
  { id: 35, name: 'Comedy' },
  { id: 99, name: 'Documentary' },
  { id: 27, name: 'Horror' },
  { id: 878, name: 'Science Fiction' },
  { id: 10765, name: 'Sci-Fi & Fantasy' },
  { id: 53, name: 'Thriller' },
];
const names = (query: string) => genresNamedBy(query, GENRES).map((genre) => genre.name);

describe('a search text that names a genre', () => {
  it('finds the genre whatever the case, number or filler words', () => {
    expect(names('comedy')).toEqual(['Comedy']);
    expect(names('  COMEDIES ')).toEqual(['Comedy']);
    expect(names('horror movies')).toEqual(['Horror']);
    expect(names('a thriller film')).toEqual(['Thriller']);
    expect(names('documentaries')).toEqual(['Documentary']);
  });

  it('finds every genre a word names, parts of "X & Y" names and everyday names included', () => {
    expect(names('action')).toEqual(['Action', 'Action & Adventure']);
    expect(names('adventure')).toEqual(['Action & Adventure']);
    expect(names('sci-fi')).toEqual(['Science Fiction', 'Sci-Fi & Fantasy']);
    expect(names('science fiction')).toEqual(['Science Fiction']);
  });

  it('finds nothing for titles, fragments and genres the catalog does not list', () => {
    expect(names('the godfather')).toEqual([]);
    expect(names('com')).toEqual([]);
    expect(names('c')).toEqual([]);
    expect(names('western')).toEqual([]);
  });
});
