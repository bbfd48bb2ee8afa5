/**
 * "More like this" in embedded mode, judged against expectations a film lover would agree with.
 * Each case is one expectation; the last test reports how many hold (all of them must).
 */
import { describe, expect, it } from 'vitest';
import { levelOfCertification, maturityRank, type MediaType } from '@marquee/contracts';
import { loadEmbeddedCatalog, type EmbeddedTitle } from './embedded.data.js';
import { franchiseStem, rankSimilar } from './embedded.similar.js';

const catalog = loadEmbeddedCatalog();
const find = (mediaType: MediaType, name: string): EmbeddedTitle => {
  const title = (mediaType === 'movie' ? catalog.movies : catalog.tv).find((entry) => entry.title === name);
  if (!title) throw new Error(`${name} is not in the embedded catalog`);
  return title;
};
const similarTo = (mediaType: MediaType, name: string, n = 10) => rankSimilar(find(mediaType, name), mediaType === 'movie' ? catalog.movies : catalog.tv).slice(0, n);
const names = (titles: EmbeddedTitle[]) => titles.map((title) => title.title);
const has = (genre: number) => (title: EmbeddedTitle) => title.genre_ids.includes(genre);
const forYoungAudiences = (title: EmbeddedTitle) => maturityRank(levelOfCertification(title.certification)) <= maturityRank('older_kids');
const childrenGenre = (title: EmbeddedTitle) => title.genre_ids.some((genre) => [16, 10751, 10762].includes(genre));

/** The expectations: a name and a check on the ranking. */
const CASES: { name: string; holds: () => boolean }[] = [
  { name: 'The Godfather → Part II and Part III first', holds: () => names(similarTo('movie', 'The Godfather', 2)).sort().join('|') === 'The Godfather: Part II|The Godfather: Part III' },
  { name: 'The Godfather → Coppola and period crime before random dramas (Apocalypse Now or The Cotton Club in the top 5)', holds: () => names(similarTo('movie', 'The Godfather', 5)).some((n) => ['Apocalypse Now', 'The Cotton Club'].includes(n)) },
  { name: 'Toy Story → Toy Story 2 and Toy Story 3 in the top 3', holds: () => ['Toy Story 2', 'Toy Story 3'].every((n) => names(similarTo('movie', 'Toy Story', 3)).includes(n)) },
  { name: 'Toy Story → its whole list is for young audiences, of a children’s genre', holds: () => similarTo('movie', 'Toy Story', 100).every((t) => forYoungAudiences(t) && childrenGenre(t)) },
  { name: 'Finding Nemo → the top 10 are animated or family films for young audiences', holds: () => similarTo('movie', 'Finding Nemo').every((t) => forYoungAudiences(t) && childrenGenre(t)) },
  { name: 'Halloween → the top 10 are horror films', holds: () => similarTo('movie', 'Halloween').every(has(27)) },
  { name: 'Halloween → its sequels lead (Halloween II first)', holds: () => similarTo('movie', 'Halloween', 1)[0]?.title === 'Halloween II' },
  { name: 'The Dark Knight → Batman Begins first', holds: () => similarTo('movie', 'The Dark Knight', 1)[0]?.title === 'Batman Begins' },
  { name: 'The Dark Knight → the top 10 are action or science fiction', holds: () => similarTo('movie', 'The Dark Knight').every((t) => has(28)(t) || has(878)(t)) },
  { name: 'Pulp Fiction → Reservoir Dogs and Jackie Brown in the top 3', holds: () => ['Reservoir Dogs', 'Jackie Brown'].every((n) => names(similarTo('movie', 'Pulp Fiction', 3)).includes(n)) },
  { name: 'The Fellowship of the Ring → The Two Towers and The Return of the King first', holds: () => names(similarTo('movie', 'The Lord of the Rings: The Fellowship of the Ring', 2)).every((n) => n.startsWith('The Lord of the Rings')) },
  { name: 'Alien → the top 5 are science fiction or horror', holds: () => similarTo('movie', 'Alien', 5).every((t) => has(878)(t) || has(27)(t)) },
  { name: 'Breaking Bad → Better Call Saul first', holds: () => similarTo('tv', 'Breaking Bad', 1)[0]?.title === 'Better Call Saul' },
  { name: 'Breaking Bad → the top 5 are crime or drama series', holds: () => similarTo('tv', 'Breaking Bad', 5).every((t) => has(80)(t) || has(18)(t)) },
  { name: 'Star Trek: The Next Generation → Star Trek and Deep Space Nine in the top 3', holds: () => ['Star Trek', 'Star Trek: Deep Space Nine'].every((n) => names(similarTo('tv', 'Star Trek: The Next Generation', 3)).includes(n)) },
  { name: 'Friends → the top 5 are comedies', holds: () => similarTo('tv', 'Friends', 5).every(has(35)) },
  { name: 'Sesame Street → the whole list is children’s or family TV for young audiences', holds: () => similarTo('tv', 'Sesame Street', 100).every((t) => forYoungAudiences(t) && childrenGenre(t)) },
];

describe('embedded "more like this" ranking', () => {
  it.each(CASES)('$name', ({ holds }) => {
    expect(holds()).toBe(true);
  });

  it('never lists the title itself or another media type', () => {
    for (const title of [...catalog.movies.slice(0, 60), ...catalog.tv]) {
      const ranked = rankSimilar(title, title.media_type === 'movie' ? catalog.movies : catalog.tv);
      expect(ranked.some((other) => other.id === title.id)).toBe(false);
      expect(ranked.every((other) => other.media_type === title.media_type)).toBe(true);
    }
  });

  it('franchise stems drop sequel numbers and subtitles, and ignore one short word', () => {
    expect(franchiseStem('The Godfather: Part II')).toBe(franchiseStem('The Godfather'));
    expect(franchiseStem('Toy Story 3')).toBe('toy story');
    expect(franchiseStem('Halloween 4: The Return of Michael Myers')).toBe('halloween');
    expect(franchiseStem('Up')).toBeNull();
  });

  it('the score: every expectation holds', () => {
    const held = CASES.filter((c) => c.holds()).length;
    console.info(`embedded "more like this": ${held}/${CASES.length} expectations hold`);
    expect(held).toBe(CASES.length);
  });
});
