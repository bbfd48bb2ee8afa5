/**
 * The only reader of `process.env`. Every variable of API.md's configuration table is parsed
 * and validated here once; all bad values are reported together, one line each.
 */
import path from 'node:path';
import { webDistFolder } from './paths.js';

export interface Config {
  /** `NODE_ENV`: `production` demands an explicit `JWT_SECRET`. */
  env: 'development' | 'production' | 'test';
  /** `HOST`, `PORT`: where to listen. */
  host: string;
  port: number;
  /** `DATA_DIR`: embedded database and generated secrets. */
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL when set, else embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  /** `REDIS_URL`: shared cache and rate-limit store when set, else in-process. */
  redisUrl: string | null;
  /** `REDIS_KEY_PREFIX`: prefix of everything this server keeps in Redis (instances of one fleet share it). */
  redisKeyPrefix: string;
  tmdb: {
    /** `TMDB_API_KEY`: v3 key, sent as the `api_key` query parameter. */
    apiKey: string | null;
    /** `TMDB_ACCESS_TOKEN`: v4 read token, sent as `Authorization: Bearer`. */
    accessToken: string | null;
    /** `TMDB_BASE_URL` */
    baseUrl: string;
    /** `TMDB_IMAGE_BASE_URL` */
    imageBaseUrl: string;
  };
  /** `JWT_SECRET`: signing secret; unset → generated once, kept in the database (PostgreSQL) or `dataDir`. */
  jwtSecret: string | null;
  /** `JWT_SECRET_PREVIOUS`: the secret before a rotation, still accepted to verify access tokens. */
  jwtSecretPrevious: string | null;
  /** `METRICS_PORT`: a second listener on `host` serving `GET /metrics` (Prometheus); null → none. */
  metricsPort: number | null;
  /**
   * `DRAIN_SECONDS`: on SIGTERM, how long `/readyz` answers 503 while every request is still served,
   * so a load balancer stops sending new ones before the listener closes.
   */
  drainSeconds: number;
  /** `CORS_ORIGINS`: origins allowed to call the API cross-origin. Empty → same origin only. */
  corsOrigins: string[];
  /** `CATALOG_TTL_SECONDS`: overrides the freshness lifetime of every cached catalog answer. */
  catalogTtlSeconds: number | null;
  /** `REGISTER_RATE_LIMIT`: registrations accepted per client address per minute (at least 20; default 30). */
  registerRateLimit: number;
  /** `CATALOG_REQUIRES_SIGN_IN`: catalog routes answer 401 without a token. */
  catalogRequiresSignIn: boolean;
  /** `DEFAULT_REGION`: ISO 3166-1 alpha-2 region of "where to watch" when a request names none (upper-case; default `US`). */
  defaultRegion: string;
  /**
   * `COOKIE_SECURE`: the refresh cookie's `Secure` flag. `auto` (default): over HTTPS and on localhost,
   * not over plain HTTP at another address (a home network's `http://nas.local`); `always`; `never`.
   */
  cookieSecure: 'auto' | 'always' | 'never';
  /**
   * `TRUST_PROXY`: which proxies' `X-Forwarded-Proto` / `X-Forwarded-For` are believed: `false`
   * (default), `true` (any), or comma-separated addresses / CIDRs (e.g. `127.0.0.1,10.0.0.0/8`).
   */
  trustProxy: boolean | string[];
  /** `LOG_LEVEL`: pino level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `WEB_DIST`: the built web app served at `/` (defaults to `web/dist` of this checkout). */
  webDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Parses the environment into a Config, or throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[], fallback: string | null): string | null => {
    const raw = str(name);
    if (raw === null) return fallback;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return raw.replace(/\/+$/, '');
    } catch {
      // Never echo the value: a URL may carry a password.
      problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      return fallback;
    }
  };

  const nodeEnv = str('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const logLevel = str('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const jwtSecret = str('JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  const jwtSecretPrevious = str('JWT_SECRET_PREVIOUS');
  if (jwtSecretPrevious !== null && jwtSecretPrevious.length < 32) {
    problems.push('JWT_SECRET_PREVIOUS must be at least 32 characters');
  }
  if (nodeEnv === 'production' && jwtSecret === null) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  const corsOrigins = (str('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    let valid = false;
    try {
      const parsed = new URL(origin);
      valid = ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) problems.push(`CORS_ORIGINS entries must be origins such as https://example.com (got "${origin}")`);
  }
  const ttl = str('CATALOG_TTL_SECONDS');
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name);
    if (raw === null) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const region = str('DEFAULT_REGION') ?? 'US';
  if (!/^[A-Za-z]{2}$/.test(region)) problems.push(`DEFAULT_REGION must be an ISO 3166-1 alpha-2 code such as US (got "${region}")`);
  const cookieSecure = (str('COOKIE_SECURE') ?? 'auto').toLowerCase();
  if (!['auto', 'always', 'never'].includes(cookieSecure)) problems.push(`COOKIE_SECURE must be auto, always or never (got "${cookieSecure}")`);
  const trustProxyRaw = str('TRUST_PROXY');
  let trustProxy: Config['trustProxy'] = false;
  if (trustProxyRaw !== null) {
    const lowered = trustProxyRaw.toLowerCase();
    if (['true', 'false'].includes(lowered)) trustProxy = lowered === 'true';
    else {
      trustProxy = trustProxyRaw.split(',').map((entry) => entry.trim()).filter(Boolean);
      const bad = trustProxy.find((entry) => !/^[0-9a-fA-F:.]+(?:\/\d{1,3})?$/.test(entry));
      if (bad !== undefined) problems.push(`TRUST_PROXY must be true, false or comma-separated addresses/CIDRs (got "${bad}")`);
    }
  }

  const config: Config = {
    env: nodeEnv as Config['env'],
    host: str('HOST') ?? '0.0.0.0',
    port: int('PORT', 8080, 0, 65535),
    dataDir: path.resolve(str('DATA_DIR') ?? './data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:'], null),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:'], null),
    redisKeyPrefix: str('REDIS_KEY_PREFIX') ?? 'marquee:',
    tmdb: {
      apiKey: str('TMDB_API_KEY'),
      accessToken: str('TMDB_ACCESS_TOKEN'),
      baseUrl: url('TMDB_BASE_URL', ['https:', 'http:'], 'https://api.themoviedb.org/3') as string,
      imageBaseUrl: url('TMDB_IMAGE_BASE_URL', ['https:', 'http:'], 'https://image.tmdb.org/t/p') as string,
    },
    jwtSecret,
    jwtSecretPrevious,
    metricsPort: str('METRICS_PORT') === null ? null : int('METRICS_PORT', 0, 1, 65535),
    drainSeconds: int('DRAIN_SECONDS', 5, 0, 300),
    corsOrigins,
    catalogTtlSeconds: ttl === null ? null : int('CATALOG_TTL_SECONDS', 60, 1, 31_536_000),
    registerRateLimit: int('REGISTER_RATE_LIMIT', 30, 20, 1_000_000),
    catalogRequiresSignIn: bool('CATALOG_REQUIRES_SIGN_IN', false),
    defaultRegion: region.toUpperCase(),
    cookieSecure: cookieSecure as Config['cookieSecure'],
    trustProxy,
    logLevel: logLevel as Config['logLevel'],
    webDist: path.resolve(str('WEB_DIST') ?? webDistFolder),
  };
  if (config.metricsPort !== null && config.metricsPort === config.port) {
    problems.push('METRICS_PORT must differ from PORT: metrics are never served on the public port');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
