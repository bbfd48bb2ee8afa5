/** Runs `/usr/bin/wrk --latency` and parses requests/s and the latency percentiles. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkOptions {
  threads?: number;
  connections?: number;
  /** wrk duration, e.g. `10s`. */
  duration?: string;
  headers?: Record<string, string>;
  /** A Lua script (wrk -s). */
  script?: string;
  /** wrk's socket/request timeout, e.g. `10s` (wrk's default is 2s). */
  timeout?: string;
  /** Added to wrk's environment (read by Lua scripts with `os.getenv`). */
  env?: Record<string, string>;
}

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  requests: number;
  non2xx3xx: number;
  socketErrors: number;
}

const toMs = (value: string, unit: string): number => {
  const n = Number(value);
  if (unit === 'us') return n / 1000;
  if (unit === 's') return n * 1000;
  if (unit === 'm') return n * 60_000;
  return n;
};

/** Parses wrk's text report. */
export function parseWrk(output: string): WrkResult {
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return match ? toMs(match[1] as string, match[2] as string) : Number.NaN;
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const requests = /(\d+) requests in/.exec(output);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSec: rps ? Number(rps[1]) : Number.NaN,
    p50Ms: percentile('50'),
    p90Ms: percentile('90'),
    p99Ms: percentile('99'),
    requests: requests ? Number(requests[1]) : 0,
    non2xx3xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: sockets ? sockets.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** `wrk -t1 -c50 -d10s --latency` (by default) against `url`; its whole output, for scripts that print their own report. */
export async function wrkOutput(url: string, options: WrkOptions = {}): Promise<string> {
  const args = ['-t', String(options.threads ?? 1), '-c', String(options.connections ?? 50), '-d', options.duration ?? '10s', '--latency'];
  if (options.timeout) args.push('--timeout', options.timeout);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.script) args.push('-s', options.script);
  args.push(url);
  const env = options.env ? { ...process.env, ...options.env } : process.env;
  const { stdout } = await run('/usr/bin/wrk', args, { env, maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}

/** `wrk -t1 -c50 -d10s --latency` (by default) against `url`, parsed. */
export async function runWrk(url: string, options: WrkOptions = {}): Promise<WrkResult> {
  return parseWrk(await wrkOutput(url, options));
}
