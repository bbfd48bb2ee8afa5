/**
 * Picks the catalog source — a given one (tests), TMDB when a credential is configured, else the
 * embedded offline catalog — and wraps it with the answer cache (Redis-shared when connected).
 *
 * The credential comes from the environment (TMDB_API_KEY / TMDB_ACCESS_TOKEN), which wins, or from
 * the owner's settings; `CatalogSwitch.connect` moves the running catalog onto a credential saved or
 * removed at run time, without a restart.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { TmdbCredential } from '../../db/instance-settings.js';
import { createEmbeddedSource } from '../../integrations/embedded/embedded.source.js';
import { createTmdbSource } from '../../integrations/tmdb/tmdb.source.js';
import { ResponseCache } from '../../lib/response-cache.js';
import type { Redis } from '../../lib/redis.js';
import { CatalogService, cachePolicies, type ActiveSource } from './catalog.service.js';
import type { CatalogSource } from '../../integrations/catalog-source.js';


export interface CatalogSwitch {
  catalog: CatalogService;
  /** Whether the environment holds a credential (then it wins and `connect` changes nothing). */
  readonly fixed: boolean;
  /** Serves TMDB with this credential, or the embedded catalog for null; resolves once switched. */
  connect(credential: TmdbCredential | null): Promise<void>;
}

export async function createCatalog(opts: {
  config: Config;
  redis: Redis | null;
  log: FastifyBaseLogger;
  source?: CatalogSource | undefined;
  /** The owner's saved credential, used when the environment has none. */
  credential?: TmdbCredential | null;
}): Promise<CatalogSwitch> {
  const { config, redis, log } = opts;
  const fromEnvironment = Boolean(config.tmdb.apiKey || config.tmdb.accessToken);
  let embedded: Promise<CatalogSource> | null = null;
  // The embedded catalog is built once and kept: switching back to it is then instant.
  const embeddedSource = () => (embedded ??= createEmbeddedSource());
  const tmdbSource = (credential: TmdbCredential | null) =>
    createTmdbSource({
      config: credential
        ? { ...config, tmdb: { ...config.tmdb, apiKey: credential.kind === 'apiKey' ? credential.value : null, accessToken: credential.kind === 'accessToken' ? credential.value : null } }
        : config,
      log,
    });
  const activeFor = async (source: CatalogSource): Promise<ActiveSource> => ({
    source,
    // Sources answer differently for the same key, so each kind gets its own shared namespace.
    cache: new ResponseCache({ redis, log, namespace: `catalog:v2:${source.kind}:` }),
  });

  const first =
    opts.source ?? (fromEnvironment ? tmdbSource(null) : opts.credential ? tmdbSource(opts.credential) : await embeddedSource());
  const initial = await activeFor(first);
  const catalog = new CatalogService({ ...initial, policies: cachePolicies(config.catalogTtlSeconds) });
  const fixed = fromEnvironment || opts.source !== undefined;
  let current: string | null = opts.credential && !fixed ? JSON.stringify(opts.credential) : null;
  let queue: Promise<void> = Promise.resolve();

  return {
    catalog,
    fixed,
    connect(credential) {
      // One switch at a time, in the order asked.
      const run = queue.then(async () => {
        if (fixed) return;
        const wanted = credential ? JSON.stringify(credential) : null;
        if (wanted === current) return;
        const next = await activeFor(credential ? tmdbSource(credential) : await embeddedSource());
        const previous = catalog.use(next);
        current = wanted;
        previous.cache.clear();
        log.info({ catalogSource: next.source.kind }, 'catalog source switched');
        // The embedded source is kept for later; a TMDB source's connections are released.
        if (previous.source.kind === 'tmdb') await previous.source.close?.();
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
