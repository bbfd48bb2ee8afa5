import type { FastifyInstance } from 'fastify';
import type { WatchlistService } from './watchlist.service.js';

export async function watchlistRoutes(_app: FastifyInstance, _opts: { watchlist: WatchlistService }) {}
