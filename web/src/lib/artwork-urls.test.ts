import { describe, expect, it } from 'vitest';
import { backdropSrc, backdropSrcSet, posterSrcSet } from '@marquee/contracts/artwork';

describe('responsive artwork', () => {
  it('derives w185…w780 poster sources from a TMDB w500 URL', () => {
    expect(posterSrcSet('https://image.tmdb.org/t/p/w500/abc.jpg')).toBe(
      'https://image.tmdb.org/t/p/w185/abc.jpg 185w, https://image.tmdb.org/t/p/w342/abc.jpg 342w, https://image.tmdb.org/t/p/w500/abc.jpg 500w, https://image.tmdb.org/t/p/w780/abc.jpg 780w',
    );
  });

  it('gives root-relative embedded artwork no srcset', () => {
    expect(posterSrcSet('/api/images/v2/poster/movie-70.svg')).toBeUndefined();
    expect(backdropSrcSet('/api/images/v2/backdrop/movie-70.svg')).toBeUndefined();
    expect(backdropSrc('/api/images/v2/backdrop/movie-70.svg')).toBe('/api/images/v2/backdrop/movie-70.svg');
  });

  it('serves TMDB backdrops at w1280 by default instead of the multi-megabyte original', () => {
    expect(backdropSrc('https://image.tmdb.org/t/p/original/xyz.jpg')).toBe('https://image.tmdb.org/t/p/w1280/xyz.jpg');
    expect(backdropSrcSet('https://image.tmdb.org/t/p/original/xyz.jpg')).toContain('https://image.tmdb.org/t/p/w780/xyz.jpg 780w');
  });
});
