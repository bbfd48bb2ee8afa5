/**
 * Derives the embedded offline catalog (`server/assets/embedded-catalog.json`) from
 * vega-datasets' `movies.json` (3,201 films with IMDb ratings) and the hand-written TV facts in
 * `tv-series.ts`. Run from `server/`: `npx tsx scripts/derive-catalog.ts`.
 *
 * The output is committed; the server only reads it. Ids are kept stable across re-derivations:
 * a title already in the existing file keeps its id, and new titles get ids after the highest one.
 * Every overview and tagline is composed here from the facts (year, genre, director, rating,
 * runtime, seasons…); no descriptive text is taken from anywhere.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EmbeddedCatalogFile, EmbeddedTitleRecord } from '../src/integrations/embedded/embedded.data.js';
import { embeddedCatalogFile } from '../src/paths.js';
import { genreName, isGenreOf } from '../src/integrations/embedded/genres.js';
import { TV_SERIES, type TvSeriesFact } from './tv-series.js';

/** One row of vega-datasets' movies.json (only the fields used here). */
interface VegaMovie {
  Title: string | number | null;
  'Release Date': string | null;
  'Major Genre': string | null;
  'Creative Type': string | null;
  Source: string | null;
  Director: string | null;
  'Running Time min': number | null;
  'MPAA Rating': string | null;
  'IMDB Rating': number | null;
  'IMDB Votes': number | null;
  'Worldwide Gross': number | null;
}

// ---------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------

/**
 * The data set's accented titles were Latin-1 text decoded as Mac Roman ("AmÈlie" for "Amélie").
 * Reversing it: each character's Mac Roman byte, read as Windows-1252.
 */
const MAC_ROMAN_HIGH = new TextDecoder('macintosh').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
/** Windows-1252's 0x80–0x9F (0xA0–0xFF equal Latin-1), spelled out: Node's decoder treats them as Latin-1. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const cp1252 = (byte: number) => (byte < 0xa0 ? CP1252_C1[byte - 0x80]! : String.fromCharCode(byte));

function fixMojibake(text: string): string {
  if (!/[^\x20-\x7e]/.test(text)) return text;
  return Array.from(text, (char) => {
    const index = MAC_ROMAN_HIGH.indexOf(char);
    return index < 0 ? char : cp1252(0x80 + index);
  }).join('');
}

/** "Charge of the Light Brigade, The" → "The Charge of the Light Brigade". */
function fixArticle(title: string): string {
  const match = /^(.*), (The|A|An)$/.exec(title);
  return match ? `${match[2]} ${match[1]}` : title;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The data set ends in 2010; later years come from a two-digit-year parse of pre-1950 films. */
const LAST_PLAUSIBLE_YEAR = 2011;

/** "Jun 12 1998" → "1998-06-12"; years past the data set's end move back a century. */
function parseReleaseDate(raw: string | null): string | null {
  const match = raw ? /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(raw.trim()) : null;
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!);
  if (month < 0) return null;
  let year = Number(match[3]);
  if (year > LAST_PLAUSIBLE_YEAR) year -= 100;
  return `${year}-${String(month + 1).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
}

function cleanTitle(raw: VegaMovie['Title']): string | null {
  // Numeric titles ("300", "1941", "2046") arrive as JSON numbers; they are real titles.
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') return null;
  const title = fixArticle(fixMojibake(raw.trim().replace(/\s+/g, ' ')));
  return title === '' ? null : title;
}

/** Accent-, case- and punctuation-insensitive key for de-duplication and id stability. */
function titleKey(mediaType: string, title: string, date: string | null): string {
  const bare = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${mediaType}:${bare}:${date?.slice(0, 4) ?? '?'}`;
}

// ---------------------------------------------------------------------------------------------
// Genres
// ---------------------------------------------------------------------------------------------

const MAJOR_GENRE_IDS: Record<string, number[]> = {
  Action: [28],
  Adventure: [12],
  'Black Comedy': [35],
  Comedy: [35],
  'Concert/Performance': [10402, 99],
  Documentary: [99],
  Drama: [18],
  Horror: [27],
  Musical: [10402],
  'Romantic Comedy': [10749, 35],
  'Thriller/Suspense': [53],
  Western: [37],
};

const CREATIVE_TYPE_IDS: Record<string, number[]> = {
  'Science Fiction': [878],
  Fantasy: [14],
  'Kids Fiction': [10751],
  'Super Hero': [28, 878],
  'Historical Fiction': [36],
};

const SOURCE_IDS: Record<string, number[]> = {
  'Traditional/Legend/Fairytale': [14],
  'Disney Ride': [12, 10751],
  'Based on Toy': [10751],
  'Based on Musical/Opera': [10402],
  'Musical Group Movie': [10402],
};

/**
 * The data set has no animation flag. These directors made only animated features among its
 * films, so a family film of theirs counts as Animation.
 */
const ANIMATION_DIRECTORS = new Set([
  'John Lasseter', 'Andrew Stanton', 'Pete Docter', 'Brad Bird', 'Nick Park', 'Sam Fell', 'Chris Wedge',
  'Eric Darnell', 'Tim Johnson', 'Mark Dindal', 'Gary Trousdale', 'Kelly Asbury', 'Steve Hickner',
  'Don Bluth', 'Hayao Miyazaki', 'Henry Selick', 'John Musker', 'Ron Clements', 'Chris Sanders',
  'Dean DeBlois', 'Carlos Saldanha', 'David Silverman', 'Phil Lord',
]);

function isAnimated(movie: VegaMovie): boolean {
  const familyish = movie['Creative Type'] === 'Kids Fiction' || movie['MPAA Rating'] === 'G' || movie['MPAA Rating'] === 'PG';
  return familyish && movie.Director !== null && ANIMATION_DIRECTORS.has(movie.Director);
}

function movieGenres(movie: VegaMovie): number[] {
  const ids = [
    ...(isAnimated(movie) ? [16] : []),
    ...(MAJOR_GENRE_IDS[movie['Major Genre'] ?? ''] ?? []),
    ...(CREATIVE_TYPE_IDS[movie['Creative Type'] ?? ''] ?? []),
    ...(SOURCE_IDS[movie.Source ?? ''] ?? []),
    // A G rating is a family film whatever its genre.
    ...(movie['MPAA Rating'] === 'G' ? [10751] : []),
  ];
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : [18];
}

// ---------------------------------------------------------------------------------------------
// Composed text
// ---------------------------------------------------------------------------------------------

/** A small deterministic hash, so each title picks its sentence shapes the same way every run. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(options: readonly T[], seed: number, salt: number): T {
  return options[(seed >>> salt) % options.length]!;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatRuntime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minutes`;
  if (m === 0) return h === 1 ? 'one hour' : `${h} hours`;
  return `${h} h ${m} min`;
}

const GENRE_NOUNS: Record<string, string> = {
  Action: 'action film',
  Adventure: 'adventure',
  'Black Comedy': 'black comedy',
  Comedy: 'comedy',
  'Concert/Performance': 'concert film',
  Documentary: 'documentary',
  Drama: 'drama',
  Horror: 'horror film',
  Musical: 'musical',
  'Romantic Comedy': 'romantic comedy',
  'Thriller/Suspense': 'thriller',
  Western: 'western',
};

const CREATIVE_ADJECTIVES: Record<string, string> = {
  'Science Fiction': 'science-fiction',
  Fantasy: 'fantasy',
  'Kids Fiction': 'family',
  'Super Hero': 'superhero',
  'Historical Fiction': 'period',
  Dramatization: 'fact-based',
};

const SOURCE_PHRASES: Record<string, string> = {
  'Original Screenplay': 'written directly for the screen',
  'Based on Book/Short Story': 'adapted from a book',
  'Based on Play': 'adapted from a stage play',
  Remake: 'a remake of an earlier film',
  'Based on Comic/Graphic Novel': 'drawn from the pages of a comic',
  'Based on Real Life Events': 'inspired by real events',
  'Based on TV': 'carried over to the big screen from television',
  'Traditional/Legend/Fairytale': 'a retelling of a traditional tale',
  'Based on Musical/Opera': 'adapted from a stage musical',
  'Based on Game': 'adapted from a game',
  'Spin-Off': 'a spin-off of an earlier story',
  'Based on Factual Book/Article': 'adapted from a work of nonfiction',
  'Based on Magazine Article': 'developed from a magazine article',
  'Disney Ride': 'inspired by a theme-park ride',
  'Based on Toy': 'built around a toy line',
  'Musical Group Movie': 'built around a music group',
  'Based on Short Film': 'expanded from a short film',
  Compilation: 'assembled as a compilation',
};

const SOURCE_TAGLINES: Record<string, string> = {
  'Based on Real Life Events': 'Based on a true story.',
  'Based on Factual Book/Article': 'Based on a true story.',
  'Based on Book/Short Story': 'Based on the book.',
  'Based on Play': 'Based on the play.',
  'Based on Comic/Graphic Novel': 'Based on the comic.',
  'Based on Musical/Opera': 'Based on the stage musical.',
  'Based on TV': 'Based on the television series.',
  'Based on Game': 'Based on the game.',
};

/** Nouns for a film whose Major Genre is unknown, by its primary derived genre. */
const GENRE_ID_NOUNS: Record<number, string> = {
  16: 'feature',
  12: 'adventure',
  14: 'fantasy',
  18: 'drama',
  36: 'period piece',
  878: 'science-fiction film',
  10402: 'music film',
  10751: 'family film',
};

function movieGenrePhrase(movie: VegaMovie, genreIds: number[]): string {
  const noun = GENRE_NOUNS[movie['Major Genre'] ?? ''] ?? GENRE_ID_NOUNS[genreIds[0] ?? 18] ?? 'film';
  const adjectives = [
    ...(genreIds.includes(16) ? ['animated'] : []),
    ...(movie['Creative Type'] && CREATIVE_ADJECTIVES[movie['Creative Type']] ? [CREATIVE_ADJECTIVES[movie['Creative Type']]!] : []),
  ].filter((adjective) => !noun.includes(adjective));
  return [...adjectives, noun].join(' ');
}

interface MovieFacts {
  key: string;
  movie: VegaMovie;
  date: string | null;
  genreIds: number[];
  rating: number;
  votes: number;
}

function movieOverview(facts: MovieFacts): string {
  const { movie, date, genreIds, rating, votes } = facts;
  const seed = hash(facts.key);
  const genre = movieGenrePhrase(movie, genreIds);
  const year = date ? date.slice(0, 4) : null;
  const month = date ? MONTH_NAMES[Number(date.slice(5, 7)) - 1] : null;
  const director = movie.Director;
  const sentences: string[] = [];

  const when = year ? pick([`${year}`, `${month} ${year}`], seed, 1) : null;
  if (director && when) {
    sentences.push(
      pick(
        [
          `${director} directs this ${year} ${genre}.`,
          `${capitalise(article(genre))} from ${director}, released in ${when}.`,
          `Released in ${when}, this ${genre} was directed by ${director}.`,
          `${capitalise(article(`${year} ${genre}`))} directed by ${director}.`,
        ],
        seed,
        3,
      ),
    );
  } else if (director) {
    sentences.push(`${capitalise(article(genre))} directed by ${director}.`);
  } else if (when) {
    sentences.push(
      pick([`${capitalise(article(`${year} ${genre}`))}.`, `This ${genre} reached cinemas in ${when}.`, `Released in ${when}, this is ${article(genre)}.`], seed, 3),
    );
  } else {
    sentences.push(`${capitalise(article(genre))}.`);
  }

  const source = SOURCE_PHRASES[movie.Source ?? ''];
  if (source) {
    const isNounPhrase = /^(a |an |assembled)/.test(source);
    sentences.push(
      isNounPhrase
        ? pick([`It is ${source}.`, `The film is ${source}.`], seed, 5)
        : pick([`The story was ${source}.`, `It was ${source}.`, `The screenplay was ${source}.`], seed, 5),
    );
  }

  const mpaa = movie['MPAA Rating'];
  const runtime = movie['Running Time min'];
  const rated = mpaa && mpaa !== 'Open' ? (mpaa === 'Not Rated' ? 'released unrated' : `rated ${mpaa}`) : null;
  if (rated && runtime) {
    sentences.push(pick([`It runs ${formatRuntime(runtime)} and is ${rated}.`, `${capitalise(rated)}, it runs ${formatRuntime(runtime)}.`], seed, 7));
  } else if (rated) {
    sentences.push(`The film was ${rated}.`);
  } else if (runtime) {
    sentences.push(`Running time: ${formatRuntime(runtime)}.`);
  }

  if (votes > 0) {
    sentences.push(
      pick(
        [
          `Audiences rate it ${rating.toFixed(1)} out of 10 across ${formatCount(votes)} votes.`,
          `Viewers give it ${rating.toFixed(1)}/10 from ${formatCount(votes)} ratings.`,
          `It holds an audience score of ${rating.toFixed(1)} from ${formatCount(votes)} votes.`,
        ],
        seed,
        9,
      ),
    );
  }
  return sentences.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const TV_GENRE_NOUNS: Record<number, string> = {
  10759: 'action-adventure series',
  16: 'animated series',
  35: 'comedy series',
  80: 'crime series',
  99: 'documentary series',
  18: 'drama series',
  10751: 'family series',
  10762: "children's series",
  9648: 'mystery series',
  10764: 'reality competition',
  10765: 'science-fiction and fantasy series',
  10768: 'political drama',
  37: 'western series',
};

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function tvOverview(series: TvSeriesFact, key: string): string {
  const seed = hash(key);
  const year = series.firstAirDate.slice(0, 4);
  const month = MONTH_NAMES[Number(series.firstAirDate.slice(5, 7)) - 1];
  const primary = series.genres[0]!;
  let noun = series.miniseries ? 'miniseries' : TV_GENRE_NOUNS[primary]!;
  if (!series.miniseries && primary === 16 && series.genres.includes(35)) noun = 'animated comedy';
  const others = series.genres
    .slice(1)
    .map((id) => genreName('tv', id)!)
    .filter((name) => !noun.toLowerCase().includes(name.toLowerCase()));
  const creators = listNames(series.creators);
  const sentences: string[] = [];

  sentences.push(
    pick(
      [
        `${capitalise(article(noun))} created by ${creators}, first broadcast on ${series.network} in ${month} ${year}.`,
        `${creators} created this ${noun}, which premiered on ${series.network} in ${year}.`,
        `First aired on ${series.network} in ${month} ${year}, this ${noun} comes from ${creators}.`,
      ],
      seed,
      1,
    ),
  );
  if (others.length > 0) {
    const mix = listNames(others.map((name) => name.toLowerCase()));
    sentences.push(others.length === 1 ? `Expect elements of ${mix}.` : pick([`It blends ${mix}.`, `Expect elements of ${mix}.`], seed, 3));
  }
  const seasons = series.seasons === 1 ? (series.miniseries ? 'a single limited season' : 'one season') : `${countWord(series.seasons)} seasons`;
  sentences.push(
    pick(
      [`It spans ${seasons}, with episodes of about ${series.runtime} minutes.`, `Across ${seasons}, a typical episode runs ${series.runtime} minutes.`],
      seed,
      5,
    ),
  );
  sentences.push(
    pick([`Viewers rate it ${series.rating.toFixed(1)} out of 10.`, `It holds an audience score of ${series.rating.toFixed(1)}/10.`], seed, 7),
  );
  return sentences.join(' ');
}

function tvTagline(series: TvSeriesFact): string {
  if (series.miniseries) return `A limited series from ${series.network}.`;
  const seasons = series.seasons === 1 ? 'One season' : `${capitalise(countWord(series.seasons))} seasons`;
  return `${seasons} on ${series.network}.`;
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

function readExistingIds(): Map<string, number> {
  const ids = new Map<string, number>();
  if (!existsSync(embeddedCatalogFile)) return ids;
  const previous = JSON.parse(readFileSync(embeddedCatalogFile, 'utf8')) as EmbeddedCatalogFile;
  for (const [mediaType, records] of [['movie', previous.movies], ['tv', previous.tv]] as const) {
    for (const record of records) ids.set(titleKey(mediaType, record.title, record.release_date), record.id);
  }
  return ids;
}

/** Existing keys keep their ids; new keys (in the given, deterministic order) get the next free ids. */
function assignIds<T extends { key: string }>(items: T[], existing: Map<string, number>): Array<T & { id: number }> {
  let next = Math.max(0, ...items.map((item) => existing.get(item.key) ?? 0)) + 1;
  return items.map((item) => ({ ...item, id: existing.get(item.key) ?? next++ }));
}

function loadVegaMovies(): VegaMovie[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'movies.json');
  return JSON.parse(readFileSync(file, 'utf8')) as VegaMovie[];
}

/**
 * Popularity is the IMDb vote count. About 200 films lack votes — the Star Wars episodes among
 * them — so their popularity is estimated from worldwide gross at the data set's lower-quartile
 * votes-per-dollar (the median overrates blockbusters, whose votes grow slower than their takings);
 * their vote_count stays 0, as nobody's votes are invented.
 */
function popularityEstimator(movies: VegaMovie[]): (movie: VegaMovie) => number {
  const ratios = movies
    .filter((movie) => (movie['IMDB Votes'] ?? 0) > 0 && (movie['Worldwide Gross'] ?? 0) > 0)
    .map((movie) => movie['IMDB Votes']! / movie['Worldwide Gross']!)
    .sort((a, b) => a - b);
  const lowerQuartile = ratios[Math.floor(ratios.length / 4)] ?? 0;
  return (movie) => movie['IMDB Votes'] ?? Math.round((movie['Worldwide Gross'] ?? 0) * lowerQuartile);
}

function deriveMovies(existing: Map<string, number>): EmbeddedTitleRecord[] {
  const byKey = new Map<string, MovieFacts & { title: string; popularity: number }>();
  const vega = loadVegaMovies();
  const popularity = popularityEstimator(vega);
  for (const movie of vega) {
    const title = cleanTitle(movie.Title);
    if (!title) continue;
    const date = parseReleaseDate(movie['Release Date']);
    const key = titleKey('movie', title, date);
    const votes = movie['IMDB Votes'] ?? 0;
    const facts = {
      key,
      title,
      movie: { ...movie, Director: movie.Director ? fixMojibake(movie.Director) : null },
      date,
      genreIds: movieGenres(movie),
      rating: movie['IMDB Rating'] ?? 0,
      votes,
      popularity: popularity(movie),
    };
    // Duplicates (same title and year) keep the better-documented row.
    const seen = byKey.get(key);
    if (!seen || facts.popularity > seen.popularity) byKey.set(key, facts);
  }
  const ordered = [...byKey.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.key.localeCompare(b.key));
  return assignIds(ordered, existing).map((facts) => ({
    id: facts.id,
    title: facts.title,
    release_date: facts.date,
    genre_ids: facts.genreIds,
    overview: movieOverview(facts),
    tagline: SOURCE_TAGLINES[facts.movie.Source ?? ''] ?? null,
    runtime: facts.movie['Running Time min'],
    vote_average: Math.round(facts.rating * 10) / 10,
    vote_count: facts.votes,
    popularity: facts.popularity,
    people: facts.movie.Director ? [facts.movie.Director] : [],
    certification: mpaaCertification(facts.movie['MPAA Rating']),
  }));
}

/** The data's MPAA rating as a US certification; "Not Rated", "Open" and missing ones are unknown (null). */
function mpaaCertification(rating: string | null): string | null {
  return rating !== null && ['G', 'PG', 'PG-13', 'R', 'NC-17'].includes(rating) ? rating : null;
}

function deriveTv(existing: Map<string, number>): EmbeddedTitleRecord[] {
  const ordered = TV_SERIES.map((series) => ({ key: titleKey('tv', series.name, series.firstAirDate), series })).sort(
    (a, b) => a.series.firstAirDate.localeCompare(b.series.firstAirDate) || a.key.localeCompare(b.key),
  );
  return assignIds(ordered, existing).map(({ id, key, series }) => ({
    id,
    title: series.name,
    release_date: series.firstAirDate,
    genre_ids: series.genres,
    overview: tvOverview(series, key),
    tagline: tvTagline(series),
    runtime: series.runtime,
    vote_average: Math.round(series.rating * 10) / 10,
    vote_count: series.votes,
    popularity: series.votes,
    people: series.creators,
    certification: series.certification,
    seasons: series.seasons,
  }));
}

function check(file: EmbeddedCatalogFile): void {
  const problems: string[] = [];
  for (const [mediaType, records] of [['movie', file.movies], ['tv', file.tv]] as const) {
    const ids = new Set<number>();
    for (const record of records) {
      if (ids.has(record.id)) problems.push(`${mediaType} id ${record.id} is used twice`);
      ids.add(record.id);
      for (const genre of record.genre_ids) if (!isGenreOf(mediaType, genre)) problems.push(`${mediaType} ${record.title}: unknown genre ${genre}`);
      if (record.release_date && !/^\d{4}-\d{2}-\d{2}$/.test(record.release_date)) problems.push(`${mediaType} ${record.title}: bad date`);
    }
  }
  if (file.movies.length < 3000) problems.push(`only ${file.movies.length} films`);
  if (file.tv.length < 50) problems.push(`only ${file.tv.length} series`);
  if (problems.length > 0) throw new Error(`derived catalog is invalid:\n${problems.join('\n')}`);
}

/** One record per line: small diffs when the data changes, and still valid JSON. */
function serialise(file: EmbeddedCatalogFile): string {
  const list = (records: EmbeddedTitleRecord[]) => `[\n${records.map((record) => `    ${JSON.stringify(record)}`).join(',\n')}\n  ]`;
  return `{\n  "version": ${file.version},\n  "sources": ${JSON.stringify(file.sources)},\n  "movies": ${list(file.movies)},\n  "tv": ${list(file.tv)}\n}\n`;
}

function main(): void {
  const existing = readExistingIds();
  const byId = (a: EmbeddedTitleRecord, b: EmbeddedTitleRecord) => a.id - b.id;
  const file: EmbeddedCatalogFile = {
    version: 1,
    sources: [
      'Films: vega-datasets data/movies.json (BSD-3-Clause); overviews and taglines composed from its facts.',
      'TV series: server/scripts/tv-series.ts (hand-written facts); overviews composed from them.',
    ],
    movies: deriveMovies(existing).sort(byId),
    tv: deriveTv(existing).sort(byId),
  };
  check(file);
  mkdirSync(new URL('.', embeddedCatalogFile), { recursive: true });
  writeFileSync(embeddedCatalogFile, serialise(file));
  const genreCounts = new Map<number, number>();
  for (const record of file.movies) for (const genre of record.genre_ids) genreCounts.set(genre, (genreCounts.get(genre) ?? 0) + 1);
  const summary = [...genreCounts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${genreName('movie', id)} ${n}`);
  console.log(`wrote ${file.movies.length} films and ${file.tv.length} series to ${embeddedCatalogFile.pathname}`);
  console.log(`film genres: ${summary.join(', ')}`);
}

main();
