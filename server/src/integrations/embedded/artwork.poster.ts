/**
 * Posters (500×750): one function per layout family. The title is the centrepiece of every one —
 * large, wrapped and sized to its space, on a calm area of known colour so its contrast is checked,
 * never guessed — with a year-and-kind line ("1994 · FILM") and, where known, a credit line.
 */
import { contrast, mix } from './artwork.color.js';
import type { ArtworkSubject, Design, Family } from './artwork.design.js';
import {
  GRAIN_FILTER,
  bokeh,
  d1,
  grain,
  hueSweep,
  landscape,
  lightDefs,
  lightSource,
  loneFigure,
  linear,
  px,
  radial,
  rainbow,
  stars,
  stripedSun,
  sunburst,
  tile,
  type Terrain,
} from './artwork.motifs.js';
import { textOn } from './artwork.palette.js';
import type { Random } from './artwork.random.js';
import { fitLine, fitTitle, textBlock, textLine, type Box, type SetBlock, type TypeStyle } from './artwork.text.js';

export const POSTER_SIZE = { width: 500, height: 750 } as const;
const W = POSTER_SIZE.width;
const H = POSTER_SIZE.height;
/** Side margin; the title's measure is the width between. */
const M = 40;
const MEASURE = W - 2 * M;

// Type styles. Titles never go below 46 units: 12 px on a 132 px phone card.
const CONDENSED: TypeStyle = { face: 'narrow', caps: true, tracking: 0, leading: 0.9 };
const HEAVY: TypeStyle = { face: 'sans', caps: false, tracking: -0.015, leading: 1.02 };
const HEAVY_CAPS: TypeStyle = { face: 'sans', caps: true, tracking: 0.01, leading: 0.95 };
const SERIF_CAPS: TypeStyle = { face: 'serif', caps: true, tracking: 0.05, leading: 1 };
const SERIF: TypeStyle = { face: 'serif', caps: false, tracking: 0, leading: 1.02 };
const LABEL: TypeStyle = { face: 'sans', caps: true, tracking: 0.12, leading: 1 };
const TITLE_MIN = 46;
const YEAR_SIZE = 28;
const CREDIT_SIZE = 21;

/** What every family draws with. */
interface PosterContext {
  subject: ArtworkSubject;
  design: Design;
  random: Random;
}

/** "1994 · FILM", "2008 · SERIES", or just the kind when the year is unknown. */
export function yearLine(subject: ArtworkSubject): string {
  const kind = subject.mediaType === 'movie' ? 'FILM' : 'SERIES';
  return subject.year === null ? kind : `${subject.year} · ${kind}`;
}

/** "A FILM BY …" / "CREATED BY …" with up to two names; null when nobody is known. */
export function creditLine(subject: ArtworkSubject): string | null {
  if (subject.people.length === 0) return null;
  const names = subject.people.slice(0, 2).join(' & ');
  return subject.mediaType === 'movie' ? `A film by ${names}` : `Created by ${names}`;
}

/** The year line, centred or left-aligned, with its baseline at `y`. */
function drawYear(subject: ArtworkSubject, y: number, fill: string, anchor: 'start' | 'middle'): string {
  const line = fitLine(yearLine(subject), LABEL, MEASURE, YEAR_SIZE, 20);
  return textLine(line, LABEL, { x: anchor === 'middle' ? W / 2 : M, y, anchor, fill });
}

/** The credit line, if any, with its baseline at `y`. */
function drawCredit(subject: ArtworkSubject, y: number, fill: string, anchor: 'start' | 'middle'): string {
  const credit = creditLine(subject);
  if (!credit) return '';
  const line = fitLine(credit, LABEL, MEASURE, CREDIT_SIZE, 15);
  return textLine(line, LABEL, { x: anchor === 'middle' ? W / 2 : M, y, anchor, fill });
}

/** Vertical room the year line, and the credit when known, take under a title block. */
function labelsHeight(subject: ArtworkSubject): number {
  return 44 + (creditLine(subject) ? 32 : 0);
}

/** The year line, then the credit, under a title block whose last baseline is `bottom`. */
function labelsUnder(subject: ArtworkSubject, bottom: number, fill: string, anchor: 'start' | 'middle'): string {
  return drawYear(subject, bottom + 44, fill, anchor) + drawCredit(subject, bottom + 76, fill, anchor);
}

/** Fits the title in `height` with the family's preferred styles, then the fallbacks every title fits. */
function fit(subject: ArtworkSubject, styles: readonly TypeStyle[], height: number, maxSize: number, stack = false): SetBlock {
  const box: Box = { width: MEASURE, height, maxLines: 6, maxSize, minSize: TITLE_MIN };
  return fitTitle(subject.title, [...styles.map((style) => ({ style, stack })), { style: CONDENSED }, { style: { ...CONDENSED, caps: false } }], box);
}

/** The first colour readable on every one of `backgrounds`. */
function inkOn(backgrounds: readonly string[], candidates: readonly string[]): string {
  const fit = candidates.find((candidate) => backgrounds.every((background) => contrast(candidate, background) >= 4.5));
  return fit ?? textOn(backgrounds[0]!, []);
}

// ---------------------------------------------------------------------------------------------
// Families
// ---------------------------------------------------------------------------------------------

/** A horizontal band of the poster left free by the text. */
interface Band {
  from: number;
  to: number;
  /** Which canvas edge the band touches: shapes bleed off that edge. */
  edge: 'top' | 'bottom';
}

/**
 * Fills the band the typographic layout leaves free with one bold figure — a disc bleeding off the
 * edge, concentric rings, a stack of bars, or a dot screen — so no poster is half empty.
 */
function typographicFigure(random: Random, band: Band, colours: { main: string; second: string }): string {
  const room = band.to - band.from;
  const variant = random.pick(['disc', 'disc', 'rings', 'bars', 'dots'] as const);
  const radius = Math.max(room, 180) * random.range(0.75, 1);
  const cx = random.range(0.2, 0.8) * W;
  const cy = band.edge === 'bottom' ? band.from + radius : band.to - radius;
  switch (variant) {
    case 'disc': {
      // A disc with a ring thrown off-centre against it: an eclipse, a lens, a record.
      const ring = radius * random.range(0.35, 0.6);
      const rx = cx + random.pick([-1, 1]) * radius * random.range(0.35, 0.7);
      const ry = cy + (band.edge === 'bottom' ? -1 : 1) * radius * random.range(0.1, 0.4);
      return (
        `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius)}" fill="${colours.main}"/>` +
        `<circle cx="${px(rx)}" cy="${px(ry)}" r="${px(ring)}" fill="none" stroke="${colours.second}" stroke-width="${px(random.range(8, 16))}"/>`
      );
    }
    case 'rings': {
      let rings = '';
      const count = random.int(3, 5);
      for (let i = 0; i < count; i++) rings += `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius * (1 - i / count) - 9)}" fill="none" stroke="${i % 2 === 0 ? colours.main : colours.second}" stroke-width="18"/>`;
      return rings;
    }
    case 'bars': {
      let bars = '';
      const count = random.int(5, 9);
      const pitch = room / count;
      for (let i = 0; i < count; i++) {
        const thickness = pitch * (band.edge === 'bottom' ? (i + 1) / count : 1 - i / count) * 0.8;
        bars += `<rect y="${px(band.from + i * pitch + (pitch - thickness) / 2)}" width="${W}" height="${px(Math.max(3, thickness))}" fill="${i % 3 === 2 ? colours.second : colours.main}"/>`;
      }
      return bars;
    }
    case 'dots':
      return (
        `<defs><pattern id="dots" width="24" height="24" patternUnits="userSpaceOnUse"><circle cx="12" cy="12" r="8" fill="${colours.main}"/></pattern></defs>` +
        `<rect y="${px(band.from)}" width="${W}" height="${px(room)}" fill="url(#dots)"/>` +
        `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius * 0.55)}" fill="${colours.second}"/>`
      );
  }
}

/**
 * Type as the image: the title in condensed capitals, each line sized to span the full width, on a
 * flat ground — sometimes the vivid accent itself — with a bold figure filling the space it leaves.
 */
function typographic({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const vivid = !p.light && random.chance(0.35);
  const ground = vivid ? p.accent : p.ground;
  const ink = vivid ? inkOn([ground], [p.night, '#0a0a0a']) : p.ink;
  const muted = vivid ? ink : p.muted;
  const highlight = !vivid && contrast(p.accent, ground) >= 4.5 && p.accent !== ink ? p.accent : ink;
  const set = fit(subject, [CONDENSED], 440, 230, true);
  const hasCredit = creditLine(subject) !== null;
  const fills = set.lines.map((_, i) => (i === random.int(0, set.lines.length - 1) ? highlight : ink));
  // The year and credit hug the title, so the other end of the poster is free for the figure.
  let text: string;
  let band: Band;
  if (random.chance(0.5)) {
    const { svg, bottom } = textBlock(set, { x: M, top: 104, anchor: 'start', fill: ink, fills });
    text = drawYear(subject, 76, muted, 'start') + svg + drawCredit(subject, bottom + 40, muted, 'start');
    band = { from: bottom + (hasCredit ? 70 : 34), to: H, edge: 'bottom' };
  } else {
    const top = H - 92 - set.height;
    const { svg, bottom } = textBlock(set, { x: M, top, anchor: 'start', fill: ink, fills });
    text = drawCredit(subject, top - 22, muted, 'start') + svg + drawYear(subject, bottom + 48, muted, 'start');
    band = { from: 0, to: top - (hasCredit ? 60 : 34), edge: 'top' };
  }
  const figure =
    band.to - band.from >= 120
      ? typographicFigure(random, band, vivid ? { main: p.night, second: mix(ground, p.night, 0.5) } : { main: mix(ground, p.accent, 0.8), second: p.tone })
      : `<rect x="${M}" y="${px(band.edge === 'bottom' ? band.from : band.to - 12)}" width="${MEASURE}" height="12" fill="${highlight}"/>`;
  return `<rect width="${W}" height="${H}" fill="${ground}"/>` + figure + text;
}

/** Flat Bauhaus tiles — circles, halves, quarters, stripes — above a calm band that holds the title. */
function geometric({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const set = fit(subject, [random.pick([HEAVY, HEAVY_CAPS])], 250, 100);
  const bandTop = H - (40 + set.height + labelsHeight(subject) + 30);
  const columns = random.pick([2, 3, 3]);
  const size = W / columns;
  const rows = Math.ceil(bandTop / size);
  const colours = p.light ? [p.accent, p.tone, p.night, p.glow] : [p.accent, p.tone, p.glow, p.night];
  let tiles = '';
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) tiles += tile(random, column * size, bandTop - (row + 1) * size, size, colours);
  const { svg: title, bottom } = textBlock(set, { x: M, top: bandTop + 40, anchor: 'start', fill: p.ink });
  return (
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    tiles +
    `<rect y="${px(bandTop)}" width="${W}" height="${px(H - bandTop)}" fill="${p.ground}"/>` +
    `<rect y="${px(bandTop)}" width="${W}" height="6" fill="${p.accent}"/>` +
    title +
    labelsUnder(subject, bottom, p.muted, 'start')
  );
}

/**
 * Light in the dark, the photographic family: a sky falling to a glowing horizon, a light source
 * with a halo and beams (or an eclipse's ring), bokeh, a reflection on the ground and film grain.
 * The lower third fades to night, where the title sits centred.
 */
function light({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const horizon = random.range(0.48, 0.6) * H;
  const x = random.range(0.28, 0.72) * W;
  const eclipse = random.chance(0.3);
  const y = eclipse ? random.range(0.24, 0.34) * H : horizon - random.range(30, 190);
  const set = fit(subject, [random.pick([SERIF_CAPS, HEAVY_CAPS, CONDENSED])], 210, 96);
  const titleTop = 664 - set.height;
  const defs =
    linear('sky', [
      [0, p.night],
      [0.5, p.ground],
      [horizon / H, mix(p.ground, p.accent, 0.5)],
      [horizon / H + 0.01, mix(p.night, p.tone, 0.4)],
      [1, p.night],
    ]) +
    linear('fade', [
      [0, p.night, 0],
      [0.45, p.night, 0.8],
      [1, p.night, 0.95],
    ]) +
    lightDefs(p) +
    GRAIN_FILTER;
  const source = eclipse
    ? `<circle cx="${px(x)}" cy="${px(y)}" r="260" fill="url(#halo)"/><circle cx="${px(x)}" cy="${px(y)}" r="92" fill="${p.glow}" opacity=".9"/><circle cx="${px(x + 5)}" cy="${px(y + 3)}" r="88" fill="${p.night}"/>`
    : lightSource(random, { x, y, radius: random.range(260, 360), beams: random.int(0, 8), reach: 800, core: random.range(26, 60) });
  const reflection = `<ellipse cx="${px(x)}" cy="${px(horizon + 90)}" rx="${px(random.range(26, 60))}" ry="110" fill="url(#halo)" opacity=".55"/>`;
  const fadeTop = Math.min(horizon + 20, titleTop - 90);
  const inkBg = [mix(p.night, p.tone, 0.3), p.night];
  const ink = inkOn(inkBg, [p.glow, '#ffffff']);
  const muted = inkOn(inkBg, [p.muted, p.glow]);
  const { svg: title, bottom } = textBlock(set, { x: W / 2, top: titleTop, anchor: 'middle', fill: ink });
  return (
    `<defs>${defs}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    bokeh(random, p, { x: 0, y: 0, width: W, height: horizon }, random.int(6, 14), 26) +
    source +
    `<rect y="${px(horizon)}" width="${W}" height="2" fill="${p.glow}" opacity=".45"/>` +
    reflection +
    `<rect y="${px(fadeTop)}" width="${W}" height="${px(H - fadeTop)}" fill="url(#fade)"/>` +
    grain(POSTER_SIZE, 0.22) +
    drawCredit(subject, titleTop - 26, muted, 'middle') +
    title +
    drawYear(subject, Math.max(bottom + 44, H - 40), muted, 'middle')
  );
}

/**
 * A landscape in silhouette — mountains, hills, a city, a forest or dunes — receding in haze under a
 * sun or moon, sometimes with a lone figure. The title stands in the sky.
 */
function silhouette({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const terrain = random.pick<Terrain>(['mountains', 'mountains', 'hills', 'city', 'forest', 'dunes']);
  const skyTop = p.light ? p.ground : p.night;
  const horizonColour = p.light ? mix(p.ground, p.accent, 0.55) : mix(p.ground, p.accent, 0.6);
  const near = p.light ? mix(p.night, '#000000', 0.2) : mix(p.night, '#000000', 0.45);
  const set = fit(subject, [random.pick([HEAVY_CAPS, CONDENSED, SERIF_CAPS])], 250, 110);
  const titleTop = 64;
  const titleBottom = titleTop + set.height;
  const textBottom = titleBottom + (creditLine(subject) ? 44 : 0);
  const landTop = Math.max(textBottom + 80, 0.5 * H);
  // The sky as it is behind the title's last line: the title must read against all of it.
  const skyAtTitle = mix(skyTop, horizonColour, titleBottom / landTop);
  const ink = inkOn([skyTop, skyAtTitle], p.light ? [p.ink, p.night] : [p.glow, '#ffffff']);
  const sunX = random.range(0.2, 0.8) * W;
  const sunR = random.range(40, 95);
  // Low in the sky, clear of the title and credit, its halo fading out before it reaches them.
  const sunY = Math.max(textBottom + sunR + 24, landTop + random.range(-40, 60));
  const haloR = Math.min(sunR * 3.2, (sunY - textBottom) * 1.4);
  const land = landscape(random, terrain, POSTER_SIZE, { top: landTop, layers: random.int(3, 4), haze: mix(horizonColour, near, 0.25), near });
  // The hill must clear the nearest land, yet leave the year line below it on the dark ground.
  const hillTop = Math.min(land.nearCrest - random.range(12, 40), H - 120);
  const lone = random.chance(0.45) ? loneFigure(random.range(0.25, 0.75) * W, hillTop, POSTER_SIZE, random.range(0.9, 1.3), near) : '';
  const defs =
    linear('sky', [
      [0, skyTop],
      [landTop / H, horizonColour],
    ]) +
    lightDefs(p) +
    GRAIN_FILTER;
  return (
    `<defs>${defs}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    (!p.light && random.chance(0.6) ? stars(random, { width: W, height: landTop * 0.8 }, 40) : '') +
    `<circle cx="${px(sunX)}" cy="${px(sunY)}" r="${px(haloR)}" fill="url(#halo)" opacity=".6"/>` +
    `<circle cx="${px(sunX)}" cy="${px(sunY)}" r="${px(sunR)}" fill="${p.light ? p.accent : p.glow}"/>` +
    land.svg +
    lone +
    grain(POSTER_SIZE, 0.16) +
    textBlock(set, { x: W / 2, top: titleTop, anchor: 'middle', fill: ink }).svg +
    drawCredit(subject, titleBottom + 38, ink, 'middle') +
    drawYear(subject, H - 36, inkOn([near], [p.muted, p.glow, '#ffffff']), 'middle')
  );
}

/**
 * A two-colour split — diagonal, vertical or horizontal — with a large disc across the seam whose
 * halves swap colours, and a halftone screen fading over one side. The title sits on a plain band.
 */
function split({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const a = p.ground;
  const b = random.pick([p.accent, p.tone]);
  const set = fit(subject, [random.pick([HEAVY_CAPS, CONDENSED])], 230, 110);
  const bandHeight = 40 + set.height + labelsHeight(subject) + 30;
  const bandAtTop = random.chance(0.4);
  const art = bandAtTop ? { top: bandHeight, bottom: H } : { top: 0, bottom: H - bandHeight };
  const artHeight = art.bottom - art.top;
  const variant = random.pick(['diagonal', 'vertical', 'horizontal'] as const);
  const mid = art.top + artHeight / 2;
  const seam =
    variant === 'vertical'
      ? `M0 ${px(art.top)}H${px(W * random.range(0.35, 0.65))}V${px(art.bottom)}H0Z`
      : variant === 'horizontal'
        ? `M0 ${px(art.top)}H${W}V${px(mid + random.range(-0.15, 0.15) * artHeight)}H0Z`
        : `M0 ${px(art.top)}H${W}V${px(mid + random.range(0.1, 0.35) * artHeight)}L0 ${px(mid - random.range(0.1, 0.35) * artHeight)}Z`;
  const radius = Math.min(artHeight * 0.38, random.range(105, 190));
  const cx = W * random.range(0.3, 0.7);
  const cy = mid + random.range(-0.12, 0.12) * artHeight;
  // The figure across the seam, drawn twice: once in B, once in A clipped to B's side.
  const shape = random.pick(['disc', 'disc', 'diamond', 'square'] as const);
  const figure = (fill: string) =>
    shape === 'disc'
      ? `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius)}" fill="${fill}"/>`
      : `<rect x="${px(cx - radius * 0.86)}" y="${px(cy - radius * 0.86)}" width="${px(radius * 1.72)}" height="${px(radius * 1.72)}" fill="${fill}"${shape === 'diamond' ? ` transform="rotate(45 ${px(cx)} ${px(cy)})"` : ''}/>`;
  const dot = p.light ? p.night : p.glow;
  const defs =
    `<clipPath id="seam"><path d="${seam}"/></clipPath>` +
    `<pattern id="dots" width="11" height="11" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><circle cx="5.5" cy="5.5" r="2.6" fill="${dot}"/></pattern>` +
    radial(
      'fadeDots',
      [
        [0, '#fff'],
        [1, '#fff', 0],
      ],
      `cx="${d1(random.range(0.1, 0.9))}" cy="${d1(random.range(0.1, 0.9))}" r=".7"`,
    ) +
    `<mask id="screen"><rect y="${px(art.top)}" width="${W}" height="${px(artHeight)}" fill="url(#fadeDots)"/></mask>`;
  const bandTop = bandAtTop ? 0 : art.bottom;
  const { svg: title, bottom } = textBlock(set, { x: M, top: bandTop + 40, anchor: 'start', fill: p.ink });
  return (
    `<defs>${defs}</defs>` +
    `<rect width="${W}" height="${H}" fill="${a}"/>` +
    `<path d="${seam}" fill="${b}"/>` +
    `<rect y="${px(art.top)}" width="${W}" height="${px(artHeight)}" fill="url(#dots)" mask="url(#screen)" opacity=".35"/>` +
    figure(b) +
    `<g clip-path="url(#seam)">${figure(a)}</g>` +
    splitAccent(random, { cx, cy, radius, art }, dot) +
    `<rect y="${px(bandAtTop ? bandHeight - 6 : art.bottom)}" width="${W}" height="6" fill="${p.ink}"/>` +
    title +
    labelsUnder(subject, bottom, p.muted, 'start')
  );
}

/** One small counterpoint to the split's big figure: a ring inside it, a satellite disc, or a rule. */
function splitAccent(random: Random, at: { cx: number; cy: number; radius: number; art: { top: number; bottom: number } }, colour: string): string {
  const { cx, cy, radius, art } = at;
  switch (random.pick(['ring', 'satellite', 'rule', 'none'] as const)) {
    case 'ring':
      return `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius * 0.3)}" fill="none" stroke="${colour}" stroke-width="3" opacity=".7"/>`;
    case 'satellite': {
      const side = cx < W / 2 ? 1 : -1;
      const y = Math.min(art.bottom - 50, Math.max(art.top + 50, cy + random.range(-1, 1) * radius));
      const r = radius * random.range(0.16, 0.26);
      const x = Math.min(W - M - r, Math.max(M + r, cx + side * radius * 1.35));
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${colour}"/>`;
    }
    case 'rule': {
      const y = cy + random.pick([-1, 1]) * radius * random.range(0.2, 0.7);
      return `<rect x="0" y="${px(y)}" width="${W}" height="3" fill="${colour}" opacity=".75"/>`;
    }
    case 'none':
      return '';
  }
}

/**
 * The classic one-sheet: a double rule around the edge, an emblem (sunburst, rings, star or arch)
 * in the upper half, the title centred in serif capitals, the credit above and the year below.
 */
function frame({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const rule = contrast(p.accent, p.ground) >= 2 ? p.accent : p.muted;
  const credit = creditLine(subject);
  const set = fit(subject, [random.pick([SERIF_CAPS, SERIF_CAPS, SERIF])], 230, 90);
  const titleTop = 640 - set.height;
  const emblemTop = credit ? 108 : 70;
  const room = titleTop - 40 - emblemTop;
  const radius = Math.min(150, room / 2);
  const cx = W / 2;
  const cy = emblemTop + room / 2;
  const variant = random.pick(['sunburst', 'rings', 'star', 'arch'] as const);
  let emblem = '';
  if (variant === 'sunburst') {
    emblem =
      `<clipPath id="disc"><circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius)}"/></clipPath>` +
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius)}" fill="${p.tone}"/>` +
      `<path d="${sunburst(cx, cy, radius * 1.5, random.pick([32, 40, 48]), random.next())}" fill="${mix(p.tone, p.glow, 0.3)}" clip-path="url(#disc)"/>` +
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius * 0.38)}" fill="${p.accent}"/>`;
  } else if (variant === 'rings') {
    const count = random.int(4, 7);
    for (let i = 0; i < count; i++) {
      emblem += `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius * (1 - i / count))}" fill="${i % 2 === 0 ? p.tone : p.ground}"/>`;
    }
    emblem += `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius / count)}" fill="${p.accent}"/>`;
  } else if (variant === 'star') {
    const points = random.pick([5, 6, 8]);
    let path = '';
    for (let i = 0; i < points * 2; i++) {
      const r = i % 2 === 0 ? radius * 0.92 : radius * 0.4;
      const a = -Math.PI / 2 + (i * Math.PI) / points;
      path += `${i === 0 ? 'M' : 'L'}${px(cx + Math.cos(a) * r)} ${px(cy + Math.sin(a) * r)}`;
    }
    emblem =
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(radius)}" fill="none" stroke="${p.tone}" stroke-width="10"/>` +
      `<path d="${path}Z" fill="${p.accent}"/>`;
  } else {
    // An arched window onto a sunset: sky gradient, a low sun, the ground cutting it.
    const w = radius * 1.3;
    const top = cy - radius;
    const horizon = cy + radius * 0.35;
    emblem =
      `<defs>${linear('arch', [
        [0, p.tone],
        [1, p.accent],
      ])}</defs>` +
      `<path d="M${px(cx - w / 2)} ${px(cy + radius)}V${px(top + w / 2)}A${px(w / 2)} ${px(w / 2)} 0 0 1 ${px(cx + w / 2)} ${px(top + w / 2)}V${px(cy + radius)}Z" fill="url(#arch)"/>` +
      `<circle cx="${px(cx)}" cy="${px(horizon)}" r="${px(w * 0.28)}" fill="${p.glow}"/>` +
      `<rect x="${px(cx - w / 2)}" y="${px(horizon)}" width="${px(w)}" height="${px(cy + radius - horizon)}" fill="${mix(p.tone, p.night, 0.55)}"/>` +
      `<path d="M${px(cx - w / 2 - 14)} ${px(cy + radius)}H${px(cx + w / 2 + 14)}" stroke="${rule}" stroke-width="4"/>`;
  }
  const { svg: title } = textBlock(set, { x: W / 2, top: titleTop, anchor: 'middle', fill: p.ink });
  return (
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    `<rect x="16" y="16" width="468" height="718" fill="none" stroke="${rule}" stroke-width="4"/>` +
    `<rect x="26" y="26" width="448" height="698" fill="none" stroke="${rule}" stroke-width="1.5"/>` +
    emblem +
    drawCredit(subject, 76, p.muted, 'middle') +
    title +
    drawYear(subject, 694, p.muted, 'middle')
  );
}

/**
 * Seventies print: a sun cut by bars, rainbow bands swinging in from a corner, or stacked waves,
 * in colours stepping round the wheel. The title sits in the open ground above or below.
 */
function retro({ subject, design, random }: PosterContext): string {
  const p = design.palette;
  const variant = random.pick(['sun', 'rainbow', 'waves'] as const);
  const set = fit(subject, [random.pick([HEAVY, HEAVY_CAPS, CONDENSED])], 220, 104);
  const titleAtTop = variant !== 'sun' || random.chance(0.5);
  const textHeight = 40 + set.height + labelsHeight(subject) + 30;
  const art = titleAtTop ? { top: textHeight, bottom: H } : { top: 0, bottom: H - textHeight };
  const bands = hueSweep(p, 5, random.pick([-28, 24, 36]), p.light ? 0.66 : 0.76, 0.16);
  let body = '';
  let defs = '';
  if (variant === 'sun') {
    const radius = Math.min(170, (art.bottom - art.top) * 0.42);
    const cy = (art.top + art.bottom) / 2;
    defs = linear('sun', [
      [0, bands[0]!],
      [1, bands[3]!],
    ]);
    body = stripedSun(W / 2, cy, radius, random.int(4, 7), p.ground);
    body += `<rect x="${M}" y="${px(cy + radius + 18)}" width="${MEASURE}" height="4" fill="${bands[1]}"/>`;
  } else if (variant === 'rainbow') {
    // Rising from the bottom edge, anywhere from a corner to the middle, tall enough to fill its area.
    const outer = (art.bottom - art.top) * random.range(0.88, 0.98);
    const cx = random.pick([random.range(0, 0.15), random.range(0.35, 0.65), random.range(0.85, 1)]) * W;
    defs = `<clipPath id="art"><rect y="${px(art.top)}" width="${W}" height="${px(art.bottom - art.top)}"/></clipPath>`;
    body = `<g clip-path="url(#art)">${rainbow(cx, art.bottom, outer, [...bands, p.ground], outer / random.range(8, 10))}</g>`;
  } else {
    let waves = '';
    const count = 6;
    for (let i = 0; i < count; i++) {
      const y = art.top + ((art.bottom - art.top) * (i + 0.6)) / count;
      const amp = random.range(14, 30);
      const phase = random.range(0, W);
      waves += `<path d="M0 ${px(y)}Q${px(phase * 0.25)} ${px(y - amp)} ${px(W / 2)} ${px(y)}T${W} ${px(y)}V${px(art.bottom)}H0Z" fill="${bands[i % bands.length]}"/>`;
    }
    defs = `<clipPath id="art"><rect y="${px(art.top)}" width="${W}" height="${px(art.bottom - art.top)}"/></clipPath>`;
    body = `<g clip-path="url(#art)">${waves}</g>`;
  }
  const top = titleAtTop ? 40 : art.bottom + 40;
  const { svg: title, bottom } = textBlock(set, { x: M, top, anchor: 'start', fill: p.ink });
  return (
    (defs ? `<defs>${defs}</defs>` : '') +
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    body +
    title +
    labelsUnder(subject, bottom, p.muted, 'start')
  );
}

const FAMILY_RENDERERS: Record<Family, (context: PosterContext) => string> = {
  typographic,
  geometric,
  light,
  silhouette,
  split,
  frame,
  retro,
};

/** The poster's body (everything inside the root element) for a title of the given design. */
export function posterBody(subject: ArtworkSubject, design: Design, random: Random): string {
  return FAMILY_RENDERERS[design.family]({ subject, design, random });
}
