/**
 * buildApp: plugins, then modules, in a visible order. Collaborators come in as arguments so a
 * test can pass PGlite, a Redis key prefix or a fake TMDB without module mocking.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createCounterStore } from './lib/counter-store.js';
import { Drain } from './lib/drain.js';
import type { Redis } from './lib/redis.js';
import { lazyChildLogger, requestIdOf, requestLogController } from './lib/request-logger.js';
import type { CatalogSource } from './integrations/catalog-source.js';
import { createValidatorCompiler } from './lib/validation.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { openApiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { ProfilesService } from './modules/auth/profiles.js';
import { profileRoutes } from './modules/auth/profiles.routes.js';
import { createCatalog } from './modules/catalog/catalog.factory.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { artworkRoutes } from './modules/artwork/artwork.routes.js';
import { WatchlistService } from './modules/watchlist/watchlist.service.js';
import { watchlistRoutes } from './modules/watchlist/watchlist.routes.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Shared cache and rate-limit store; null keeps both in-process. */
  redis: Redis | null;
  jwtSecret: string;
  /** Overrides the catalog source chosen from config (tests). */
  catalogSource?: CatalogSource;
  /** Set by main.ts on SIGTERM: `/readyz` answers 503 and answers close their connections. */
  drain?: Drain;
  /** Pino options, or false to silence (tests). */
  logger?: FastifyServerOptions['logger'];
}

export const BODY_LIMIT = 64 * 1024;

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    // Secrets never reach the logs: tokens, cookies and passwords are redacted wherever they appear.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.current_password',
        '*.new_password',
        '*.refresh_token',
        '*.access_token',
        '*.apiKey',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, redis } = deps;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    childLoggerFactory: lazyChildLogger,
    logController: requestLogController(),
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => requestIdOf(request.headers),
    requestIdHeader: false,
    // A request that reached us before SIGTERM is answered, not refused: draining means finishing.
    return503OnClosing: false,
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // While draining, every answer carries `Connection: close`, so keep-alive clients (a load
  // balancer's pooled connections among them) leave after their last response instead of sending
  // a request on a connection the server is about to close.
  const drain = deps.drain ?? new Drain();
  app.addHook('preClose', async () => {
    drain.begin();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (drain.draining) reply.header('connection', 'close');
    done(null, payload);
  });

  database.changes.subscribe((change) => {
    if (change.kind === 'reset') app.log.warn('database change notifications interrupted: cached sessions and lists dropped until they resume');
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
  await app.register(openApiPlugin);

  const catalog = await createCatalog({ config, redis, log: app.log, source: deps.catalogSource });
  const watchlist = new WatchlistService({ database, catalog });
  // Sign-in, registration and PIN throttles count in one store: Redis when shared, else in-process.
  const counters = createCounterStore(redis, app.log);
  const auth = new AuthService({
    database,
    jwtSecret: deps.jwtSecret,
    jwtSecretPrevious: config.jwtSecretPrevious,
    counters,
    watchlist,
    limits: { registrationsPerMinute: config.registerRateLimit },
  });
  const profiles = new ProfilesService({ database, auth, counters });

  await app.register(authPlugin, { verifier: auth, requireSignIn: config.catalogRequiresSignIn });
  await app.register(healthRoutes, { ping: () => database.ping(), draining: () => drain.draining });
  await app.register(authRoutes, { auth });
  await app.register(profileRoutes, { profiles });
  await app.register(catalogRoutes, { catalog });
  await app.register(artworkRoutes);
  await app.register(watchlistRoutes, { watchlist });
  await app.register(webPlugin, { webDist: config.webDist, shell: { info: () => catalog.info(), featured: () => catalog.featured('all') } });

  app.addHook('onClose', async () => {
    await catalog.close();
  });
  return app;
}
