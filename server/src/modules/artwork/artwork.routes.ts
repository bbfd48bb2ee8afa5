import type { FastifyInstance } from 'fastify';

export async function artworkRoutes(_app: FastifyInstance) {}
