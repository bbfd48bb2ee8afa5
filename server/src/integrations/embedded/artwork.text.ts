/**
 * Type for the generated artwork: which fonts, how wide a line will be, and how a title is wrapped
 * and sized to fill its space.
 *
 * The SVG may load nothing, so it names fonts every system has, in metric-compatible pairs: Arial
 * and Liberation Sans, Arial Narrow and Liberation Sans Narrow, Times New Roman and Liberation
 * Serif share every advance width. The tables below are those widths (bold, measured in Chromium),
 * so a line's width is known without the font. Each line is also drawn with `textLength`, so where
 * neither font of a pair is installed the fallback is squeezed or stretched to the same width and
 * can never overflow the poster.
 */

export type Face = 'sans' | 'narrow' | 'serif';

/** Bold advance widths, in thousandths of an em, of the characters 32 (space) to 126 (~). */
const ADVANCES: Record<'sans' | 'serif', readonly number[]> = {
  sans: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333,
    584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
    667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
    333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
  serif: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333,
    570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000,
    722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
  ],
};
/** Arial Narrow is Arial scaled to 82 % across. */
const NARROW_SCALE = 0.82;
/** A few common characters outside ASCII that do not decompose to an ASCII letter. */
const EXTRA_ADVANCES: Record<string, number> = { '…': 1000, '·': 278, '’': 278, '‘': 278, '“': 500, '”': 500, '½': 834, '³': 333, '²': 333, '¢': 556, '–': 556, '—': 1000, ß: 611, Æ: 1000, æ: 889, Ø: 778, ø: 611, Œ: 1000, œ: 944 };
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The advance of one character in ems. */
function advance(char: string, face: Face): number {
  const table = ADVANCES[face === 'serif' ? 'serif' : 'sans'];
  const scale = face === 'narrow' ? NARROW_SCALE : 1;
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return (table[code - 32]! / 1000) * scale;
  const extra = EXTRA_ADVANCES[char];
  if (extra !== undefined) return (extra / 1000) * scale;
  // An accented Latin letter is as wide as its base letter.
  const base = char.normalize('NFD').codePointAt(0)!;
  if (base >= 32 && base <= 126) return (table[base - 32]! / 1000) * scale;
  return (WIDE.test(char) ? 1 : 0.62) * scale;
}

/** A typographic style: the face, capitals or not, and letter spacing (ems). */
export interface TypeStyle {
  face: Face;
  caps: boolean;
  /** Extra space after each character, in ems. */
  tracking: number;
  /** Baseline-to-baseline distance, in ems. */
  leading: number;
}

/** The width of `text` set at `size` in `style`, in user units. */
export function measure(text: string, style: Pick<TypeStyle, 'face' | 'tracking'>, size: number): number {
  let em = 0;
  let count = 0;
  for (const char of text) {
    em += advance(char, style.face);
    count++;
  }
  return (em + style.tracking * Math.max(0, count - 1)) * size;
}

/** Text as drawn in a style (capitals are set in the text itself, so measuring sees them). */
export function setIn(text: string, style: Pick<TypeStyle, 'caps'>): string {
  return style.caps ? text.toLocaleUpperCase('en-US') : text;
}

/** A unit of wrapping: a word, or part of one after a hyphen or slash (a line may break there). */
interface Token {
  text: string;
  /** False for a piece that continues the word before it (no space in between). */
  spaced: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    word.split(/(?<=[-/–](?=\p{L}))/u).forEach((piece, i) => tokens.push({ text: piece, spaced: i === 0 }));
  }
  return tokens;
}

function joinTokens(tokens: readonly Token[]): string {
  return tokens.map((token, i) => (i > 0 && token.spaced ? ` ${token.text}` : token.text)).join('');
}

/**
 * Splits tokens into exactly `count` lines that read as a balanced block — greedy wrapping leaves
 * one word dangling on the last line. Two passes of dynamic programming over the break points:
 * the narrowest possible widest line first, then, among splits within it, the one whose lines are
 * most even (least sum of squared widths). Titles have a handful of words, so this is instant.
 */
function balance(tokens: readonly Token[], count: number, width: (text: string) => number): string[] {
  const n = tokens.length;
  const widths: number[][] = Array.from({ length: n + 1 }, (_, from) => Array.from({ length: n + 1 }, (_, to) => (to > from ? width(joinTokens(tokens.slice(from, to))) : 0)));
  const split = (cost: (lineWidth: number) => number, combine: (before: number, line: number) => number): string[] => {
    // best[k][i]: the cost of setting tokens[0..i) in k lines; from[k][i]: where the last line starts.
    const best = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(0));
    best[0]![0] = 0;
    for (let k = 1; k <= count; k++) {
      for (let i = k; i <= n; i++) {
        for (let j = k - 1; j < i; j++) {
          const total = combine(best[k - 1]![j]!, cost(widths[j]![i]!));
          if (total < best[k]![i]!) {
            best[k]![i] = total;
            from[k]![i] = j;
          }
        }
      }
    }
    const lines: string[] = [];
    for (let k = count, i = n; k > 0; k--) {
      const j = from[k]![i]!;
      lines.unshift(joinTokens(tokens.slice(j, i)));
      i = j;
    }
    return lines;
  };
  const narrowest = Math.max(...split((w) => w, Math.max).map(width));
  return split((w) => (w <= narrowest * 1.0001 ? w * w : Infinity), (before, line) => before + line);
}

/** One line of set text. */
export interface SetLine {
  text: string;
  size: number;
  /** Width at `size`, drawn as the line's `textLength`. */
  width: number;
}

/** A title fitted into a box. */
export interface SetBlock {
  style: TypeStyle;
  lines: SetLine[];
  /** From the first line's top to the last baseline. */
  height: number;
}

export interface Box {
  width: number;
  height: number;
  maxLines: number;
  maxSize: number;
  minSize: number;
}

/** Capitals with a mark above (É, Ô, Å): they rise above the cap height into a tight line gap. */
const ACCENTED_CAPITAL = /\p{Lu}[\u0300-\u036f]|[ÅØ]/u;

/**
 * The distance, in ems, from the previous baseline to this line's: the style's leading, opened a
 * little when the line holds an accented capital, so the mark does not touch the line above.
 */
function lineAdvance(line: string, style: TypeStyle): number {
  return style.caps && ACCENTED_CAPITAL.test(line.normalize('NFD')) ? Math.max(style.leading, 1.08) : style.leading;
}

/** Block height: capitals' top (about 0.72 em) on the first line, then each line's advance. */
function blockHeight(lines: readonly SetLine[], style: TypeStyle): number {
  return lines.reduce((sum, line, i) => sum + (i === 0 ? 0.72 : lineAdvance(line.text, style)) * line.size, 0);
}

function block(style: TypeStyle, texts: readonly string[], size: number): SetBlock {
  const lines = texts.map((text) => ({ text, size, width: measure(text, style, size) }));
  return { style, lines, height: blockHeight(lines, style) };
}

/**
 * The largest single size at which `text`, in balanced lines, fits `box`; null when even
 * `minSize` needs more lines than allowed or a word is wider than the box.
 */
export function fitBlock(text: string, style: TypeStyle, box: Box): SetBlock | null {
  const tokens = tokenize(setIn(text, style));
  if (tokens.length === 0) return null;
  const widthEm = (line: string) => measure(line, style, 1);
  for (let size = box.maxSize; size >= box.minSize; size = Math.min(size - 1, Math.floor(size * 0.96))) {
    for (let count = 1; count <= Math.min(box.maxLines, tokens.length); count++) {
      if (0.72 * size + (count - 1) * style.leading * size > box.height) break;
      const lines = balance(tokens, count, widthEm);
      if (Math.max(...lines.map(widthEm)) * size > box.width) continue;
      const set = block(style, lines, size);
      if (set.height <= box.height) return set;
    }
  }
  return null;
}

/**
 * A "stack": each line sized on its own to span the full width, the way typographic posters set a
 * title as a solid block. Tries every line count and keeps the one that covers the box best, with
 * no line smaller than `minSize`; null when none fits.
 */
export function fitStack(text: string, style: TypeStyle, box: Box): SetBlock | null {
  const tokens = tokenize(setIn(text, style));
  const widthEm = (line: string) => measure(line, style, 1);
  let bestBlock: SetBlock | null = null;
  let bestScore = 0;
  for (let count = 1; count <= Math.min(box.maxLines, tokens.length); count++) {
    const texts = balance(tokens, count, widthEm);
    let sizes = texts.map((line) => Math.min(box.maxSize, box.width / widthEm(line)));
    const lines = (scale: number) => texts.map((line, i) => ({ text: line, size: Math.floor(sizes[i]! * scale), width: 0 }));
    const height = blockHeight(lines(1), style);
    if (height > box.height) sizes = sizes.map((size) => size * (box.height / height));
    if (Math.min(...sizes) < box.minSize) continue;
    const set = lines(1).map((line) => ({ ...line, width: measure(line.text, style, line.size) }));
    // Ink covered: wide and tall beats tiny lines; the smallest line weighs in so no line gets lost.
    const score = set.reduce((sum, line) => sum + line.size * line.width, 0) * Math.min(1, Math.min(...sizes) / (box.maxSize * 0.45));
    if (score > bestScore) {
      bestScore = score;
      bestBlock = { style, lines: set, height: blockHeight(set, style) };
    }
  }
  return bestBlock;
}

/**
 * The last resort for a title too long for its box at the smallest size: break words where they
 * must and end the last allowed line with an ellipsis. Keeps the title readable rather than tiny.
 */
export function forceBlock(text: string, style: TypeStyle, box: Box): SetBlock {
  const size = box.minSize;
  const maxLines = Math.max(1, Math.min(box.maxLines, Math.floor((box.height - 0.72 * size) / (style.leading * size)) + 1));
  const fits = (line: string) => measure(line, style, size) <= box.width;
  // Greedy word wrap; only a word wider than the box is broken between letters.
  const pieces: Token[] = tokenize(setIn(text, style)).flatMap((token) => {
    if (fits(token.text)) return [token];
    const broken: Token[] = [];
    let piece = '';
    for (const char of token.text) {
      if (piece !== '' && !fits(piece + char)) {
        broken.push({ text: piece, spaced: broken.length === 0 && token.spaced });
        piece = '';
      }
      piece += char;
    }
    broken.push({ text: piece, spaced: broken.length === 0 && token.spaced });
    return broken;
  });
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line === '' ? piece.text : `${line}${piece.spaced ? ' ' : ''}${piece.text}`;
    if (line !== '' && !fits(candidate)) {
      lines.push(line);
      line = piece.text;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    let last = lines[maxLines - 1]!;
    while (last.length > 1 && !fits(`${last}…`)) last = Array.from(last).slice(0, -1).join('');
    lines[maxLines - 1] = `${last.trimEnd()}…`;
  }
  return block(style, lines, size);
}

/** Fits `text` with the first style that works — block or stack — else forces the last one. */
export function fitTitle(text: string, attempts: ReadonlyArray<{ style: TypeStyle; stack?: boolean }>, box: Box): SetBlock {
  for (const { style, stack } of attempts) {
    const set = stack ? fitStack(text, style, box) : fitBlock(text, style, box);
    if (set) return set;
  }
  return forceBlock(text, attempts[attempts.length - 1]!.style, box);
}

/** One line of small text (a credit, the year), shrunk to `maxWidth` and cut with an ellipsis if it must. */
export function fitLine(text: string, style: TypeStyle, maxWidth: number, size: number, minSize: number): SetLine {
  let set = setIn(text, style);
  let current = size;
  while (current > minSize && measure(set, style, current) > maxWidth) current -= 1;
  while (Array.from(set).length > 1 && measure(set, style, current) > maxWidth) set = `${Array.from(set).slice(0, -2).join('').trimEnd()}…`;
  return { text: set, size: current, width: measure(set, style, current) };
}

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/** Class names of the faces in the stylesheet every poster carries (see `TYPE_CSS`). */
const FACE_CLASS: Record<Face, string> = { sans: 's', narrow: 'n', serif: 'r' };

/**
 * The poster's stylesheet: the font pairs, and no kerning or ligatures, so glyphs advance exactly
 * as the tables say. Inline styles are allowed by the route's CSP (`style-src 'unsafe-inline'`).
 */
export const TYPE_CSS =
  '<style>text{font-weight:700;font-kerning:none;font-variant-ligatures:none}' +
  ".s{font-family:Arial,'Liberation Sans',Helvetica,sans-serif}" +
  ".n{font-family:'Arial Narrow','Liberation Sans Narrow',sans-serif;font-stretch:condensed}" +
  ".r{font-family:'Times New Roman','Liberation Serif',Times,serif}</style>";

const round = (value: number) => String(Math.round(value * 10) / 10);

/** Where and how a line is drawn. */
export interface Placement {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fill: string;
}

/** One `<text>` element, held to its estimated width by `textLength`. */
export function textLine(line: SetLine, style: Pick<TypeStyle, 'face' | 'tracking'>, at: Placement): string {
  const anchor = at.anchor === 'start' ? '' : ` text-anchor="${at.anchor}"`;
  const tracking = style.tracking ? ` letter-spacing="${round(style.tracking * line.size)}"` : '';
  return (
    `<text class="${FACE_CLASS[style.face]}" x="${round(at.x)}" y="${round(at.y)}" font-size="${line.size}" fill="${at.fill}"${anchor}${tracking}` +
    ` textLength="${round(line.width)}" lengthAdjust="spacingAndGlyphs">${escapeXml(line.text)}</text>`
  );
}

/**
 * A fitted block drawn from `top` (the first line's cap height) down; returns the markup and the
 * last baseline, so what follows can be placed under it.
 */
export function textBlock(set: SetBlock, at: Omit<Placement, 'y'> & { top: number; fills?: readonly string[] }): { svg: string; bottom: number } {
  let baseline = at.top;
  const parts = set.lines.map((line, i) => {
    baseline += (i === 0 ? 0.72 : lineAdvance(line.text, set.style)) * line.size;
    return textLine(line, set.style, { ...at, y: baseline, fill: at.fills?.[i % at.fills.length] ?? at.fill });
  });
  return { svg: parts.join(''), bottom: baseline };
}
