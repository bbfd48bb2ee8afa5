/**
 * Colour maths for the artwork renderer. Palettes are built in OKLCH — lightness there means what
 * the eye sees, so "a dark ground and a light title" holds for every hue — and written as sRGB hex.
 * Contrast is checked with WCAG's ratio, the measure the title and credit lines must pass.
 */

/** A colour in OKLCH: lightness 0–1, chroma 0–~0.37, hue in degrees. */
export interface Oklch {
  l: number;
  c: number;
  h: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** OKLCH → linear sRGB (may fall outside 0–1 when the colour is out of gamut). */
function toLinearRgb({ l, c, h }: Oklch): [number, number, number] {
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
}

const inGamut = (rgb: number[]) => rgb.every((channel) => channel >= -0.0005 && channel <= 1.0005);

const encode = (linear: number) => {
  const value = clamp01(linear);
  return value <= 0.0031308 ? 12.92 * value : 1.055 * value ** (1 / 2.4) - 0.055;
};

/**
 * The sRGB hex of an OKLCH colour. Out-of-gamut colours keep their lightness and hue and lose
 * chroma until they fit (a bisection), so a "vivid" pick never turns into a clipped, shifted hue.
 */
export function oklch(l: number, c: number, h: number): string {
  const colour = { l: clamp01(l), c: Math.max(0, c), h: ((h % 360) + 360) % 360 };
  let rgb = toLinearRgb(colour);
  if (!inGamut(rgb)) {
    let low = 0;
    let high = colour.c;
    for (let i = 0; i < 12; i++) {
      const mid = (low + high) / 2;
      if (inGamut(toLinearRgb({ ...colour, c: mid }))) low = mid;
      else high = mid;
    }
    rgb = toLinearRgb({ ...colour, c: low });
  }
  return `#${rgb.map((channel) => Math.round(encode(channel) * 255).toString(16).padStart(2, '0')).join('')}`;
}

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** sRGB hex → OKLab, for measuring how different two colours look. */
function toOklab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** Perceptual distance of two colours (Euclidean in OKLab): about 0.02 is barely visible, 0.1 is clearly different. */
export function oklabDistance(a: string, b: string): number {
  const [x, y] = [toOklab(a), toOklab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** `a` mixed with `b` by `amount` (0 = a, 1 = b), in sRGB: for shading a colour towards another. */
export function mix(a: string, b: string, amount: number): string {
  const from = channels(a);
  const to = channels(b);
  return `#${from.map((channel, i) => Math.round(channel + (to[i]! - channel) * amount).toString(16).padStart(2, '0')).join('')}`;
}
