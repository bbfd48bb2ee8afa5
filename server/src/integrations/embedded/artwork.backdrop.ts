/**
 * Backdrops (1280×720): the world of the title's poster, widened, with no text at all — the hero
 * and the detail dialog print the title themselves. Every backdrop fills the frame, puts its focal
 * point right of centre and high (where the hero shows it beside its text, and where a phone's crop
 * of the hero lands), and keeps the bottom-left corner calm and dark for the hero's title,
 * overview and buttons.
 */
import { mix } from './artwork.color.js';
import type { Design, Family } from './artwork.design.js';
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
import type { Palette } from './artwork.palette.js';
import type { Random } from './artwork.random.js';

export const BACKDROP_SIZE = { width: 1280, height: 720 } as const;
const W = BACKDROP_SIZE.width;
const H = BACKDROP_SIZE.height;

/** Where the eye should land: right of the hero's text and inside a phone's crop of the hero. */
interface Focus {
  x: number;
  y: number;
}

interface BackdropContext {
  palette: Palette;
  random: Random;
  focus: Focus;
}

/**
 * The palette a backdrop paints with. The app around a backdrop is dark and sets white text on
 * it, so a pale poster ground becomes a deep shade of its own hue here.
 */
function backdropPalette(palette: Palette): Palette {
  if (!palette.light) return palette;
  return { ...palette, ground: mix(palette.night, palette.tone, 0.3), light: false };
}

/** Darkens the bottom-left, where the hero's text and the dialog's heading sit. */
function calmCorner(palette: Palette): string {
  return (
    `<defs>${radial(
      'calm',
      [
        [0, palette.night, 0.92],
        [0.55, palette.night, 0.6],
        [1, palette.night, 0],
      ],
      'cx="0" cy="1" r="1"',
    )}</defs>` + `<rect width="${W}" height="${H}" fill="url(#calm)"/>`
  );
}

/**
 * An out-of-focus night: large soft discs of light clustered round the focus, the way a long lens
 * renders a city behind its subject. The typographic poster's colours, without its words.
 */
function typographic({ palette: p, random, focus }: BackdropContext): string {
  const colours = [p.accent, p.tone, p.glow];
  let discs = '';
  for (let i = 0; i < 14; i++) {
    const spread = random.range(0.1, 1);
    const angle = random.range(0, Math.PI * 2);
    const x = focus.x + Math.cos(angle) * spread * W * 0.4;
    const y = focus.y + Math.sin(angle) * spread * H * 0.45;
    discs += `<circle cx="${px(x)}" cy="${px(y)}" r="${px(random.range(40, 150) * (1.2 - spread * 0.5))}" fill="url(#soft${i % 3})" opacity="${d1(random.range(0.35, 0.9))}"/>`;
  }
  const soft = colours
    .map((colour, i) =>
      radial(`soft${i}`, [
        [0, colour, 0.9],
        [0.7, colour, 0.55],
        [1, colour, 0],
      ]),
    )
    .join('');
  return (
    `<defs>${soft}${radial(
      'wash',
      [
        [0, mix(p.ground, p.accent, 0.45)],
        [1, p.night],
      ],
      `cx="${d1(focus.x / W)}" cy="${d1(focus.y / H)}" r=".8"`,
    )}${GRAIN_FILTER}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#wash)"/>` +
    discs +
    grain(BACKDROP_SIZE, 0.18)
  );
}

/** Bauhaus tiles filling the right of the frame, one big quarter disc reaching into the left. */
function geometric({ palette: p, random }: BackdropContext): string {
  const size = random.pick([180, 240]);
  const colours = [p.accent, p.tone, p.glow, p.night];
  let tiles = '';
  const firstColumn = Math.floor((W * 0.42) / size);
  for (let y = 0; y < H; y += size) for (let x = firstColumn * size; x < W; x += size) tiles += tile(random, x, y, size, colours);
  return (
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    `<path d="M0 0H${px(firstColumn * size)}A${px(firstColumn * size)} ${px(firstColumn * size)} 0 0 1 0 ${px(firstColumn * size)}Z" fill="${mix(p.ground, p.tone, 0.6)}"/>` +
    tiles
  );
}

/** The light poster's sky, source and horizon, widened, with bokeh across the top. */
function light({ palette: p, random, focus }: BackdropContext): string {
  const horizon = H * random.range(0.58, 0.68);
  return (
    `<defs>${linear('sky', [
      [0, p.night],
      [0.45, p.ground],
      [horizon / H, mix(p.ground, p.accent, 0.5)],
      [horizon / H + 0.01, mix(p.night, p.tone, 0.4)],
      [1, p.night],
    ])}${lightDefs(p)}${GRAIN_FILTER}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    bokeh(random, p, { x: W * 0.3, y: 0, width: W * 0.7, height: horizon }, random.int(12, 20), 40) +
    lightSource(random, { x: focus.x, y: Math.min(focus.y, horizon - 40), radius: random.range(420, 560), beams: random.int(4, 9), reach: 1400, core: random.range(40, 80) }) +
    `<rect y="${px(horizon)}" width="${W}" height="3" fill="${p.glow}" opacity=".45"/>` +
    `<ellipse cx="${px(focus.x)}" cy="${px(horizon + 110)}" rx="${px(random.range(50, 110))}" ry="130" fill="url(#halo)" opacity=".55"/>` +
    grain(BACKDROP_SIZE, 0.2)
  );
}

/** The silhouette poster's landscape, widened, its sun at the focus. */
function silhouette({ palette: p, random, focus }: BackdropContext): string {
  // Wide frames suit peaks and skylines; rolling land is the exception here.
  const terrain = random.weighted<Terrain>([
    ['mountains', 4],
    ['city', 2],
    ['forest', 2],
    ['hills', 1],
    ['dunes', 1],
  ]);
  const horizonColour = mix(p.ground, p.accent, 0.6);
  const near = mix(p.night, '#000000', 0.45);
  const landTop = H * random.range(0.5, 0.58);
  const land = landscape(random, terrain, BACKDROP_SIZE, { top: landTop, layers: 4, haze: mix(horizonColour, near, 0.25), near });
  const sunR = random.range(70, 120);
  return (
    `<defs>${linear('sky', [
      [0, p.night],
      [landTop / H, horizonColour],
    ])}${lightDefs(p)}${GRAIN_FILTER}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    stars(random, { width: W, height: landTop * 0.7 }, 70) +
    `<circle cx="${px(focus.x)}" cy="${px(focus.y + 60)}" r="${px(sunR * 4.5)}" fill="url(#halo)" opacity=".8"/>` +
    `<circle cx="${px(focus.x)}" cy="${px(focus.y + 60)}" r="${px(sunR)}" fill="${p.glow}"/>` +
    land.svg +
    (random.chance(0.5) ? loneFigure(focus.x + random.range(40, 160), Math.min(land.nearCrest - 20, H - 150), BACKDROP_SIZE, 1.6, near) : '') +
    grain(BACKDROP_SIZE, 0.16)
  );
}

/** The split poster's seam, disc and halftone across the wide frame, lit from behind the disc. */
function split({ palette: p, random, focus }: BackdropContext): string {
  const seam = `M${px(W * random.range(0.35, 0.5))} 0H${W}V${H}H${px(W * random.range(0.6, 0.8))}Z`;
  const radius = random.range(230, 290);
  const disc = (fill: string) => `<circle cx="${px(focus.x)}" cy="${px(focus.y)}" r="${px(radius)}" fill="${fill}"/>`;
  return (
    `<defs><clipPath id="seam"><path d="${seam}"/></clipPath>` +
    `<pattern id="dots" width="14" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><circle cx="7" cy="7" r="3.2" fill="${p.glow}"/></pattern>` +
    `${lightDefs(p)}${GRAIN_FILTER}</defs>` +
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    `<rect width="${W}" height="${H}" fill="url(#dots)" opacity=".12"/>` +
    `<path d="${seam}" fill="${mix(p.accent, p.ground, 0.25)}"/>` +
    `<circle cx="${px(focus.x)}" cy="${px(focus.y)}" r="${px(radius * 1.9)}" fill="url(#halo)" opacity=".5"/>` +
    disc(p.accent) +
    `<g clip-path="url(#seam)">${disc(p.ground)}</g>` +
    `<circle cx="${px(focus.x)}" cy="${px(focus.y)}" r="${px(radius * 0.3)}" fill="none" stroke="${p.glow}" stroke-width="5" opacity=".8"/>` +
    grain(BACKDROP_SIZE, 0.16)
  );
}

/**
 * The frame poster's emblem grown into rays that sweep the whole frame: from rings at the focus,
 * or as an art-deco fan rising from a half sun on the horizon below it.
 */
function frame({ palette: p, random, focus }: BackdropContext): string {
  const count = random.pick([36, 48, 60]);
  const fan = random.chance(0.5);
  const origin = fan ? { x: focus.x, y: H * 0.86 } : focus;
  let centre = '';
  if (fan) {
    for (let i = 0; i < 4; i++) centre += `<circle cx="${px(origin.x)}" cy="${px(origin.y)}" r="${px(260 - i * 50)}" fill="${i % 2 === 0 ? p.tone : p.accent}"/>`;
    centre += `<rect y="${px(origin.y)}" width="${W}" height="${px(H - origin.y)}" fill="${p.night}"/><rect y="${px(origin.y)}" width="${W}" height="3" fill="${p.accent}"/>`;
  } else {
    for (let i = 0; i < 5; i++) centre += `<circle cx="${px(origin.x)}" cy="${px(origin.y)}" r="${px(200 - i * 36)}" fill="${i % 2 === 0 ? p.tone : p.ground}"/>`;
    centre += `<circle cx="${px(origin.x)}" cy="${px(origin.y)}" r="40" fill="${p.accent}"/>`;
  }
  return (
    `<defs>${radial('fade', [
      [0, p.glow, 0.35],
      [1, p.glow, 0],
    ])}</defs>` +
    `<rect width="${W}" height="${H}" fill="${p.ground}"/>` +
    `<path d="${sunburst(origin.x, origin.y, 1600, count, fan ? Math.PI : random.next())}" fill="${mix(p.ground, p.tone, 0.45)}"/>` +
    `<circle cx="${px(origin.x)}" cy="${px(origin.y)}" r="520" fill="url(#fade)"/>` +
    centre +
    `<rect x="24" y="24" width="${W - 48}" height="${H - 48}" fill="none" stroke="${p.accent}" stroke-width="3" opacity=".6"/>`
  );
}

/** The retro poster's sun over a perspective floor, its rainbow, or its waves. */
function retro({ palette: p, random, focus }: BackdropContext): string {
  const bands = hueSweep(p, 5, random.pick([-28, 24, 36]), 0.76, 0.16);
  const variant = random.pick(['sun', 'rainbow', 'waves'] as const);
  if (variant === 'rainbow') {
    return `<rect width="${W}" height="${H}" fill="${p.ground}"/>` + rainbow(W * 0.98, H * 1.05, random.range(760, 860), [...bands, p.ground], 70);
  }
  if (variant === 'waves') {
    let waves = '';
    for (let i = 0; i < 6; i++) {
      const y = H * (0.3 + i * 0.12);
      const amp = random.range(20, 50);
      waves += `<path d="M0 ${px(y)}Q${px(W * random.range(0.1, 0.4))} ${px(y - amp * 2)} ${px(W / 2)} ${px(y)}T${W} ${px(y)}V${H}H0Z" fill="${bands[i % bands.length]}"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="${p.ground}"/>` + `<circle cx="${px(focus.x)}" cy="${px(H * 0.22)}" r="90" fill="${bands[0]}"/>` + waves;
  }
  const horizon = H * 0.62;
  let floor = '';
  for (let i = -10; i <= 10; i++) floor += `M${px(focus.x)} ${px(horizon)}L${px(focus.x + i * 180)} ${H}`;
  for (let k = 1; k <= 6; k++) floor += `M0 ${px(horizon + (H - horizon) * (k / 6) ** 1.8)}H${W}`;
  return (
    `<defs>${linear('sun', [
      [0, bands[0]!],
      [1, bands[3]!],
    ])}${linear('sky', [
      [0, p.night],
      [1, mix(p.ground, bands[3]!, 0.35)],
    ])}</defs>` +
    `<rect width="${W}" height="${px(horizon)}" fill="url(#sky)"/>` +
    stripedSun(focus.x, horizon - 150, 230, 6, mix(p.ground, bands[3]!, 0.25)) +
    `<rect y="${px(horizon)}" width="${W}" height="${px(H - horizon)}" fill="${p.night}"/>` +
    `<path d="${floor}" stroke="${bands[1]}" stroke-width="2" opacity=".6"/>`
  );
}

const SCENES: Record<Family, (context: BackdropContext) => string> = { typographic, geometric, light, silhouette, split, frame, retro };

/** The backdrop's body (everything inside the root element) for a title of the given design. */
export function backdropBody(design: Design, random: Random): string {
  const palette = backdropPalette(design.palette);
  const focus = { x: W * random.range(0.6, 0.72), y: H * random.range(0.26, 0.42) };
  return SCENES[design.family]({ palette, random, focus }) + calmCorner(palette);
}
