/**
 * Bounded load from several signed-in clients, each with its own account: My List writes (adds),
 * My List reads and anonymous catalog reads in turn, one request in flight per client. Every request is recorded (start, duration,
 * status, Retry-After); every acknowledged add (200/201) is remembered, to be found afterwards.
 */

export interface Sample {
  /** ms since the load began */
  start: number;
  end: number;
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  /** 0-status samples: the request itself failed (timeout, connection refused). */
  error?: string;
}

export interface Client {
  token: string;
  /** Ids this client's adds acknowledged. */
  acked: Set<number>;
}

/** No request should take anywhere near this; a request that does is recorded as failed (status 0). */
const REQUEST_ABORT_MS = 20_000;

export async function request(url: string, init: RequestInit = {}): Promise<{ status: number; retryAfter: string | null; contentType: string | null; body: string; error?: string }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_ABORT_MS) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), contentType: res.headers.get('content-type'), body: await res.text() };
  } catch (error) {
    return { status: 0, retryAfter: null, contentType: null, body: '', error: (error as Error).message };
  }
}

/** Registers `count` accounts (one per client address is not needed: the registration limit is per minute and high enough). */
export async function signUpClients(baseUrl: string, count: number, label: string): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${label}-${i}-${Date.now()}@example.com`, password: 'a long enough password', name: `Load ${i}` }),
    });
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${res.body} ${res.error ?? ''}`);
    clients.push({ token: (JSON.parse(res.body) as { access_token: string }).access_token, acked: new Set() });
  }
  return clients;
}

/** Title ids the catalog knows (the first pages of popular movies). */
export async function movieIds(baseUrl: string): Promise<number[]> {
  const ids: number[] = [];
  for (const page of [1, 2, 3]) {
    const res = await request(`${baseUrl}/api/movies/popular?page=${page}`);
    if (res.status !== 200) throw new Error(`popular failed: ${res.status}`);
    ids.push(...(JSON.parse(res.body) as { results: { id: number }[] }).results.map((title) => title.id));
  }
  return ids;
}

export function addTitle(baseUrl: string, client: Client, id: number) {
  return request(`${baseUrl}/api/watchlist/${id}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } });
}

export function readList(baseUrl: string, client: Client) {
  return request(`${baseUrl}/api/watchlist`, { headers: { authorization: `Bearer ${client.token}` } });
}

/** The ids in a client's list now (throws unless the read succeeds). */
export async function listedIds(baseUrl: string, client: Client): Promise<Set<number>> {
  const res = await readList(baseUrl, client);
  if (res.status !== 200) throw new Error(`reading the list failed: ${res.status} ${res.body}`);
  return new Set((JSON.parse(res.body) as { results: { id: number }[] }).results.map((entry) => entry.id));
}

export class Load {
  readonly samples: Sample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly began = performance.now();

  constructor(
    private readonly baseUrl: string,
    private readonly clients: Client[],
    private readonly ids: number[],
  ) {}

  /** ms since the load began. */
  now(): number {
    return performance.now() - this.began;
  }

  start(): void {
    this.running = true;
    this.loops = this.clients.map((client, index) => this.loop(client, index));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Resolves once `count` more requests have completed with a 2xx. */
  async successes(count: number): Promise<void> {
    const from = this.samples.filter((sample) => sample.status >= 200 && sample.status < 300).length;
    while (this.samples.filter((sample) => sample.status >= 200 && sample.status < 300).length < from + count) {
      await this.nextSample();
    }
  }

  /** Resolves once `count` more requests have completed, whatever their answer. */
  async completed(count: number): Promise<void> {
    const target = this.samples.length + count;
    while (this.samples.length < target) await this.nextSample();
  }

  private waiting: (() => void)[] = [];

  private nextSample(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private record(sample: Sample): void {
    this.samples.push(sample);
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private async loop(client: Client, index: number): Promise<void> {
    let step = index;
    while (this.running) {
      step += 1;
      // A write, a read of the list, an anonymous catalog read (which needs no database), in turn.
      const kind = step % 3;
      const id = this.ids[(step * 7 + index) % this.ids.length]!;
      const write = kind === 0;
      const start = this.now();
      const res = write
        ? await addTitle(this.baseUrl, client, id)
        : kind === 1
          ? await readList(this.baseUrl, client)
          : await request(`${this.baseUrl}/api/movies/popular?page=${1 + (step % 3)}`);
      const end = this.now();
      if (write && (res.status === 200 || res.status === 201)) client.acked.add(id);
      this.record({ start, end, status: res.status, retryAfter: res.retryAfter, contentType: res.contentType, ...(res.error ? { error: res.error } : {}) });
    }
  }
}

export interface FaultRow {
  fault: string;
  requests: number;
  /** Non-2xx answers by status, e.g. `{ "503": 12 }`. */
  failures: Record<string, number>;
  longestMs: number;
  /** From recovery (the database or Redis back) to the end of the first 2xx of a request started after it. */
  firstSuccessAfterRecoveryMs: number | null;
  writesLost: number;
  restartsNeeded: number | string;
}

/** Summarises the samples that started in [from, to). */
export function summarise(samples: Sample[], from: number, to: number, recoveredAt: number | null) {
  const during = samples.filter((sample) => sample.start >= from && sample.start < to);
  const failures: Record<string, number> = {};
  for (const sample of during) {
    if (sample.status >= 200 && sample.status < 300) continue;
    failures[String(sample.status)] = (failures[String(sample.status)] ?? 0) + 1;
  }
  const firstSuccess = recoveredAt === null ? undefined : samples.find((sample) => sample.start >= recoveredAt && sample.status >= 200 && sample.status < 300);
  return {
    during,
    requests: during.length,
    failures,
    longestMs: Math.round(Math.max(0, ...during.map((sample) => sample.end - sample.start))),
    firstSuccessAfterRecoveryMs: firstSuccess && recoveredAt !== null ? Math.round(firstSuccess.end - recoveredAt) : null,
  };
}

export function formatTable(rows: FaultRow[]): string {
  const header = '| fault | requests | non-2xx by status | longest request | first success after recovery | acknowledged writes lost | process restarts needed |';
  const rule = '|---|---:|---|---:|---:|---:|---:|';
  const lines = rows.map((row) => {
    const failures = Object.entries(row.failures)
      .map(([status, count]) => `${status === '0' ? 'no answer' : status}: ${count}`)
      .join(', ');
    const first = row.firstSuccessAfterRecoveryMs === null ? '—' : `${row.firstSuccessAfterRecoveryMs} ms`;
    return `| ${row.fault} | ${row.requests} | ${failures || 'none'} | ${row.longestMs} ms | ${first} | ${row.writesLost} | ${row.restartsNeeded} |`;
  });
  return [header, rule, ...lines].join('\n');
}
