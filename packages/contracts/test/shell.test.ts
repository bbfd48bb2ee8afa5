import { describe, expect, it } from 'vitest';
import { SHELL_MARKERS } from '../src/shell.js';

describe('page shell markers', () => {
  it('are HTML comments (the build keeps them, a browser shows nothing), each named apart', () => {
    const markers = Object.values(SHELL_MARKERS);
    for (const marker of markers) expect(marker).toMatch(/^<!--marquee:shell-[a-z-]+-->$/);
    expect(new Set(markers).size).toBe(markers.length);
    // No marker is a prefix of another: the server finds each by its exact text.
    for (const a of markers) for (const b of markers) if (a !== b) expect(b.includes(a.slice(0, -3))).toBe(false);
  });
});
