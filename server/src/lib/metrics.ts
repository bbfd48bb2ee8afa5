/**
 * Prometheus metrics (prom-client), served by main.ts on their own listener (`METRICS_PORT`), never
 * on the public port. One registry per app: requests by route, method and status with latency
 * histograms, and gauges read at scrape time from what the app already counts (the catalog cache,
 * TMDB, the database pool, the change feed), plus Node's process metrics.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Counts and times one answered request. */
  requests: RequestMetrics;
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

/** Upper bounds (seconds) of the latency histogram's buckets. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { method: string; route: string; status: string };
  /** Requests whose duration fell in each bucket (not cumulative); the last one is +Inf. */
  buckets: Float64Array;
  count: number;
  sum: number;
}

interface MetricValue {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * `http_requests_total` and `http_request_duration_seconds`, by method, route and status.
 * prom-client's Counter and Histogram build and hash a label object on every call: ~6 µs per
 * answered request here, 13 % of a cached catalog answer (bench/README.md, metrics overhead). Here
 * a request finds its series through three map lookups and adds to it; prom-client's registry
 * formats the series when scraped, through the interface its own metrics implement (`get`).
 */
export class RequestMetrics {
  /** method → route → status → series. */
  private readonly byMethod = new Map<string, Map<string, Map<number, Series>>>();

  observe(method: string, route: string, status: number, seconds: number): void {
    let byRoute = this.byMethod.get(method);
    if (!byRoute) this.byMethod.set(method, (byRoute = new Map()));
    let byStatus = byRoute.get(route);
    if (!byStatus) byRoute.set(route, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (!series) {
      series = { labels: { method, route, status: String(status) }, buckets: new Float64Array(DURATION_BUCKETS.length + 1), count: 0, sum: 0 };
      byStatus.set(status, series);
    }
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] as number)) bucket++;
    series.buckets[bucket] = (series.buckets[bucket] as number) + 1;
    series.count++;
    series.sum += seconds;
  }

  /** Registers both metrics with `registry`. */
  register(registry: Registry): void {
    const metric = (name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[]) =>
      ({
        name,
        help,
        type,
        aggregator: 'sum',
        get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
        reset: () => this.byMethod.clear(),
      }) as unknown as Metric;
    registry.registerMetric(
      metric('http_requests_total', 'HTTP requests answered, by method, route and status', 'counter', () =>
        this.series().map((series) => ({ labels: series.labels, value: series.count })),
      ),
    );
    registry.registerMetric(
      metric('http_request_duration_seconds', 'Time to answer an HTTP request, by method, route and status', 'histogram', () =>
        this.series().flatMap((series) => {
          let cumulative = 0;
          const buckets = [...DURATION_BUCKETS, '+Inf' as const].map((le, i) => {
            cumulative += series.buckets[i] as number;
            return { metricName: 'http_request_duration_seconds_bucket', labels: { le, ...series.labels }, value: cumulative };
          });
          return [
            ...buckets,
            { metricName: 'http_request_duration_seconds_sum', labels: series.labels, value: series.sum },
            { metricName: 'http_request_duration_seconds_count', labels: series.labels, value: series.count },
          ];
        }),
      ),
    );
  }

  private series(): Series[] {
    return [...this.byMethod.values()].flatMap((byRoute) => [...byRoute.values()].flatMap((byStatus) => [...byStatus.values()]));
  }
}

export function createMetrics(sampled: Sampled[] = []): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics();
  requests.register(registry);
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
  return { registry, requests };
}
