// Placeholder until the auth module lands.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Redis } from '../../lib/redis.js';
import { unauthorized } from '../../errors.js';
import type { AccessTokenVerifier, AuthUser } from '../../plugins/auth.js';

export class AuthService implements AccessTokenVerifier {
  constructor(readonly deps: { db: Db; jwtSecret: string; redis: Redis | null; log: FastifyBaseLogger }) {}
  async verify(_authorization: string | undefined): Promise<AuthUser> {
    throw unauthorized();
  }
}
