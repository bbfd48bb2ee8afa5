/**
 * Palettes for the generated artwork. Each title gets its own: the hue, the colour scheme
 * (complementary, analogous, triadic…) and whether the ground is dark, pale or vivid all come
 * from the title's seed. The genre only biases the mood — horror leans dark and blood-red or
 * sickly green, comedy leans bright and pale — so two Action films side by side still look
 * clearly different, as the posters of a real row do.
 */
import { contrast, oklch } from './artwork.color.js';
import type { Random } from './artwork.random.js';

export interface Palette {
  /** The dominant background colour. */
  ground: string;
  /** A secondary colour of middle lightness, for large shapes. */
  tone: string;
  /** The vivid colour of the piece: suns, key shapes, highlighted words. */
  accent: string;
  /** A very dark tint of the hue: night skies, near silhouettes, the backdrop's calm corner. */
  night: string;
  /** A very light tint of the accent: light sources, highlights. */
  glow: string;
  /** The title's colour on `ground` (contrast at least 4.5:1). */
  ink: string;
  /** Secondary text on `ground` — year, credits — (contrast at least 4.5:1). */
  muted: string;
  /** Whether `ground` is light (dark text on it). */
  light: boolean;
  /** Base hue in degrees, for tests and for motifs that tint by hue. */
  hue: number;
}

/** How a genre leans. */
interface Mood {
  /** Probability of a pale or vivid ground instead of a dark one. */
  light: number;
  /** Hues the genre favours; used for two titles in five, the rest take any hue. */
  hues: readonly number[];
  /** Scales every chroma: below 1 is muted (period pieces, crime), above 1 is candy (animation). */
  chroma: number;
}

const MOODS: Record<number, Mood> = {
  28: { light: 0.15, hues: [28, 55, 235], chroma: 1.1 }, // Action
  10759: { light: 0.2, hues: [28, 55, 200], chroma: 1.1 }, // Action & Adventure
  12: { light: 0.3, hues: [60, 150, 200], chroma: 1 }, // Adventure
  16: { light: 0.5, hues: [], chroma: 1.3 }, // Animation
  10751: { light: 0.55, hues: [], chroma: 1.25 }, // Family
  10762: { light: 0.6, hues: [], chroma: 1.3 }, // Kids
  35: { light: 0.55, hues: [95, 40, 200, 350], chroma: 1.2 }, // Comedy
  80: { light: 0.15, hues: [95, 28, 215], chroma: 0.8 }, // Crime
  99: { light: 0.45, hues: [], chroma: 0.8 }, // Documentary
  18: { light: 0.3, hues: [], chroma: 0.75 }, // Drama
  14: { light: 0.15, hues: [295, 175, 325], chroma: 1.1 }, // Fantasy
  10765: { light: 0.12, hues: [200, 295, 175], chroma: 1.1 }, // Sci-Fi & Fantasy
  36: { light: 0.35, hues: [70, 50, 130], chroma: 0.6 }, // History
  10752: { light: 0.3, hues: [70, 110, 40], chroma: 0.55 }, // War
  10768: { light: 0.3, hues: [70, 110, 250], chroma: 0.6 }, // War & Politics
  27: { light: 0.06, hues: [25, 140, 285], chroma: 0.95 }, // Horror
  10402: { light: 0.3, hues: [330, 290, 190], chroma: 1.3 }, // Music
  9648: { light: 0.1, hues: [250, 200, 160], chroma: 0.8 }, // Mystery
  10749: { light: 0.45, hues: [10, 350, 35], chroma: 1 }, // Romance
  10766: { light: 0.45, hues: [10, 350, 35], chroma: 1 }, // Soap
  878: { light: 0.1, hues: [200, 250, 170, 300], chroma: 1.1 }, // Science Fiction
  53: { light: 0.12, hues: [28, 210, 95], chroma: 0.8 }, // Thriller
  37: { light: 0.35, hues: [55, 40, 70], chroma: 0.8 }, // Western
  10764: { light: 0.5, hues: [], chroma: 1.2 }, // Reality
};
const DEFAULT_MOOD: Mood = { light: 0.3, hues: [], chroma: 1 };

/** The mood of a title's primary genre. */
export function moodOf(genreIds: readonly number[]): Mood {
  return MOODS[genreIds[0] ?? -1] ?? DEFAULT_MOOD;
}

/** Accent hue offsets: complementary, split complementary, triadic, analogous, monochrome. */
const SCHEMES = [180, 150, 210, 120, 240, 35, -35, 0] as const;

/** The first candidate with at least `min` contrast on `background`, else black or white, whichever is stronger. */
export function textOn(background: string, candidates: readonly string[], min = 4.5): string {
  const fit = candidates.find((candidate) => contrast(candidate, background) >= min);
  if (fit) return fit;
  return contrast('#ffffff', background) >= contrast('#0a0a0a', background) ? '#ffffff' : '#0a0a0a';
}

export type GroundKind = 'dark' | 'pale' | 'vivid';

/**
 * A palette for one title. `allowLight` is false for compositions that are made of light on dark
 * (glows, night skies): those always get a dark ground.
 */
export function makePalette(random: Random, genreIds: readonly number[], allowLight: boolean): Palette {
  const mood = moodOf(genreIds);
  const hue = mood.hues.length > 0 && random.chance(0.4) ? random.pick(mood.hues) + random.range(-25, 25) : random.range(0, 360);
  const accentHue = hue + random.pick(SCHEMES);
  const k = mood.chroma;
  const kind: GroundKind = allowLight && random.chance(mood.light) ? (random.chance(0.35) ? 'vivid' : 'pale') : 'dark';
  const night = oklch(random.range(0.13, 0.18), random.range(0.02, 0.05) * k, hue);
  const glow = oklch(0.96, 0.035, accentHue);

  if (kind === 'dark') {
    const ground = oklch(random.range(0.17, 0.38), random.range(0.04, 0.12) * k, hue);
    const tone = oklch(random.range(0.42, 0.56), random.range(0.06, 0.13) * k, hue + random.range(-25, 25));
    const accent = oklch(random.range(0.7, 0.84), random.range(0.12, 0.19) * k, accentHue);
    return {
      ground,
      tone,
      accent,
      night,
      glow,
      ink: textOn(ground, [glow, accent]),
      muted: textOn(ground, [oklch(0.84, 0.05, accentHue), oklch(0.9, 0.02, hue)]),
      light: false,
      hue,
    };
  }
  const ground =
    kind === 'pale'
      ? oklch(random.range(0.86, 0.95), random.range(0.025, 0.08) * k, hue)
      : oklch(random.range(0.66, 0.8), random.range(0.13, 0.19) * k, hue);
  const tone = oklch(random.range(0.5, 0.64), random.range(0.08, 0.15) * k, accentHue + random.range(-20, 20));
  const accent = oklch(random.range(0.5, 0.62), random.range(0.15, 0.22) * k, kind === 'vivid' ? accentHue : hue + random.pick([0, 180, 30]));
  const darkInk = oklch(0.2, 0.05 * k, hue);
  return {
    ground,
    tone,
    accent,
    night,
    glow,
    ink: textOn(ground, random.chance(0.5) ? [accent, darkInk] : [darkInk]),
    muted: textOn(ground, [oklch(0.36, 0.06, hue), darkInk]),
    light: true,
    hue,
  };
}
