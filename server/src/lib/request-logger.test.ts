import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-logger.js';

describe('requestIdOf', () => {
  it("keeps the caller's X-Request-Id when it is a safe token", () => {
    expect(requestIdOf({ 'x-request-id': 'lb-7f3a_01' })).toBe('lb-7f3a_01');
  });

  it('gives a new id instead of an unsafe or oversized one', () => {
    for (const given of ['has space', 'new\nline', 'a'.repeat(65), '']) {
      const id = requestIdOf({ 'x-request-id': given });
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[\w-]{1,64}$/);
    }
  });

  it('gives every request its own id, led by this process’s random part', () => {
    const ids = Array.from({ length: 1000 }, () => requestIdOf({}));
    expect(new Set(ids).size).toBe(ids.length);
    const parts = new Set(ids.map((id) => id.slice(0, id.lastIndexOf('-'))));
    expect(parts.size).toBe(1);
    expect([...parts][0]).toHaveLength(8);
  });
});
