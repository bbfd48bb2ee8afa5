/**
 * buildApp: plugins, then modules, in a visible order. Collaborators come in as arguments so a
 * test can pass PGlite, a Redis key prefix or a fake TMDB without module mocking.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createCounterStore } from './lib/counter-store.js';
import { createMetrics, type Sampled } from './lib/metrics.js';
import { Drain } from './lib/drain.js';
import { watchRedis, type Redis } from './lib/redis.js';
import { errSerializer } from './lib/log-errors.js';
import { lazyChildLogger, requestIdOf, requestLogController } from './lib/request-logger.js';
import type { CatalogSource } from './integrations/catalog-source.js';
import { lazySerializerFactory } from './lib/serialization.js';
import { createValidatorCompiler } from './lib/validation.js';
import { authPlugin } from './plugins/auth.js';
import { clientErrorHandler, errorHandlerPlugin, frameworkErrors } from './plugins/error-handler.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openApiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { authRoutes, SESSION_HINT_COOKIE } from './modules/auth/auth.routes.js';
import { ProfilesService } from './modules/auth/profiles.js';
import { profileRoutes } from './modules/auth/profiles.routes.js';
import { createCatalog } from './modules/catalog/catalog.factory.js';
import { memberRoutes } from './modules/auth/members.routes.js';
import { AdminService } from './modules/admin/admin.service.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { InstanceSettingsStore } from './db/instance-settings.js';
import { isInsecureTransport } from './lib/transport.js';
import type { CatalogService } from './modules/catalog/catalog.service.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { artworkRoutes } from './modules/artwork/artwork.routes.js';
import { RatingsService } from './modules/ratings/ratings.service.js';
import { ratingRoutes } from './modules/ratings/ratings.routes.js';
import { RecommendationsService } from './modules/recommendations/recommendations.service.js';
import { recommendationRoutes } from './modules/recommendations/recommendations.routes.js';
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
        '*.credential',
        '*.invitation',
      ],
      censor: '[redacted]',
    },
    // ...and neither do the values bound to a failed database query.
    serializers: { err: errSerializer },
  };
}

/**
 * Logs once, loudly, when the app is first reached over plain HTTP at an address other than
 * localhost: passwords and tokens then cross the network unencrypted (the owner's settings page
 * says so too). Until it has fired, the first request of each connection is looked at: the
 * connection's scheme and host do not change between its requests, and reading them on every
 * request was a measurable share of a cached answer's cost (bench/README.md).
 */
function warnOnPlainHttp(app: FastifyInstance): void {
  let warned = false;
  const seen = new WeakSet<object>();
  app.addHook('onRequest', (request, _reply, done) => {
    if (warned || seen.has(request.raw.socket)) return done();
    seen.add(request.raw.socket);
    if (isInsecureTransport(request.protocol, request.hostname)) {
      warned = true;
      app.log.warn(
        { host: request.hostname },
        'served over plain HTTP beyond localhost: passwords and sign-in tokens travel unencrypted; put Marquee behind HTTPS (set TRUST_PROXY for a proxy that terminates TLS)',
      );
    }
    done();
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, redis } = deps;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    childLoggerFactory: lazyChildLogger,
    logController: requestLogController(),
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => requestIdOf(request.headers),
    // Believe X-Forwarded-Proto / -For only from the proxies the operator names (TRUST_PROXY).
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // A request that reached us before SIGTERM is answered, not refused: draining means finishing.
    return503OnClosing: false,
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 },
    // Errors before routing and from Node's HTTP parser are problem+json too.
    frameworkErrors,
    clientErrorHandler,
    schemaController: { compilersFactory: { buildSerializer: lazySerializerFactory() } },
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
  if (redis) watchRedis(redis, app.log);

  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
  await app.register(openApiPlugin);

  // The owner's settings, current on every instance; the catalog follows the saved TMDB credential.
  const settings = await InstanceSettingsStore.open(database.db, database.changes, (error) => app.log.error({ err: error }, 'applying a changed setting failed'));
  const catalogSwitch = await createCatalog({ config, redis, log: app.log, source: deps.catalogSource, credential: settings.get('tmdb_credential') });
  const { catalog } = catalogSwitch;
  settings.subscribe(async (key) => {
    if (key === 'tmdb_credential') await catalogSwitch.connect(settings.get('tmdb_credential'));
  });
  const admin = new AdminService({
    db: database.db,
    settings,
    tmdbBaseUrl: config.tmdb.baseUrl,
    tmdbFromEnvironment: Boolean(config.tmdb.apiKey || config.tmdb.accessToken),
    catalogSource: () => catalog.mode,
    defaultRegion: config.defaultRegion,
  });
  const watchlist = new WatchlistService({ database, catalog });
  const ratings = new RatingsService({ database, catalog });
  const recommendations = new RecommendationsService({ catalog, ratings, list: watchlist });
  // Sign-in, registration and PIN throttles count in one store: Redis when shared, else in-process.
  const counters = createCounterStore(redis, app.log);
  const auth = new AuthService({
    database,
    jwtSecret: deps.jwtSecret,
    jwtSecretPrevious: config.jwtSecretPrevious,
    counters,
    watchlist,
    limits: { registrationsPerMinute: config.registerRateLimit },
    admission: admin,
  });
  const profiles = new ProfilesService({ database, auth, counters });

  if (config.metricsPort !== null) await serveMetrics(app, config, database, catalog);

  await app.register(authPlugin, { verifier: auth, requireSignIn: config.catalogRequiresSignIn, cookieSecure: config.cookieSecure });
  warnOnPlainHttp(app);
  await app.register(healthRoutes, { ping: () => database.ping(), draining: () => drain.draining });
  await app.register(authRoutes, { auth });
  await app.register(profileRoutes, { profiles });
  await app.register(memberRoutes, { auth });
  await app.register(adminRoutes, { admin });
  // "Where to watch" without a region: the owner's saved region, else DEFAULT_REGION.
  await app.register(catalogRoutes, { catalog, ratings, defaultRegion: () => settings.get('default_region') ?? config.defaultRegion });
  await app.register(artworkRoutes);
  await app.register(watchlistRoutes, { watchlist });
  await app.register(ratingRoutes, { ratings });
  await app.register(recommendationRoutes, { recommendations });
  await app.register(webPlugin, {
    webDist: config.webDist,
    shell: { info: () => catalog.info(), featured: (level) => catalog.featured(level) },
    sessionCookie: SESSION_HINT_COOKIE,
  });

  app.addHook('onClose', async () => {
    await catalog.close();
  });
  return app;
}

/**
 * `METRICS_PORT`: Prometheus text at `GET /metrics` on a listener of its own (`HOST:METRICS_PORT`),
 * opened when the app listens and closed with it; the public port never serves it.
 */
async function serveMetrics(app: FastifyInstance, config: Config, database: Database, catalog: CatalogService): Promise<void> {
  const cacheRead = () => {
    const { hits, misses, stale } = catalog.cacheStats;
    return [
      { labels: { result: 'hit' }, value: hits },
      { labels: { result: 'miss' }, value: misses },
      { labels: { result: 'stale' }, value: stale },
    ];
  };
  const upstream = <K extends 'calls' | 'errors' | 'retries' | 'breakerState' | 'limiterQueue'>(key: K) => () => {
    const stats = catalog.upstreamStats();
    return stats === null ? null : [{ labels: {}, value: stats[key] }];
  };
  const pool = (key: 'total' | 'idle' | 'waiting') => () => {
    const stats = database.pool?.();
    return stats === undefined ? null : [{ labels: {}, value: stats[key] }];
  };
  const sampled: Sampled[] = [
    { name: 'marquee_catalog_cache_answers_total', help: 'Catalog answers by cache result: hit (fresh), miss (loaded), stale', type: 'counter', labelNames: ['result'], read: cacheRead },
    { name: 'marquee_tmdb_calls_total', help: 'Attempts sent to TMDB, retries included', type: 'counter', read: upstream('calls') },
    { name: 'marquee_tmdb_errors_total', help: 'TMDB calls that ended in an error for the caller', type: 'counter', read: upstream('errors') },
    { name: 'marquee_tmdb_retries_total', help: 'TMDB attempts repeated after a retryable failure', type: 'counter', read: upstream('retries') },
    { name: 'marquee_tmdb_breaker_state', help: 'TMDB circuit breaker: 0 closed, 1 open, 2 half-open', type: 'gauge', read: upstream('breakerState') },
    { name: 'marquee_tmdb_limiter_queue', help: 'TMDB calls waiting for the rate limiter', type: 'gauge', read: upstream('limiterQueue') },
    { name: 'marquee_db_pool_connections', help: 'PostgreSQL pool connections open', type: 'gauge', read: pool('total') },
    { name: 'marquee_db_pool_idle', help: 'PostgreSQL pool connections idle', type: 'gauge', read: pool('idle') },
    { name: 'marquee_db_pool_waiting', help: 'Queries waiting for a PostgreSQL pool connection', type: 'gauge', read: pool('waiting') },
    {
      name: 'marquee_change_feed_up',
      help: 'Database change notifications: 1 listening (caches may answer), 0 interrupted',
      type: 'gauge',
      read: () => [{ labels: {}, value: database.changes.trusted ? 1 : 0 }],
    },
  ];
  const metrics = createMetrics(sampled);
  await app.register(metricsPlugin, { metrics });
  const listener = Fastify({ logger: false });
  listener.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.addHook('onListen', async () => {
    await listener.listen({ host: config.host, port: config.metricsPort ?? 0 });
  });
  app.addHook('onClose', async () => {
    await listener.close();
  });
}
