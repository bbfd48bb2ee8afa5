/**
 * Interleaved comparison: rounds of (ours, baseline, other baseline, …) in one run, so drift in
 * machine load hits every side alike; medians per side and the ratios of ours to each baseline.
 */
import { runWrk, type WrkOptions, type WrkResult } from './wrk.js';

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

export interface Comparison {
  scenario: string;
  rounds: { target: string; result: WrkResult }[];
  median: Record<string, { requestsPerSec: number; p99Ms: number; p50Ms: number }>;
  /** Median req/s of the first target over the second. */
  ratio: number;
  /** Median req/s of the first target over each other target, by name. */
  ratios: Record<string, number>;
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Runs `rounds` interleaved wrk runs of each target; the first is "ours", the others are baselines. */
export async function compare(
  scenario: string,
  targets: [Target, Target, ...Target[]],
  options: WrkOptions & {
    rounds?: number;
    log?: (line: string) => void;
    /** Reverse the order of the targets every other round, so no side always runs first (or last). */
    alternate?: boolean;
  } = {},
): Promise<Comparison> {
  const rounds: Comparison['rounds'] = [];
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  for (let round = 1; round <= (options.rounds ?? 3); round += 1) {
    const order = options.alternate && round % 2 === 0 ? [...targets].reverse() : targets;
    for (const target of order) {
      const result = await runWrk(target.url, { ...options, headers: { ...options.headers, ...target.headers } });
      rounds.push({ target: target.name, result });
      log(
        `  ${scenario} · round ${round} · ${target.name.padEnd(7)} ${result.requestsPerSec.toFixed(0).padStart(7)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms` +
          (result.non2xx3xx || result.socketErrors ? `  (non-2xx/3xx ${result.non2xx3xx}, socket errors ${result.socketErrors})` : ''),
      );
    }
  }
  const medianOf: Comparison['median'] = {};
  for (const target of targets) {
    const mine = rounds.filter((r) => r.target === target.name).map((r) => r.result);
    medianOf[target.name] = {
      requestsPerSec: Math.round(median(mine.map((r) => r.requestsPerSec))),
      p50Ms: Math.round(median(mine.map((r) => r.p50Ms)) * 100) / 100,
      p99Ms: Math.round(median(mine.map((r) => r.p99Ms)) * 100) / 100,
    };
  }
  const [ours, ...baselines] = targets;
  const oursRate = (medianOf[ours.name] as { requestsPerSec: number }).requestsPerSec;
  const ratios: Record<string, number> = {};
  for (const baseline of baselines) {
    ratios[baseline.name] = Math.round((oursRate / (medianOf[baseline.name] as { requestsPerSec: number }).requestsPerSec) * 1000) / 1000;
  }
  return { scenario, rounds, median: medianOf, ratio: ratios[targets[1].name] as number, ratios };
}
