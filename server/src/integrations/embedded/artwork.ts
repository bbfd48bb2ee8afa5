/**
 * Generated artwork for the embedded catalog: a 2:3 poster and a 16:9 backdrop per title, as SVG.
 * Deterministic — the same title always gives the same bytes (so ETags and year-long caching are
 * safe): a palette from the primary genre, a few geometric shapes seeded by the id, and the title
 * wrapped and sized to fit. Backdrops keep their left side dark, where the web app's hero text sits.
 */
import type { MediaType } from '@marquee/contracts';

export type ArtworkKind = 'poster' | 'backdrop';

/** What a picture needs to know about its title. */
export interface ArtworkSubject {
  mediaType: MediaType;
  id: number;
  title: string;
  year: number | null;
  /** Primary genre first. */
  genreIds: readonly number[];
  /** The primary genre's name, shown as a small label. */
  genreLabel: string | null;
}

export const POSTER_SIZE = { width: 500, height: 750 } as const;
export const BACKDROP_SIZE = { width: 1280, height: 720 } as const;

/** The artwork file name of a title: `movie-123.svg`. */
export function artworkFile(mediaType: MediaType, id: number): string {
  return `${mediaType}-${id}.svg`;
}

/** `movie-123.svg` → { mediaType, id }; null for anything else. */
export function parseArtworkFile(file: string): { mediaType: MediaType; id: number } | null {
  const match = /^(movie|tv)-([1-9]\d{0,9})\.svg$/.exec(file);
  if (!match) return null;
  const id = Number(match[2]);
  return id <= 2_147_483_647 ? { mediaType: match[1] as MediaType, id } : null;
}

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!);
}

interface Palette {
  /** Background gradient, light end then dark end. */
  from: string;
  to: string;
  accent: string;
  accent2: string;
}

/** Palettes by TMDB genre id (movie and TV ids share one table; equivalents share a palette). */
const PALETTES: Record<number, Palette> = {
  28: { from: '#6b0f1a', to: '#12040a', accent: '#ff6b35', accent2: '#ffd23f' },
  12: { from: '#0b4f4a', to: '#051417', accent: '#f4a259', accent2: '#5ab9a8' },
  10759: { from: '#0b4f4a', to: '#051417', accent: '#f4a259', accent2: '#5ab9a8' },
  16: { from: '#4b2a8a', to: '#120a2e', accent: '#ff5d8f', accent2: '#ffd166' },
  35: { from: '#7a4a00', to: '#1c1103', accent: '#ffcf3f', accent2: '#ff7b54' },
  80: { from: '#26302c', to: '#080a09', accent: '#c3f73a', accent2: '#e0e0e0' },
  99: { from: '#2d4a27', to: '#0a1209', accent: '#a7c957', accent2: '#f2e8cf' },
  18: { from: '#1f3560', to: '#080c18', accent: '#8fb3ff', accent2: '#e0c097' },
  10751: { from: '#17608f', to: '#0a1d33', accent: '#7bdff2', accent2: '#ffe066' },
  10762: { from: '#1f4e99', to: '#0b1b3a', accent: '#ffd60a', accent2: '#4cc9f0' },
  14: { from: '#4a1f70', to: '#12071f', accent: '#c77dff', accent2: '#ffd6ff' },
  36: { from: '#5a3f27', to: '#170f08', accent: '#d4a373', accent2: '#faedcd' },
  27: { from: '#3a0000', to: '#050000', accent: '#d00000', accent2: '#e5e5e5' },
  10402: { from: '#5a0f5a', to: '#13031a', accent: '#ff4ecd', accent2: '#4ef0ff' },
  9648: { from: '#23344a', to: '#06090f', accent: '#7f9cc9', accent2: '#d8dee9' },
  10749: { from: '#6e1f3f', to: '#1a0610', accent: '#ff8fab', accent2: '#ffc2d1' },
  878: { from: '#0b2f5a', to: '#020812', accent: '#00e5ff', accent2: '#8a7dff' },
  10765: { from: '#0b2f5a', to: '#020812', accent: '#00e5ff', accent2: '#8a7dff' },
  53: { from: '#253540', to: '#07090b', accent: '#f94144', accent2: '#a7b8c2' },
  10752: { from: '#46492a', to: '#10110a', accent: '#c9b84a', accent2: '#e9e4c9' },
  10768: { from: '#46492a', to: '#10110a', accent: '#c9b84a', accent2: '#e9e4c9' },
  37: { from: '#6a3510', to: '#1a0b03', accent: '#f3a712', accent2: '#e4d6a7' },
  10764: { from: '#5a2350', to: '#12060f', accent: '#ffba08', accent2: '#ff4d6d' },
};
const DEFAULT_PALETTE: Palette = { from: '#33364f', to: '#0d0e16', accent: '#ef233c', accent2: '#a8b2c4' };

/** FNV-1a, then mulberry32: a tiny seeded generator, so shapes depend on the title and nothing else. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (value: number) => String(Math.round(value * 10) / 10);

// ---------------------------------------------------------------------------------------------
// Text fitting
// ---------------------------------------------------------------------------------------------

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/**
 * Approximate advance of one character in ems, no font metrics at hand: sized for the widest
 * common bold sans (DejaVu Sans Bold, Linux's default), so narrower fonts merely leave more margin.
 */
function charWidth(char: string): number {
  if (char === ' ') return 0.34;
  if (/[iljtfr.,:;'!|()[\]-]/.test(char)) return 0.4;
  if (/[MWmw@]/.test(char)) return 1;
  if (/[A-Z]/.test(char)) return 0.78;
  return 0.68;
}

function textWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * size;
}

export interface FittedText {
  size: number;
  lines: string[];
}

function wrap(words: string[], maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Splits a word too wide for one line into pieces that fit. */
function breakWord(word: string, maxWidth: number, size: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && textWidth(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * The largest font size (from `maxSize` down to `minSize`) at which `text` wraps into at most
 * `maxLines` lines of `maxWidth`; at the smallest size, over-long words are broken and the last
 * line ends with an ellipsis.
 */
export function fitText(text: string, options: { maxWidth: number; maxLines: number; maxSize: number; minSize: number }): FittedText {
  const { maxWidth, maxLines, maxSize, minSize } = options;
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let size = maxSize; size >= minSize; size -= 2) {
    if (words.some((word) => textWidth(word, size) > maxWidth)) continue;
    const lines = wrap(words, maxWidth, size);
    if (lines.length <= maxLines) return { size, lines };
  }
  const pieces = words.flatMap((word) => breakWord(word, maxWidth, minSize));
  const lines = wrap(pieces, maxWidth, minSize);
  if (lines.length <= maxLines) return { size: minSize, lines };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && textWidth(`${last}…`, minSize) > maxWidth) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { size: minSize, lines: kept };
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A handful of translucent circles, rings, bars and triangles inside `area`. */
function shapes(random: () => number, palette: Palette, area: Area, scale: number): string {
  const colours = [palette.accent, palette.accent2, palette.from];
  const at = (min: number, max: number) => min + random() * (max - min);
  const px = () => area.x + random() * area.width;
  const py = () => area.y + random() * area.height;
  const parts: string[] = [];
  // One large glowing disc anchors every composition.
  parts.push(`<circle cx="${n(px())}" cy="${n(py())}" r="${n(at(0.35, 0.55) * scale)}" fill="url(#glow)"/>`);
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const colour = colours[Math.floor(random() * colours.length)]!;
    const opacity = n(at(0.12, 0.4));
    switch (Math.floor(random() * 4)) {
      case 0:
        parts.push(`<circle cx="${n(px())}" cy="${n(py())}" r="${n(at(0.06, 0.22) * scale)}" fill="${colour}" opacity="${opacity}"/>`);
        break;
      case 1:
        parts.push(
          `<circle cx="${n(px())}" cy="${n(py())}" r="${n(at(0.12, 0.35) * scale)}" fill="none" stroke="${colour}" stroke-width="${n(at(2, 10))}" opacity="${opacity}"/>`,
        );
        break;
      case 2: {
        const w = at(0.3, 0.9) * scale;
        const h = at(0.02, 0.08) * scale;
        parts.push(
          `<rect x="${n(px() - w / 2)}" y="${n(py())}" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}" fill="${colour}" opacity="${opacity}" transform="rotate(${n(at(-40, 40))} ${n(px())} ${n(py())})"/>`,
        );
        break;
      }
      default: {
        const cx = px();
        const cy = py();
        const r = at(0.1, 0.3) * scale;
        const turn = random() * Math.PI * 2;
        const points = [0, 1, 2].map((k) => `${n(cx + r * Math.cos(turn + (k * 2 * Math.PI) / 3))},${n(cy + r * Math.sin(turn + (k * 2 * Math.PI) / 3))}`);
        parts.push(`<polygon points="${points.join(' ')}" fill="${colour}" opacity="${opacity}"/>`);
      }
    }
  }
  return parts.join('');
}

function defs(random: () => number, palette: Palette, extra: string): string {
  const angle = random() * 360;
  return (
    `<defs>` +
    `<linearGradient id="bg" gradientTransform="rotate(${n(angle)} 0.5 0.5)"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient>` +
    `<radialGradient id="glow"><stop offset="0" stop-color="${palette.accent}" stop-opacity="0.75"/><stop offset="0.6" stop-color="${palette.accent}" stop-opacity="0.18"/><stop offset="1" stop-color="${palette.accent}" stop-opacity="0"/></radialGradient>` +
    extra +
    `</defs>`
  );
}

function textLines(lines: string[], x: number, firstBaseline: number, size: number, anchor: 'start' | 'end', fill: string): string {
  const lineHeight = size * 1.08;
  const tspans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(firstBaseline + i * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-family="${FONT}" font-weight="800" font-size="${size}" fill="${fill}" text-anchor="${anchor}" letter-spacing="-0.5">${tspans}</text>`;
}

function caption(subject: ArtworkSubject): string {
  const kind = subject.mediaType === 'movie' ? 'FILM' : 'SERIES';
  return subject.year === null ? kind : `${kind} · ${subject.year}`;
}

function label(text: string, x: number, y: number, size: number, fill: string, anchor: 'start' | 'end' = 'start'): string {
  return `<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" font-weight="600" font-size="${size}" letter-spacing="3" fill="${fill}" text-anchor="${anchor}">${escapeXml(text)}</text>`;
}

function open(width: number, height: number, subject: ArtworkSubject): string {
  const name = escapeXml(subject.year === null ? subject.title : `${subject.title} (${subject.year})`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${name}"><title>${name}</title>`;
}

// ---------------------------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------------------------

function paletteOf(subject: ArtworkSubject): Palette {
  return PALETTES[subject.genreIds[0] ?? -1] ?? DEFAULT_PALETTE;
}

/** A 500×750 poster: shapes above, the title large at the bottom over a darkening fade. */
export function renderPoster(subject: ArtworkSubject): string {
  const { width, height } = POSTER_SIZE;
  const random = seededRandom(`poster:${subject.mediaType}:${subject.id}`);
  const palette = paletteOf(subject);
  const margin = 36;
  const fitted = fitText(subject.title, { maxWidth: width - 2 * margin, maxLines: 4, maxSize: 64, minSize: 28 });
  const lineHeight = fitted.size * 1.08;
  const genreY = height - 40;
  const firstBaseline = genreY - 30 - (fitted.lines.length - 1) * lineHeight;
  const fade = `<linearGradient id="fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.88"/></linearGradient>`;
  return (
    open(width, height, subject) +
    defs(random, palette, fade) +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>` +
    shapes(random, palette, { x: 0, y: 0, width, height: height * 0.7 }, width) +
    `<rect y="${n(height * 0.42)}" width="${width}" height="${n(height * 0.58)}" fill="url(#fade)"/>` +
    `<rect x="${margin}" y="${margin}" width="44" height="5" rx="2.5" fill="${palette.accent}"/>` +
    label(caption(subject), margin, margin + 34, 17, palette.accent2) +
    textLines(fitted.lines, margin, firstBaseline, fitted.size, 'start', '#ffffff') +
    (subject.genreLabel ? label(subject.genreLabel.toUpperCase(), margin, genreY, 16, '#d0d4dc') : '') +
    `</svg>`
  );
}

/**
 * A 1280×720 backdrop: shapes and the title on the right; the left 40 % fades to near-black so the
 * web app's hero text over it stays readable, and the bottom fades into the page.
 */
export function renderBackdrop(subject: ArtworkSubject): string {
  const { width, height } = BACKDROP_SIZE;
  const random = seededRandom(`backdrop:${subject.mediaType}:${subject.id}`);
  const palette = paletteOf(subject);
  const right = width - 64;
  const fitted = fitText(subject.title, { maxWidth: 500, maxLines: 3, maxSize: 60, minSize: 30 });
  const lineHeight = fitted.size * 1.08;
  const lastBaseline = height - 150;
  const firstBaseline = lastBaseline - (fitted.lines.length - 1) * lineHeight;
  const extra =
    `<linearGradient id="left" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.94"/><stop offset="0.4" stop-color="#000" stop-opacity="0.72"/><stop offset="0.7" stop-color="#000" stop-opacity="0"/></linearGradient>` +
    `<linearGradient id="bottom" x1="0" y1="0" x2="0" y2="1"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.7"/></linearGradient>`;
  return (
    open(width, height, subject) +
    defs(random, palette, extra) +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>` +
    shapes(random, palette, { x: width * 0.45, y: 0, width: width * 0.55, height }, height) +
    `<rect width="${width}" height="${height}" fill="url(#left)"/>` +
    `<rect width="${width}" height="${height}" fill="url(#bottom)"/>` +
    label(caption(subject), right, firstBaseline - fitted.size - 8, 18, palette.accent2, 'end') +
    `<g opacity="0.92">${textLines(fitted.lines, right, firstBaseline, fitted.size, 'end', '#ffffff')}</g>` +
    `</svg>`
  );
}

/** The picture of one kind. */
export function renderArtwork(kind: ArtworkKind, subject: ArtworkSubject): string {
  return kind === 'poster' ? renderPoster(subject) : renderBackdrop(subject);
}
