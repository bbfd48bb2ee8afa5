import { describe, expect, it } from 'vitest';
import { backdropSrc, backdropSrcSet, posterSrcSet } from '../src/artwork.js';

describe('responsive artwork', () => {
  it('derives w185…w780 poster sources from a TMDB w500 URL', () => {
    expect(posterSrcSet('https://image.tmdb.org/t/p/w500/abc.jpg')).toBe(
      'https://image.tmdb.org/t/p/w185/abc.jpg 185w, https://image.tmdb.org/t/p/w342/abc.jpg 342w, https://image.tmdb.org/t/p/w500/abc.jpg 500w, https://image.tmdb.org/t/p/w780/abc.jpg 780w',
    );
  });

  it('derives w780…original backdrop sources from any TMDB size', () => {
    expect(backdropSrcSet('https://image.tmdb.org/t/p/w300/xyz.jpg')).toBe(
      'https://image.tmdb.org/t/p/w780/xyz.jpg 780w, https://image.tmdb.org/t/p/w1280/xyz.jpg 1280w, https://image.tmdb.org/t/p/original/xyz.jpg 2560w',
    );
  });

  it('gives root-relative embedded artwork, and none, no srcset', () => {
    expect(posterSrcSet('/api/images/v2/poster/movie-70.svg')).toBeUndefined();
    expect(backdropSrcSet('/api/images/v2/backdrop/movie-70.svg')).toBeUndefined();
    expect(backdropSrc('/api/images/v2/backdrop/movie-70.svg')).toBe('/api/images/v2/backdrop/movie-70.svg');
    expect(posterSrcSet(null)).toBeUndefined();
    expect(backdropSrcSet(null)).toBeUndefined();
  });

  it('serves TMDB backdrops at w1280 by default instead of the multi-megabyte original', () => {
    expect(backdropSrc('https://image.tmdb.org/t/p/original/xyz.jpg')).toBe('https://image.tmdb.org/t/p/w1280/xyz.jpg');
    expect(backdropSrcSet('https://image.tmdb.org/t/p/original/xyz.jpg')).toContain('https://image.tmdb.org/t/p/w780/xyz.jpg 780w');
  });

  it('swaps only the size segment: a path that merely contains /t/p/ elsewhere is left alone', () => {
    expect(backdropSrc('https://img.example/t/p/original/a.jpg?x=1')).toBe('https://img.example/t/p/w1280/a.jpg?x=1');
    expect(posterSrcSet('https://img.example/posters/t/p/a.jpg')).toBeUndefined();
  });
});
