import type { FastifyInstance } from 'fastify';
import type { CatalogService } from './catalog.service.js';

export async function catalogRoutes(_app: FastifyInstance, _opts: { catalog: CatalogService }) {}
