/**
 * Full-text search over the embedded catalog (MiniSearch): titles first, then directors and
 * creators, then the year. Case- and accent-insensitive ("amelie" finds "Amélie"), prefix- and
 * typo-tolerant ("godfater" finds "The Godfather"), every word of a query must match (each in any
 * field: "coppola godfather" works), and among equally good matches the more popular title wins.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { EmbeddedTitle } from './embedded.data.js';

interface SearchDocument {
  /** `movie:12` / `tv:3`: MiniSearch needs one id space. */
  key: string;
  title: string;
  people: string;
  year: string;
}

/** Lower-case, decompose and drop combining marks, so "Léon", "LEON" and "leon" are one term. */
export function normaliseTerm(term: string): string | null {
  const normalised = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return normalised === '' ? null : normalised;
}

/** Typos are tolerated in words, never in numbers ("1998" must not find 1997). */
function fuzziness(term: string): number | false {
  if (/^\d+$/.test(term) || term.length < 4) return false;
  return 0.2;
}

/** Prefix matching from the second letter on; a lone letter would match most of the catalog. */
function prefix(term: string): boolean {
  return term.length >= 2;
}

/**
 * Relevance is multiplied by this, so popularity decides between equal matches without letting a
 * blockbuster's partial match beat an exact title (log-scaled: 100 votes → ×1.33, 500,000 → ×1.95).
 */
function popularityBoost(popularity: number): number {
  return 1 + Math.log10(1 + popularity) / 6;
}

export interface EmbeddedSearchIndex {
  /** Titles matching `query`, best first; `filter` narrows them before anything is counted. */
  search(query: string, filter?: (title: EmbeddedTitle) => boolean): EmbeddedTitle[];
}

/** Builds the index once; searching afterwards needs no further set-up. */
export function createSearchIndex(titles: readonly EmbeddedTitle[]): EmbeddedSearchIndex {
  const byKey = new Map(titles.map((title) => [`${title.media_type}:${title.id}`, title]));
  const index = new MiniSearch<SearchDocument>({
    idField: 'key',
    fields: ['title', 'people', 'year'],
    processTerm: normaliseTerm,
    searchOptions: {
      boost: { title: 3, people: 1, year: 0.5 },
      fuzzy: fuzziness,
      prefix,
      // A prefix match counts less than the whole word; a typo match less still.
      weights: { fuzzy: 0.35, prefix: 0.6 },
      // Weaker length normalisation than BM25's usual 0.75: "Star Wars Ep. V: The Empire Strikes
      // Back" should not lose to "Rock Star" on "star" just for being long.
      bm25: { k: 1.2, b: 0.3, d: 0.5 },
      boostDocument: (key: string) => popularityBoost(byKey.get(key)?.popularity ?? 0),
    },
  });
  index.addAll(
    titles.map((title) => ({
      key: `${title.media_type}:${title.id}`,
      title: title.title,
      people: title.people.join(' '),
      year: title.year === null ? '' : String(title.year),
    })),
  );

  const toTitles = (results: SearchResult[]) =>
    results
      .map((result) => ({ result, title: byKey.get(result.id as string)! }))
      .sort((a, b) => b.result.score - a.result.score || b.title.popularity - a.title.popularity || a.result.id.localeCompare(b.result.id))
      .map(({ title }) => title);

  return {
    search(query, filter) {
      const options = filter ? { filter: (result: SearchResult) => filter(byKey.get(result.id as string)!) } : {};
      // Every word must match, with or without a filter: "star trek" is not every title with "star"
      // or "trek", and "the wire" in Horror is not every horror film with "the" in its name.
      return toTitles(index.search(query, { ...options, combineWith: 'AND' }));
    },
  };
}
