import { describe, expect, it } from 'vitest';
import { contrast, luminance, mix, oklabDistance, oklch } from './artwork.color.js';
import { makePalette, textOn } from './artwork.palette.js';
import { seededRandom } from './artwork.random.js';

describe('colour maths', () => {
  it('converts OKLCH to sRGB hex: white, black and a known mid grey', () => {
    expect(oklch(1, 0, 0)).toBe('#ffffff');
    expect(oklch(0, 0, 0)).toBe('#000000');
    expect(oklch(0.5999, 0, 0)).toBe('#808080');
  });

  it('keeps an out-of-gamut colour’s hue by lowering its chroma instead of clipping channels', () => {
    const vivid = oklch(0.9, 0.4, 145);
    expect(vivid).toMatch(/^#[0-9a-f]{6}$/);
    // Still green and light, not a clipped, hue-shifted yellow.
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(vivid.slice(i, i + 2), 16)) as [number, number, number];
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
  });

  it('computes WCAG contrast: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#336699', '#336699')).toBeCloseTo(1);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });

  it('mixes in sRGB and measures perceptual distance in OKLab', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(oklabDistance('#ff0000', '#ff0000')).toBe(0);
    expect(oklabDistance('#000000', '#ffffff')).toBeCloseTo(1, 2);
  });
});

describe('palettes', () => {
  const palettes = (genre: number, allowLight = true) => Array.from({ length: 300 }, (_, i) => makePalette(seededRandom(`t${i}`), [genre], allowLight));

  it('always gives the title and the labels at least 4.5:1 on the ground', () => {
    for (const genre of [28, 35, 27, 18, 16, 10749, 99]) {
      for (const palette of palettes(genre)) {
        expect(contrast(palette.ink, palette.ground)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(palette.muted, palette.ground)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('lets the genre bias the mood: comedy is mostly light, horror almost always dark', () => {
    const lightShare = (genre: number) => palettes(genre).filter((palette) => palette.light).length / 300;
    expect(lightShare(35)).toBeGreaterThan(0.4);
    expect(lightShare(27)).toBeLessThan(0.12);
  });

  it('still spreads one genre over the whole colour wheel', () => {
    const hues = new Set(palettes(28).map((palette) => Math.floor((((palette.hue % 360) + 360) % 360) / 30)));
    expect(hues.size).toBe(12);
  });

  it('gives compositions made of light a dark ground', () => {
    expect(palettes(35, false).every((palette) => !palette.light)).toBe(true);
  });

  it('textOn picks the first candidate that reads, else black or white', () => {
    expect(textOn('#000000', ['#111111', '#eeeeee'])).toBe('#eeeeee');
    expect(textOn('#ffffff', ['#eeeeee'])).toBe('#0a0a0a');
  });
});
