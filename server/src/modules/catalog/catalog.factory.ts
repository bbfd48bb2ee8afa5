import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Redis } from '../../lib/redis.js';
import { CatalogService } from './catalog.service.js';
import type { CatalogSource } from './catalog.source.js';

export async function createCatalog(_opts: { config: Config; redis: Redis | null; log: FastifyBaseLogger; source?: CatalogSource | undefined }) {
  return new CatalogService();
}
