import { describe, expect, it } from 'vitest';
import { fitBlock, fitLine, fitStack, fitTitle, forceBlock, measure, textBlock, type Box, type TypeStyle } from './artwork.text.js';

const HEAVY: TypeStyle = { face: 'sans', caps: false, tracking: 0, leading: 1 };
const CONDENSED: TypeStyle = { face: 'narrow', caps: true, tracking: 0, leading: 0.9 };
const SERIF_CAPS: TypeStyle = { face: 'serif', caps: true, tracking: 0.05, leading: 1 };
/** A poster's title box: 420 wide (500 less two margins), titles never below 46. */
const box = (overrides: Partial<Box> = {}): Box => ({ width: 420, height: 300, maxLines: 6, maxSize: 110, minSize: 46, ...overrides });

describe('measure', () => {
  it('uses the Arial / Liberation metrics: bold "M" is 0.833 em, a space 0.278 em', () => {
    expect(measure('M', HEAVY, 100)).toBeCloseTo(83.3);
    expect(measure('M M', HEAVY, 100)).toBeCloseTo(83.3 * 2 + 27.8);
  });

  it('sets the narrow face at 82 % of the regular, and serif from the Times table', () => {
    expect(measure('MOVIE', { face: 'narrow', tracking: 0 }, 100)).toBeCloseTo(measure('MOVIE', HEAVY, 100) * 0.82);
    expect(measure('W', { face: 'serif', tracking: 0 }, 100)).toBeCloseTo(100);
  });

  it('measures accented letters as their base letter, and CJK as a full em', () => {
    expect(measure('Amélie', HEAVY, 10)).toBeCloseTo(measure('Amelie', HEAVY, 10));
    expect(measure('千と千尋', HEAVY, 10)).toBeCloseTo(40);
  });

  it('adds tracking between characters', () => {
    expect(measure('AB', { face: 'sans', tracking: 0.1 }, 100)).toBeCloseTo(72.2 + 72.2 + 10);
  });
});

describe('fitBlock', () => {
  it('keeps a short title on one line at the largest size', () => {
    const set = fitBlock('Up', HEAVY, box());
    expect(set?.lines).toEqual([{ text: 'Up', size: 110, width: expect.closeTo(measure('Up', HEAVY, 110), 5) }]);
  });

  it('wraps a long title into balanced lines, every one inside the measure, no smaller than the minimum', () => {
    const title = 'The Lord of the Rings: The Fellowship of the Ring';
    const set = fitBlock(title, HEAVY, box())!;
    expect(set.lines.length).toBeGreaterThan(1);
    expect(set.lines.map((line) => line.text).join(' ')).toBe(title);
    for (const line of set.lines) {
      expect(line.size).toBeGreaterThanOrEqual(46);
      expect(measure(line.text, HEAVY, line.size)).toBeLessThanOrEqual(420);
    }
  });

  it('balances the lines instead of filling them greedily, so no word dangles alone', () => {
    // Greedy wrapping at the same size gives "Duel in the / Sun" and "You Can't / Take It With / You".
    expect(fitBlock('Duel in the Sun', HEAVY, box({ maxSize: 70 }))!.lines.map((line) => line.text)).toEqual(['Duel in', 'the Sun']);
    expect(fitBlock("You Can't Take It With You", HEAVY, box({ maxSize: 70 }))!.lines.map((line) => line.text)).toEqual(["You Can't", 'Take It', 'With You']);
  });

  it('fits the longest title of the catalog, in condensed capitals, at a readable size', () => {
    const set = fitBlock('Once in a Lifetime: the Extraordinary Story of the New York Cosmos', CONDENSED, box({ height: 330 }));
    expect(set).not.toBeNull();
    expect(set!.lines[0]!.size).toBeGreaterThanOrEqual(46);
    expect(set!.height).toBeLessThanOrEqual(330);
    for (const line of set!.lines) expect(line.width).toBeLessThanOrEqual(420);
  });

  it('breaks after a hyphen or slash when a word is too long for the line', () => {
    const set = fitBlock('ET: The Extra-Terrestrial', CONDENSED, box({ maxSize: 160, width: 300 }))!;
    expect(set.lines.some((line) => line.text.endsWith('EXTRA-'))).toBe(true);
  });

  it('answers null when the title cannot fit, so the caller can try another style', () => {
    expect(fitBlock('Supercalifragilisticexpialidocious', HEAVY, box({ width: 200 }))).toBeNull();
    // Wide serif capitals with tracking do not fit this one in six lines of 46; condensed ones do.
    expect(fitBlock('Once in a Lifetime: the Extraordinary Story of the New York Cosmos', SERIF_CAPS, box({ height: 330 }))).toBeNull();
  });

  it('opens the line gap above accented capitals, so Ô and É do not touch the line above', () => {
    const plain = fitBlock('La Mome Noire', CONDENSED, box({ width: 200 }))!;
    const accented = fitBlock('La Môme Noire', CONDENSED, box({ width: 200 }))!;
    expect(accented.lines.map((line) => line.size)).toEqual(plain.lines.map((line) => line.size));
    expect(accented.height).toBeGreaterThan(plain.height);
  });
});

describe('fitStack', () => {
  it('sizes each line to span the measure, so a title is set as a solid block', () => {
    const set = fitStack('The Dark Knight', CONDENSED, box({ height: 470, maxSize: 230 }))!;
    expect(set.lines.length).toBeGreaterThan(1);
    for (const line of set.lines) {
      expect(line.width).toBeLessThanOrEqual(420);
      // Full measure, unless the line hit the largest size.
      if (line.size < 230) expect(line.width).toBeGreaterThan(400);
    }
    expect(set.height).toBeLessThanOrEqual(470);
  });
});

describe('when nothing fits', () => {
  it('forces the minimum size, breaking an over-long word and ending with an ellipsis', () => {
    const set = forceBlock('Supercalifragilisticexpialidocious '.repeat(6), HEAVY, box({ width: 200, height: 120 }));
    expect(set.lines[0]!.size).toBe(46);
    expect(set.lines.length).toBeLessThanOrEqual(2);
    expect(set.lines.at(-1)!.text).toMatch(/…$/);
    for (const line of set.lines) expect(line.width).toBeLessThanOrEqual(200);
  });

  it('fitTitle tries the styles in order and forces the last one', () => {
    const set = fitTitle('Supercalifragilisticexpialidocious', [{ style: HEAVY }, { style: CONDENSED }], box({ width: 200 }));
    expect(set.style).toBe(CONDENSED);
  });

  it('fitLine shrinks a credit, then cuts it with an ellipsis', () => {
    const label: TypeStyle = { face: 'sans', caps: true, tracking: 0.12, leading: 1 };
    expect(fitLine('1994 · film', label, 420, 28, 20)).toMatchObject({ text: '1994 · FILM', size: 28 });
    const long = fitLine('A film by Someone With An Extraordinarily Long Name & Another', label, 420, 21, 15);
    expect(long.size).toBe(15);
    expect(long.text).toMatch(/…$/);
    expect(long.width).toBeLessThanOrEqual(420);
  });
});

describe('textBlock', () => {
  it('draws each line as a <text> held to its measured width, escaped', () => {
    const set = fitBlock('Tom & Jerry', HEAVY, box({ maxSize: 60 }))!;
    const { svg, bottom } = textBlock(set, { x: 40, top: 100, anchor: 'start', fill: '#fff' });
    expect(svg).toContain('>Tom &amp; Jerry</text>');
    expect(svg).toMatch(/textLength="[\d.]+" lengthAdjust="spacingAndGlyphs"/);
    expect(bottom).toBeCloseTo(100 + 0.72 * set.lines[0]!.size, 0);
  });
});
