/**
 * Maturity levels and US certifications (API.md "Maturity limits"): which certifications each level
 * allows. Plain values and functions, shared by the server (which enforces them) and the web app
 * (which names them); imported as `@marquee/contracts/maturity`.
 */

/** The levels, from the most restricted to the least. */
export const MATURITY_LEVELS = ['little_kids', 'older_kids', 'teens', 'all'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** The highest level a kids profile may have. */
export const KIDS_MAX_LEVEL: MaturityLevel = 'older_kids';

/** What the web app calls each level. */
export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  little_kids: 'Little kids',
  older_kids: 'Older kids',
  teens: 'Teens',
  all: 'All',
};

/**
 * The lowest level that allows each known US certification (MPAA for films, TV Parental Guidelines
 * for series). A certification not listed here — or none at all — is allowed by `all` only.
 */
const LEVEL_OF_CERTIFICATION: Record<string, MaturityLevel> = {
  G: 'little_kids',
  'TV-Y': 'little_kids',
  'TV-G': 'little_kids',
  PG: 'older_kids',
  'TV-Y7': 'older_kids',
  'TV-Y7-FV': 'older_kids',
  'TV-PG': 'older_kids',
  'PG-13': 'teens',
  'TV-14': 'teens',
  R: 'all',
  'NC-17': 'all',
  'TV-MA': 'all',
};

/** The rank of a level: 0 for `little_kids` … 3 for `all`. */
export const maturityRank = (level: MaturityLevel): number => MATURITY_LEVELS.indexOf(level);

/** The lowest level that may see a title with this certification (`all` when unknown or null). */
export function levelOfCertification(certification: string | null | undefined): MaturityLevel {
  return (certification && LEVEL_OF_CERTIFICATION[certification]) || 'all';
}

/** Whether a profile at `level` may see a title certified `certification`. */
export function maturityAllows(level: MaturityLevel, certification: string | null | undefined): boolean {
  return level === 'all' || maturityRank(levelOfCertification(certification)) <= maturityRank(level);
}

/** The movie certifications TMDB's `/discover/movie?certification.lte=…` needs for a level below `all`. */
export const MOVIE_CERTIFICATION_CEILING: Record<Exclude<MaturityLevel, 'all'>, string> = {
  little_kids: 'G',
  older_kids: 'PG',
  teens: 'PG-13',
};
