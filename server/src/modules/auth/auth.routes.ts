import type { FastifyInstance } from 'fastify';
import type { AuthService } from './auth.service.js';

export async function authRoutes(_app: FastifyInstance, _opts: { auth: AuthService }) {}
