/**
 * Picks the catalog source — a given one (tests), TMDB when a credential is configured, else the
 * embedded offline catalog — and wraps it with the answer cache (Redis-shared when connected).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { createEmbeddedSource } from '../../integrations/embedded/embedded.source.js';
import { createTmdbSource } from '../../integrations/tmdb/tmdb.source.js';
import { ResponseCache } from '../../lib/response-cache.js';
import type { Redis } from '../../lib/redis.js';
import { CatalogService, cachePolicies } from './catalog.service.js';
import type { CatalogSource } from '../../integrations/catalog-source.js';

export async function createCatalog(opts: {
  config: Config;
  redis: Redis | null;
  log: FastifyBaseLogger;
  source?: CatalogSource | undefined;
}): Promise<CatalogService> {
  const { config, redis, log } = opts;
  const source =
    opts.source ??
    (config.tmdb.apiKey || config.tmdb.accessToken ? createTmdbSource({ config, log }) : await createEmbeddedSource());
  // Sources answer differently for the same key, so each kind gets its own shared namespace; the
  // version changes whenever answers change shape (v2: TV details list their seasons).
  const cache = new ResponseCache({ redis, log, namespace: `catalog:v2:${source.kind}:` });
  return new CatalogService({ source, cache, policies: cachePolicies(config.catalogTtlSeconds) });
}
