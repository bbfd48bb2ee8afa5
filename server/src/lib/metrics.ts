/**
 * Prometheus metrics (prom-client), served by main.ts on their own listener (`METRICS_PORT`), never
 * on the public port. One registry per app: requests by route, method and status with latency
 * histograms, and gauges read at scrape time from what the app already counts (the catalog cache,
 * TMDB, the database pool, the change feed), plus Node's process metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
}

/** A source read at scrape time: a gauge, or a counter whose running total someone else keeps. */
export interface Sampled {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  labelNames?: string[];
  /** Values by label set (no labels: one value with `{}`); null → the series is absent. */
  read(): { labels: Record<string, string>; value: number }[] | null;
}

export function createMetrics(sampled: Sampled[] = []): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route and status', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  for (const source of sampled) {
    const options = { name: source.name, help: source.help, labelNames: source.labelNames ?? [], registers: [registry] };
    if (source.type === 'gauge') {
      new Gauge({
        ...options,
        collect() {
          this.reset();
          for (const { labels, value } of source.read() ?? []) this.set(labels, value);
        },
      });
    } else {
      new Counter({
        ...options,
        collect() {
          // The running total is kept elsewhere: the counter is brought up to it.
          this.reset();
          for (const { labels, value } of source.read() ?? []) this.inc(labels, value);
        },
      });
    }
  }
  return { registry, requests, duration };
}
