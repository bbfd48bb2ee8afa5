import { describe, expect, it } from 'vitest';
import { artworkFile, escapeXml, fitText, parseArtworkFile, renderBackdrop, renderPoster, type ArtworkSubject } from './artwork.js';

const subject = (overrides: Partial<ArtworkSubject> = {}): ArtworkSubject => ({
  mediaType: 'movie',
  id: 42,
  title: 'The Grand Budapest Hotel',
  year: 2014,
  genreIds: [35, 18],
  genreLabel: 'Comedy',
  ...overrides,
});

/** width, height and viewBox of the root element. */
function dimensions(svg: string) {
  const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
  return {
    width: Number(/ width="(\d+)"/.exec(root)?.[1]),
    height: Number(/ height="(\d+)"/.exec(root)?.[1]),
    viewBox: / viewBox="([^"]*)"/.exec(root)?.[1],
  };
}

describe('generated artwork', () => {
  it('is deterministic: the same title gives the same bytes', () => {
    expect(renderPoster(subject())).toBe(renderPoster(subject()));
    expect(renderBackdrop(subject())).toBe(renderBackdrop(subject()));
  });

  it('varies the shapes by id and the palette by primary genre', () => {
    expect(renderPoster(subject({ id: 43 }))).not.toBe(renderPoster(subject()));
    const horror = renderPoster(subject({ genreIds: [27] }));
    const comedy = renderPoster(subject({ genreIds: [35] }));
    const stop = (svg: string) => /<stop offset="0" stop-color="(#[0-9a-f]{6})"/.exec(svg)?.[1];
    expect(stop(horror)).not.toBe(stop(comedy));
  });

  it('posters are 2:3 and backdrops 16:9', () => {
    const poster = dimensions(renderPoster(subject()));
    expect(poster).toEqual({ width: 500, height: 750, viewBox: '0 0 500 750' });
    expect(poster.width / poster.height).toBeCloseTo(2 / 3);
    const backdrop = dimensions(renderBackdrop(subject()));
    expect(backdrop).toEqual({ width: 1280, height: 720, viewBox: '0 0 1280 720' });
    expect(backdrop.width / backdrop.height).toBeCloseTo(16 / 9);
  });

  it('escapes <, &, " and \' in titles so the SVG stays well-formed and inert', () => {
    const title = `Tom & Jerry's "<script>alert(1)</script>"`;
    for (const svg of [renderPoster(subject({ title })), renderBackdrop(subject({ title }))]) {
      expect(svg).not.toContain('<script');
      expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      expect(svg).toContain('Tom &amp;');
      expect(svg).toContain('Jerry&apos;s');
      expect(svg).toContain('&quot;&lt;script&gt;');
      // Every tag that opens is one the generator writes.
      const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
      expect([...tags].every((tag) => ['svg', 'title', 'defs', 'linearGradient', 'radialGradient', 'stop', 'rect', 'circle', 'polygon', 'text', 'tspan', 'g'].includes(tag!))).toBe(true);
    }
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });

  it('shows the title, year and kind', () => {
    const svg = renderPoster(subject({ mediaType: 'tv', title: 'Dark', year: 2017 }));
    expect(svg).toContain('>Dark</tspan>');
    expect(svg).toContain('SERIES · 2017');
    expect(svg).toContain('<title>Dark (2017)</title>');
  });
});

describe('fitText', () => {
  it('keeps a short title on one line at the largest size', () => {
    expect(fitText('Up', { maxWidth: 428, maxLines: 4, maxSize: 64, minSize: 28 })).toEqual({ size: 64, lines: ['Up'] });
  });

  it('wraps and shrinks a long title to fit the lines allowed', () => {
    const fitted = fitText('The Lord of the Rings: The Fellowship of the Ring', { maxWidth: 428, maxLines: 4, maxSize: 64, minSize: 28 });
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.length).toBeLessThanOrEqual(4);
    expect(fitted.size).toBeLessThan(64);
    expect(fitted.lines.join(' ')).toBe('The Lord of the Rings: The Fellowship of the Ring');
  });

  it('breaks an over-long word and ends with an ellipsis when even the smallest size overflows', () => {
    const fitted = fitText('Supercalifragilisticexpialidocious '.repeat(6), { maxWidth: 200, maxLines: 2, maxSize: 40, minSize: 20 });
    expect(fitted.size).toBe(20);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]).toMatch(/…$/);
  });
});

describe('artwork file names', () => {
  it('round-trips media type and id', () => {
    expect(artworkFile('tv', 7)).toBe('tv-7.svg');
    expect(parseArtworkFile('tv-7.svg')).toEqual({ mediaType: 'tv', id: 7 });
    expect(parseArtworkFile('movie-123.svg')).toEqual({ mediaType: 'movie', id: 123 });
  });

  it('rejects anything else', () => {
    for (const file of ['person-1.svg', 'movie-0.svg', 'movie-01.svg', 'movie-1.png', '../movie-1.svg', 'movie-9999999999.svg', 'movie-1.svg.svg']) {
      expect(parseArtworkFile(file)).toBeNull();
    }
  });
});
