import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ARTWORK_VERSION,
  artworkFile,
  artworkUrl,
  escapeXml,
  parseArtworkFile,
  renderBackdrop,
  renderPoster,
  type ArtworkSubject,
} from './artwork.js';
import { contrast, oklabDistance } from './artwork.color.js';
import { FAMILIES, designOf } from './artwork.design.js';
import { creditLine, yearLine } from './artwork.poster.js';
import { loadEmbeddedCatalog, type EmbeddedTitle } from './embedded.data.js';

const subject = (overrides: Partial<ArtworkSubject> = {}): ArtworkSubject => ({
  mediaType: 'movie',
  id: 42,
  title: 'The Grand Budapest Hotel',
  year: 2014,
  genreIds: [35, 18],
  people: ['Wes Anderson'],
  ...overrides,
});

const toSubject = (title: EmbeddedTitle): ArtworkSubject => ({
  mediaType: title.media_type,
  id: title.id,
  title: title.title,
  year: title.year,
  genreIds: title.genre_ids,
  people: title.people,
});

const catalog = loadEmbeddedCatalog();
const everyTitle = [...catalog.movies, ...catalog.tv];

/** The most popular titles whose primary genre is `genreId`, as a genre row orders them. */
const topOf = (genreId: number, count: number) =>
  catalog.movies
    .filter((title) => title.genre_ids[0] === genreId)
    .sort((a, b) => b.popularity - a.popularity)
    .slice(0, count);

/**
 * Throws unless `xml` is well-formed: every tag closed in order, one root, attributes quoted and
 * unique, no raw `<` or stray `&` in text or attribute values. Enough XML for what the renderer writes.
 */
function assertWellFormed(xml: string): void {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/y;
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    if (badAmpersand.test(text)) throw new Error(`stray & in text near ${at}: ${text.slice(0, 40)}`);
    if (text.trim() !== '' && stack.length === 0) throw new Error(`text outside the root near ${at}`);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) throw new Error(`malformed tag near ${next}: ${xml.slice(next, next + 40)}`);
    const [whole, closing, name, attributes, selfClosing] = match;
    if (closing) {
      if (attributes || selfClosing) throw new Error(`malformed end tag ${whole}`);
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      const names = [...attributes!.matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)].map((m) => {
        if (badAmpersand.test(m[2]!)) throw new Error(`stray & in attribute ${m[1]}`);
        return m[1];
      });
      if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in ${whole}`);
      if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
      if (!selfClosing) stack.push(name!);
    }
    at = next + whole.length;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error('no root element');
}

/** The `<text>` elements of an SVG: position, anchor, size, drawn width and content. */
function textsOf(svg: string) {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attributes!)?.[1];
    return {
      x: Number(attr('x')),
      size: Number(attr('font-size')),
      anchor: attr('text-anchor') ?? 'start',
      width: Number(attr('textLength')),
      content: content!,
    };
  });
}

/** Undoes escapeXml, to compare drawn text with a title. */
const unescape = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** Text compared regardless of case and of where lines broke. */
const squash = (text: string) => text.toLocaleUpperCase('en-US').replace(/\s+/g, '');

/** Width and height of the root element. */
function dimensions(svg: string) {
  const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/ width="(\d+)"/.exec(root)?.[1]), height: Number(/ height="(\d+)"/.exec(root)?.[1]), viewBox: / viewBox="([^"]*)"/.exec(root)?.[1] };
}

describe('generated artwork', () => {
  it('is deterministic: the same title gives the same bytes, whatever was rendered in between', () => {
    const poster = renderPoster(subject());
    const backdrop = renderBackdrop(subject());
    renderPoster(subject({ id: 7, title: 'Something Else' }));
    expect(renderPoster(subject())).toBe(poster);
    expect(renderBackdrop(subject())).toBe(backdrop);
  });

  it('posters are 500×750 and backdrops 1280×720', () => {
    expect(dimensions(renderPoster(subject()))).toEqual({ width: 500, height: 750, viewBox: '0 0 500 750' });
    expect(dimensions(renderBackdrop(subject()))).toEqual({ width: 1280, height: 720, viewBox: '0 0 1280 720' });
  });

  it('escapes &, <, >, quotes and keeps accents and non-Latin text, so the SVG stays well-formed and inert', () => {
    const title = `Tom & Jerry's "<script>alert(1)</script>" — Amélie, 千と千尋, Ёжик`;
    for (const svg of [renderPoster(subject({ title })), renderBackdrop(subject({ title }))]) {
      assertWellFormed(svg);
      expect(svg).not.toContain('<script');
      expect(svg).toContain('Tom &amp; Jerry&apos;s');
      expect(svg).toContain('&quot;&lt;script&gt;');
      expect(svg).toContain('千と千尋');
    }
    // The drawn lines put the title back together (lines break between words or after a slash).
    const drawn = textsOf(renderPoster(subject({ title })))
      .filter((text) => text.size >= 46)
      .map((text) => unescape(text.content))
      .join('');
    expect(squash(drawn)).toBe(squash(title));
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });

  it('escapes names in the credit line', () => {
    const svg = renderPoster(subject({ people: ['Ann <Smith> & Co'] }));
    assertWellFormed(svg);
    expect(svg).not.toContain('<Smith>');
  });

  it('labels the year and kind, and credits the director or creators when known', () => {
    expect(yearLine(subject({ mediaType: 'tv', year: 2017 }))).toBe('2017 · SERIES');
    expect(yearLine(subject({ year: 1994 }))).toBe('1994 · FILM');
    expect(yearLine(subject({ year: null }))).toBe('FILM');
    expect(creditLine(subject({ people: ['Frank Darabont'] }))).toBe('A film by Frank Darabont');
    expect(creditLine(subject({ mediaType: 'tv', people: ['Matt Duffer', 'Ross Duffer', 'Someone'] }))).toBe('Created by Matt Duffer & Ross Duffer');
    expect(creditLine(subject({ people: [] }))).toBeNull();
    const svg = renderPoster(subject({ mediaType: 'tv', title: 'Dark', year: 2017, people: ['Baran bo Odar'] }));
    expect(svg).toContain('>2017 · SERIES</text>');
    expect(svg).toContain('>CREATED BY BARAN BO ODAR</text>');
    expect(svg).toContain('<title>Dark (2017)</title>');
  });

  /**
   * Neighbours that would look alike: the same layout family, nearly the same ground and accent.
   * Designs are seeded per title and know nothing of their neighbours, so this can happen by chance;
   * it must stay rare.
   */
  const lookalikeNeighbours = (designs: ReadonlyArray<ReturnType<typeof designOf>>) =>
    designs.filter((design, i) => {
      const before = designs[i - 1];
      return (
        before !== undefined &&
        design.family === before.family &&
        oklabDistance(design.palette.ground, before.palette.ground) < 0.08 &&
        oklabDistance(design.palette.accent, before.palette.accent) < 0.12
      );
    }).length;

  it('gives two titles of one genre different designs: over the top 40 Action films, 35+ palettes and every layout family', () => {
    const designs = topOf(28, 40).map((title) => designOf(toSubject(title)));
    expect(new Set(designs.map((design) => design.palette.ground)).size).toBeGreaterThanOrEqual(35);
    expect(new Set(designs.map((design) => design.family))).toEqual(new Set(FAMILIES));
    expect(lookalikeNeighbours(designs)).toBeLessThanOrEqual(1);
  });

  it('does the same in Drama, Horror and Comedy, whose old posters were each one colour', () => {
    for (const genre of [18, 27, 35]) {
      const designs = topOf(genre, 40).map((title) => designOf(toSubject(title)));
      expect(new Set(designs.map((design) => design.palette.ground)).size).toBeGreaterThanOrEqual(35);
      expect(new Set(designs.map((design) => design.family)).size).toBeGreaterThanOrEqual(6);
      expect(lookalikeNeighbours(designs)).toBeLessThanOrEqual(1);
    }
  });

  it('sets the title and its labels in readable contrast (4.5:1) on the palette ground', () => {
    for (const title of everyTitle.slice(0, 600)) {
      const { palette } = designOf(toSubject(title));
      expect(contrast(palette.ink, palette.ground)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.muted, palette.ground)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the whole catalog', () => {
  const posters = everyTitle.map((title) => ({ title, svg: renderPoster(toSubject(title)) }));
  const backdrops = everyTitle.map((title) => ({ title, svg: renderBackdrop(toSubject(title)) }));

  it('renders every poster and backdrop as well-formed XML', () => {
    for (const { svg } of [...posters, ...backdrops]) assertWellFormed(svg);
  });

  it('keeps every picture within 6 KB', () => {
    const sizes = [...posters, ...backdrops].map(({ svg }) => Buffer.byteLength(svg));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6 * 1024);
  });

  it('draws every poster title whole, in large type, with every line inside the margins', () => {
    for (const { title, svg } of posters) {
      const texts = textsOf(svg);
      const lines = texts.filter((text) => text.size >= 46);
      expect(lines.length, title.title).toBeGreaterThan(0);
      // Whole: no ellipsis was needed, and wrapping only ever happens between words or after a hyphen.
      expect(squash(lines.map((line) => unescape(line.content)).join('')), title.title).toBe(squash(title.title));
      for (const text of texts) {
        const left = text.anchor === 'middle' ? text.x - text.width / 2 : text.x;
        expect(left, `${title.title}: ${text.content}`).toBeGreaterThanOrEqual(24);
        expect(left + text.width, `${title.title}: ${text.content}`).toBeLessThanOrEqual(500 - 24);
      }
    }
  });

  it('pins every picture of this version: when any changes, bump ARTWORK_VERSION and record the new digest here', () => {
    const digest = createHash('sha256');
    for (const { svg } of [...posters, ...backdrops]) digest.update(svg);
    expect({ version: ARTWORK_VERSION, digest: digest.digest('hex').slice(0, 16) }).toEqual({ version: 2, digest: '3a6a73a6707a45d2' });
  });

  it('prints no text on any backdrop: the pages showing a backdrop print the title themselves', () => {
    for (const { svg } of backdrops) {
      expect(svg).not.toContain('<text');
      expect(svg).not.toContain('<tspan');
    }
  });
});

describe('artwork URLs and file names', () => {
  it('puts the artwork version in every URL, so new pictures reach browsers that cached the old ones', () => {
    expect(artworkUrl('poster', 'movie', 123)).toBe(`/api/images/v${ARTWORK_VERSION}/poster/movie-123.svg`);
    expect(artworkUrl('backdrop', 'tv', 7)).toBe(`/api/images/v${ARTWORK_VERSION}/backdrop/tv-7.svg`);
  });

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
