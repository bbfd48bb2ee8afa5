/** The signing secret: required in production, else generated once and kept in DATA_DIR. */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { resolveJwtSecret } from '../../src/lib/secrets.js';

describe('loadConfig and JWT_SECRET', () => {
  it('rejects NODE_ENV=production without JWT_SECRET, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toContain('JWT_SECRET is required when NODE_ENV=production');
  });

  it('accepts NODE_ENV=production with a JWT_SECRET of at least 32 characters', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('rejects a JWT_SECRET shorter than 32 characters without echoing it', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('reads REGISTER_RATE_LIMIT (default 30, never below 20)', () => {
    expect(loadConfig({}).registerRateLimit).toBe(30);
    expect(loadConfig({ REGISTER_RATE_LIMIT: '500' }).registerRateLimit).toBe(500);
    expect(() => loadConfig({ REGISTER_RATE_LIMIT: '5' })).toThrow(/REGISTER_RATE_LIMIT/);
  });
});

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-secret-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a secret once, keeps it in DATA_DIR (mode 600) and returns the same one on every call', async () => {
    const first = await resolveJwtSecret({ jwtSecret: null, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const second = await resolveJwtSecret({ jwtSecret: null, dataDir });
    expect(second).toBe(first);
    expect((await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(path.join(dataDir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
  });

  it('lets a set JWT_SECRET take precedence over the stored one', async () => {
    const stored = await resolveJwtSecret({ jwtSecret: null, dataDir });
    const given = 'g'.repeat(40);
    expect(await resolveJwtSecret({ jwtSecret: given, dataDir })).toBe(given);
    expect(await resolveJwtSecret({ jwtSecret: null, dataDir })).toBe(stored);
  });

  it('agrees on one secret when several processes start at once', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'marquee-secret-'));
    try {
      const secrets = await Promise.all(Array.from({ length: 5 }, () => resolveJwtSecret({ jwtSecret: null, dataDir: fresh })));
      expect(new Set(secrets).size).toBe(1);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
