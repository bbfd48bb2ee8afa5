/**
 * "More like this" for the offline catalog: a ranking over what the data knows of a title — its
 * franchise (a shared title stem: "The Godfather: Part II"), its director or creators, its genres
 * (the primary one counts most), its decade, its audience and how well it is liked. Only titles of
 * the same media type are ranked, never one for a much older audience than the title itself, and
 * what is like a children's film is a children's or family title too.
 */
import { levelOfCertification, maturityRank } from '@marquee/contracts';
import type { EmbeddedTitle } from './embedded.data.js';

/** Weights of the signals; a franchise or a shared director outranks any genre overlap. */
const WEIGHTS = {
  franchise: 6,
  person: 4,
  genreOverlap: 3,
  primaryGenre: 1.5,
  decade: 1.5,
  audience: 1,
  quality: 1,
  fame: 0.75,
} as const;

/** Genres that mark a title as made for children and families: Animation, Family, Kids (TV). */
const CHILDREN_GENRES = new Set([16, 10751, 10762]);

/** Years apart at which the decade signal has faded to nothing. */
const YEARS_FADE = 30;

const ROMAN = /\b(?:part\s+)?(?:ii|iii|iv|v|vi|vii|viii|ix|x)\b/g;

/**
 * A title's franchise stem: lower-cased, the subtitle after a colon or dash and any sequel number or
 * "Part II" dropped ("Toy Story 3" → "toy story", "The Lord of the Rings: The Two Towers" → "the
 * lord of the rings"). Stems of a single short word ("up", "it") are too common to mean anything.
 */
export function franchiseStem(title: string): string | null {
  const stem = title
    .toLowerCase()
    .split(/:| - /)[0]!
    .replace(ROMAN, ' ')
    .replace(/\b(?:part|chapter|episode)\s+\w+\b/g, ' ')
    .replace(/\b\d+\b/g, ' ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = stem.split(' ').filter((word) => word !== 'the' && word !== 'a' && word !== 'an');
  if (words.length === 0 || (words.length === 1 && words[0]!.length < 5)) return null;
  return stem;
}

/** What the ranking reads of a title, computed once per title. */
interface Features {
  stem: string | null;
  people: Set<string>;
  genres: Set<number>;
  audience: number;
  /** Made for children: certified for young audiences (G, TV-Y, TV-G, …) and of a children's genre. */
  forChildren: boolean;
}

const featuresCache = new WeakMap<EmbeddedTitle, Features>();

function featuresOf(title: EmbeddedTitle): Features {
  let features = featuresCache.get(title);
  if (!features) {
    features = {
      stem: franchiseStem(title.title),
      people: new Set(title.people),
      genres: new Set(title.genre_ids),
      audience: maturityRank(levelOfCertification(title.certification)),
      forChildren: false,
    };
    features.forChildren = features.audience <= maturityRank('older_kids') && title.genre_ids.some((genre) => CHILDREN_GENRES.has(genre));
    featuresCache.set(title, features);
  }
  return features;
}

/** How alike `candidate` is to `source`: higher is more alike. */
export function similarity(source: EmbeddedTitle, candidate: EmbeddedTitle): number {
  const a = featuresOf(source);
  const b = featuresOf(candidate);
  let score = 0;
  if (a.stem !== null && a.stem === b.stem) score += WEIGHTS.franchise;
  for (const person of a.people) {
    if (b.people.has(person)) {
      score += WEIGHTS.person;
      break;
    }
  }
  let shared = 0;
  for (const genre of a.genres) if (b.genres.has(genre)) shared += 1;
  const union = a.genres.size + b.genres.size - shared;
  if (union > 0) score += WEIGHTS.genreOverlap * (shared / union);
  if (source.genre_ids[0] !== undefined && source.genre_ids[0] === candidate.genre_ids[0]) score += WEIGHTS.primaryGenre;
  if (source.year !== null && candidate.year !== null) {
    score += WEIGHTS.decade * Math.max(0, 1 - Math.abs(source.year - candidate.year) / YEARS_FADE);
  }
  score += WEIGHTS.audience * (1 - Math.min(3, Math.abs(a.audience - b.audience)) / 3);
  score += WEIGHTS.quality * (candidate.vote_average / 10);
  score += WEIGHTS.fame * Math.min(1, Math.log10(candidate.vote_count + 1) / 6);
  return score;
}

/**
 * The candidates most like `source`, best first: same media type, never the title itself, nothing
 * with no genre in common unless it shares a franchise or a director, and nothing for an older
 * audience than one level above the title's (a title of unknown certification counts as `all`).
 */
export function rankSimilar(source: EmbeddedTitle, candidates: readonly EmbeddedTitle[]): EmbeddedTitle[] {
  const a = featuresOf(source);
  const ceiling = a.audience + 1;
  const scored: { title: EmbeddedTitle; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === source || candidate.media_type !== source.media_type || candidate.id === source.id) continue;
    const b = featuresOf(candidate);
    if (b.audience > ceiling) continue;
    // What is like a children's title is made for children too, not merely rated for them.
    if (a.forChildren && !candidate.genre_ids.some((genre) => CHILDREN_GENRES.has(genre))) continue;
    const related =
      (a.stem !== null && a.stem === b.stem) || [...a.people].some((person) => b.people.has(person)) || [...a.genres].some((genre) => b.genres.has(genre));
    if (!related) continue;
    scored.push({ title: candidate, score: similarity(source, candidate) });
  }
  return scored.sort((x, y) => y.score - x.score || y.title.vote_count - x.title.vote_count || x.title.id - y.title.id).map(({ title }) => title);
}
