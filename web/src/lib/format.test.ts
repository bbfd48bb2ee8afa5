import { describe, expect, it } from 'vitest';
import { formatRating, formatRuntime, yearOf } from './format';
import { formatCount } from './format-count';

describe('formatting title facts', () => {
  it('formats runtimes like "1h 52m"', () => {
    expect(formatRuntime(112)).toBe('1h 52m');
    expect(formatRuntime(45)).toBe('45m');
    expect(formatRuntime(120)).toBe('2h');
    expect(formatRuntime(null)).toBeNull();
  });

  it('shows ratings with one decimal and hides unrated titles', () => {
    expect(formatRating(7.8123)).toBe('7.8');
    expect(formatRating(8)).toBe('8.0');
    expect(formatRating(0)).toBeNull();
  });

  it('takes the 4-digit year of a release date', () => {
    expect(yearOf('1999-10-15')).toBe('1999');
    expect(yearOf(null)).toBeNull();
  });

  it('counts grammatically: "1 title", "2 titles", thousands grouped, none as "No …"', () => {
    expect(formatCount(1, 'title')).toBe('1 title');
    expect(formatCount(2, 'title')).toBe('2 titles');
    expect(formatCount(1, 'result')).toBe('1 result');
    expect(formatCount(1204, 'result')).toBe('1,204 results');
    expect(formatCount(0, 'result')).toBe('No results');
    expect(formatCount(3, 'series', 'series')).toBe('3 series');
  });
});
