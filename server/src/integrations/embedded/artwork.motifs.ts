/**
 * Drawing pieces shared by posters and backdrops: gradients, a light source, landscape ridges,
 * Bauhaus tiles, sunbursts, striped suns, film grain. Each takes the canvas it draws on, so the
 * poster and the backdrop of a title can be the same world at two shapes. All output is compact
 * (whole-pixel coordinates, short ids): a picture should stay within a few kilobytes.
 */
import { mix, oklch } from './artwork.color.js';
import type { Palette } from './artwork.palette.js';
import type { Random } from './artwork.random.js';

/** A number as short as it can be written: whole pixels are enough for shapes this size. */
export const px = (value: number) => String(Math.round(value));
/** One decimal, for opacities and small sizes. */
export const d1 = (value: number) => String(Math.round(value * 100) / 100);

export interface Canvas {
  width: number;
  height: number;
}

/** `[offset, colour, opacity]`; opacity 1 is left out of the markup. */
export type Stop = readonly [offset: number, colour: string, opacity?: number];

function stops(list: readonly Stop[]): string {
  return list.map(([offset, colour, opacity = 1]) => `<stop offset="${d1(offset)}" stop-color="${colour}"${opacity === 1 ? '' : ` stop-opacity="${d1(opacity)}"`}/>`).join('');
}

/** A linear gradient, top to bottom unless an angle in degrees is given (0 = left to right). */
export function linear(id: string, list: readonly Stop[], angle = 90): string {
  const direction = angle === 90 ? 'x2="0" y2="1"' : `gradientTransform="rotate(${px(angle)} .5 .5)"`;
  return `<linearGradient id="${id}" ${direction}>${stops(list)}</linearGradient>`;
}

/** A radial gradient, centred unless `cx`/`cy`/`r` (fractions of the box) say otherwise. */
export function radial(id: string, list: readonly Stop[], at = ''): string {
  return `<radialGradient id="${id}"${at ? ` ${at}` : ''}>${stops(list)}</radialGradient>`;
}

/**
 * Film grain: fractal noise laid over the picture at low opacity. Flat vector fills read as clip
 * art; a little grain makes the same shapes read as printed or photographed.
 */
export const GRAIN_FILTER =
  '<filter id="grain" x="0" y="0" width="1" height="1"><feTurbulence type="fractalNoise" baseFrequency=".8" numOctaves="2" stitchTiles="stitch"/><feColorMatrix type="saturate" values="0"/></filter>';

export function grain(canvas: Canvas, opacity: number): string {
  return `<rect width="${canvas.width}" height="${canvas.height}" filter="url(#grain)" opacity="${d1(opacity)}" style="mix-blend-mode:overlay"/>`;
}

/**
 * A light source: a wide soft halo (gradient `halo`), a few beams fanning out of it, and a hot core.
 * The caller defines `halo` and `beam` gradients in its defs (see `lightDefs`).
 */
export function lightSource(random: Random, at: { x: number; y: number; radius: number; beams: number; reach: number; core: number }): string {
  const parts = [`<circle cx="${px(at.x)}" cy="${px(at.y)}" r="${px(at.radius)}" fill="url(#halo)"/>`];
  if (at.beams > 0) {
    const start = random.range(0, Math.PI * 2);
    let path = '';
    for (let i = 0; i < at.beams; i++) {
      const angle = start + (i * Math.PI * 2) / at.beams + random.range(-0.25, 0.25);
      const spread = random.range(0.03, 0.09);
      const reach = at.reach * random.range(0.7, 1.2);
      const point = (a: number) => `${px(at.x + Math.cos(a) * reach)} ${px(at.y + Math.sin(a) * reach)}`;
      path += `M${px(at.x)} ${px(at.y)}L${point(angle - spread)}L${point(angle + spread)}Z`;
    }
    parts.push(`<path d="${path}" fill="url(#beam)" opacity="${d1(random.range(0.35, 0.6))}" style="mix-blend-mode:screen"/>`);
  }
  parts.push(`<circle cx="${px(at.x)}" cy="${px(at.y)}" r="${px(at.core)}" fill="url(#core)"/>`);
  return parts.join('');
}

/** The gradients a light source uses, in the palette's colours. */
export function lightDefs(palette: Palette): string {
  return (
    radial('halo', [
      [0, palette.accent, 0.85],
      [0.25, palette.accent, 0.35],
      [1, palette.accent, 0],
    ]) +
    radial('core', [
      [0, '#ffffff'],
      [0.5, palette.glow, 0.9],
      [1, palette.glow, 0],
    ]) +
    radial(
      'beam',
      [
        [0, palette.glow, 0.7],
        [1, palette.glow, 0],
      ],
      'gradientUnits="userSpaceOnUse" r="900"',
    )
  );
}

/** Out-of-focus points of light (bokeh), kept inside `area`. */
export function bokeh(random: Random, palette: Palette, area: { x: number; y: number; width: number; height: number }, count: number, maxRadius: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const colour = random.chance(0.5) ? palette.glow : palette.accent;
    out += `<circle cx="${px(area.x + random.next() * area.width)}" cy="${px(area.y + random.next() * area.height)}" r="${px(random.range(0.15, 1) * maxRadius)}" fill="${colour}" opacity="${d1(random.range(0.06, 0.28))}"/>`;
  }
  return out;
}

/** Small stars across a night sky. */
export function stars(random: Random, area: { width: number; height: number }, count: number): string {
  let path = '';
  for (let i = 0; i < count; i++) {
    const size = random.chance(0.2) ? 3 : 2;
    path += `M${px(random.next() * area.width)} ${px(random.next() * area.height)}h${size}v${size}h-${size}z`;
  }
  return `<path d="${path}" fill="#fff" opacity=".55"/>`;
}

export type Terrain = 'mountains' | 'hills' | 'city' | 'forest' | 'dunes';

/** One ridge line across the canvas as a closed path down to the bottom edge. */
function ridge(random: Random, terrain: Terrain, canvas: Canvas, base: number, amplitude: number): string {
  const { width, height } = canvas;
  if (terrain === 'city') {
    let path = `M0 ${px(height)}`;
    for (let x = 0; x < width; ) {
      const w = random.range(0.03, 0.08) * width;
      const top = base - random.range(0.1, 1) * amplitude * 1.6;
      path += `V${px(top)}`;
      // The odd spire or stepped roof.
      if (random.chance(0.15)) path += `h${px(w * 0.4)}v${px(-amplitude * 0.5)}h${px(w * 0.2)}v${px(amplitude * 0.5)}h${px(w * 0.4)}`;
      else path += `h${px(w)}`;
      x += w;
    }
    return `${path}V${px(height)}Z`;
  }
  const crest = () => base - random.next() * amplitude;
  if (terrain === 'mountains') {
    const step = random.range(0.05, 0.09) * width;
    let path = `M0 ${px(height)}V${px(crest())}`;
    for (let x = step; x < width + step; x += step) path += `L${px(x)} ${px(crest())}`;
    return `${path}V${px(height)}H0Z`;
  }
  // Rolling land: one quadratic curve continued smoothly (T), a few long swells across the frame.
  const step = random.range(terrain === 'dunes' ? 0.3 : 0.22, terrain === 'dunes' ? 0.45 : 0.34) * width;
  let path = `M0 ${px(height)}V${px(crest())}Q${px(step / 2)} ${px(base - amplitude * random.range(0.8, 1.6))} ${px(step)} ${px(crest())}`;
  for (let x = 2 * step; x < width + 2 * step; x += step) path += `T${px(x)} ${px(crest())}`;
  return `${path}V${px(height)}H0Z`;
}

/** A row of fir trees standing along `base`, as one path. */
function trees(random: Random, canvas: Canvas, base: number, size: number): string {
  let path = '';
  for (let x = -size; x < canvas.width + size; x += size * random.range(0.45, 0.9)) {
    const h = size * random.range(1.2, 2.4);
    const y = base + random.range(-0.2, 0.2) * size;
    path += `M${px(x - h * 0.22)} ${px(y)}L${px(x)} ${px(y - h)}L${px(x + h * 0.22)} ${px(y)}Z`;
  }
  return `${path}M0 ${px(base)}H${canvas.width}V${canvas.height}H0Z`;
}

/**
 * Receding layers of land, far ones pale with haze, near ones near black — the depth cue every
 * landscape photograph has. Returns the markup and the highest the nearest layer can reach, so a
 * hill for a figure can be raised above it.
 */
export function landscape(random: Random, terrain: Terrain, canvas: Canvas, from: { top: number; layers: number; haze: string; near: string }): { svg: string; nearCrest: number } {
  const { height } = canvas;
  const span = height - from.top;
  let svg = '';
  let crest = from.top;
  for (let i = 0; i < from.layers; i++) {
    const depth = from.layers === 1 ? 1 : i / (from.layers - 1);
    const base = from.top + span * (0.12 + depth * 0.5);
    const amplitude = span * (terrain === 'mountains' ? 0.32 : 0.1) * (1 - depth * 0.4);
    const fill = mix(from.haze, from.near, 0.12 + depth ** 1.4 * 0.88);
    const shape = terrain === 'forest' && i === from.layers - 1 ? trees(random, canvas, base, span * 0.14) : ridge(random, terrain === 'forest' ? 'hills' : terrain, canvas, base, amplitude);
    svg += `<path d="${shape}" fill="${fill}"/>`;
    // A city's towers rise up to 1.6 amplitudes, trees up to 2.6 of their size above the line.
    crest = base - (terrain === 'city' ? amplitude * 2.1 : terrain === 'forest' ? span * 0.14 * 2.6 : amplitude);
  }
  return { svg, nearCrest: crest };
}

/**
 * A hill rising above the nearest land, with a lone figure on its top: tiny, but it turns scenery
 * into a story.
 */
export function loneFigure(x: number, top: number, canvas: Canvas, scale: number, fill: string): string {
  const ry = canvas.height - top + 40;
  return `<ellipse cx="${px(x)}" cy="${px(top + ry)}" rx="${px(ry * 1.6)}" ry="${px(ry)}" fill="${fill}"/>` + figure(x, top + 1, scale, fill);
}

/** A standing figure with its feet at (x, y). */
function figure(x: number, y: number, scale: number, fill: string): string {
  const s = (value: number) => d1(value * scale);
  return `<path transform="translate(${px(x)} ${px(y)})" fill="${fill}" d="M${s(-5)} 0l${s(1)} ${s(-22)}l${s(-3)} ${s(-1)}l${s(2)} ${s(-15)}q${s(5)} ${s(-4)} ${s(10)} 0l${s(2)} ${s(15)}l${s(-3)} ${s(1)}l${s(1)} ${s(22)}z"/><circle cx="${px(x)}" cy="${d1(y - 44 * scale)}" r="${s(5.5)}" fill="${fill}"/>`;
}

export type TileShape = 'circle' | 'half' | 'quarter' | 'triangle' | 'stripes' | 'ring' | 'plain';

/** One square Bauhaus tile: a background and one primitive, turned by a multiple of 90°. */
export function tile(random: Random, x: number, y: number, size: number, colours: readonly string[]): string {
  const background = random.pick(colours);
  const others = colours.filter((colour) => colour !== background);
  const fill = random.pick(others.length > 0 ? others : colours);
  const shape = random.weighted<TileShape>([
    ['circle', 3],
    ['half', 4],
    ['quarter', 4],
    ['triangle', 2],
    ['stripes', 2],
    ['ring', 1],
    ['plain', 1],
  ]);
  const h = size / 2;
  const turn = random.int(0, 3) * 90;
  let body = '';
  switch (shape) {
    case 'circle':
      body = `<circle cx="${px(h)}" cy="${px(h)}" r="${px(h * random.pick([0.62, 0.8, 1]))}" fill="${fill}"/>`;
      break;
    case 'half':
      body = `<path d="M0 ${px(h)}A${px(h)} ${px(h)} 0 0 1 ${px(size)} ${px(h)}Z" fill="${fill}"/>`;
      break;
    case 'quarter':
      body = `<path d="M0 0H${px(size)}A${px(size)} ${px(size)} 0 0 1 0 ${px(size)}Z" fill="${fill}"/>`;
      break;
    case 'triangle':
      body = `<path d="M0 ${px(size)}L${px(h)} 0L${px(size)} ${px(size)}Z" fill="${fill}"/>`;
      break;
    case 'stripes': {
      const count = random.int(3, 5);
      let path = '';
      for (let i = 0; i < count; i++) path += `M0 ${px((i * size) / count)}h${px(size)}v${px(size / count / 2)}H0z`;
      body = `<path d="${path}" fill="${fill}"/>`;
      break;
    }
    case 'ring':
      body = `<circle cx="${px(h)}" cy="${px(h)}" r="${px(h * 0.62)}" fill="none" stroke="${fill}" stroke-width="${px(size * 0.14)}"/>`;
      break;
    case 'plain':
      break;
  }
  const rotate = turn === 0 || body === '' ? '' : ` transform="rotate(${turn} ${px(h)} ${px(h)})"`;
  return `<g transform="translate(${px(x)} ${px(y)})"><rect width="${px(size)}" height="${px(size)}" fill="${background}"/>${body ? `<g${rotate}>${body}</g>` : ''}</g>`;
}

/** A sunburst: `count` alternating rays from (x, y) out to `radius`, as one path. */
export function sunburst(x: number, y: number, radius: number, count: number, turn: number): string {
  let path = '';
  for (let i = 0; i < count; i += 2) {
    const a = turn + (i * Math.PI * 2) / count;
    const b = turn + ((i + 1) * Math.PI * 2) / count;
    path += `M${px(x)} ${px(y)}L${px(x + Math.cos(a) * radius)} ${px(y + Math.sin(a) * radius)}L${px(x + Math.cos(b) * radius)} ${px(y + Math.sin(b) * radius)}Z`;
  }
  return path;
}

/**
 * A seventies sun: a disc in a vertical gradient (`sun`), cut by bars of the ground colour that
 * thicken towards the horizon.
 */
export function stripedSun(x: number, y: number, radius: number, bars: number, ground: string): string {
  let cuts = '';
  for (let i = 0; i < bars; i++) {
    const t = (i + 1) / (bars + 1);
    const top = y + radius * (t * 1.1 - 0.1);
    cuts += `M${px(x - radius - 2)} ${px(top)}h${px(radius * 2 + 4)}v${d1(1.5 + t * radius * 0.14)}H${px(x - radius - 2)}z`;
  }
  return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(radius)}" fill="url(#sun)"/><path d="${cuts}" fill="${ground}"/>`;
}

/** `count` colours stepping round the hue wheel from the accent's, for rainbow bands. */
export function hueSweep(palette: Palette, count: number, step: number, lightness: number, chroma: number): string[] {
  return Array.from({ length: count }, (_, i) => oklch(lightness - i * 0.03, chroma, palette.hue + 180 + i * step));
}

/** Concentric arcs around (x, y): thick bands in the given colours, outermost first. */
export function rainbow(x: number, y: number, outer: number, colours: readonly string[], band: number): string {
  return colours.map((colour, i) => `<circle cx="${px(x)}" cy="${px(y)}" r="${px(outer - i * band)}" fill="${colour}"/>`).join('');
}

/**
 * Contour lines, like a topographic map or a long exposure: smooth waves stacked across the area,
 * drawn as one path of strokes.
 */
export function contours(random: Random, canvas: Canvas, from: { top: number; bottom: number; count: number; amplitude: number }): string {
  const { width } = canvas;
  const phase = random.range(0, Math.PI * 2);
  const frequency = random.range(1.2, 2.6);
  let path = '';
  for (let i = 0; i < from.count; i++) {
    const y = from.top + ((from.bottom - from.top) * i) / Math.max(1, from.count - 1);
    const amp = from.amplitude * (0.4 + 0.6 * Math.sin((i / from.count) * Math.PI));
    const p = phase + i * 0.22;
    path += `M0 ${px(y + Math.sin(p) * amp)}`;
    for (let k = 1; k <= 4; k++) {
      const x = (k * width) / 4;
      const cx = x - width / 8;
      path += `Q${px(cx)} ${px(y + Math.sin(p + (k - 0.5) * frequency) * amp * 2)} ${px(x)} ${px(y + Math.sin(p + k * frequency) * amp)}`;
    }
  }
  return path;
}
