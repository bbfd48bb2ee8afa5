/** Where benchmark results go (`bench/results/<name>.json`), with the machine they ran on. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function machine() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** Writes `data` as it is to `bench/results/<name>.json` and returns its path. */
export async function writeJson(name: string, data: unknown): Promise<string> {
  const dir = path.join(repoRoot, 'bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** Writes `bench/results/<name>.json` with the name, the time and the machine, and returns its path. */
export function writeResults(name: string, data: unknown): Promise<string> {
  return writeJson(name, { name, at: new Date().toISOString(), machine: machine(), ...(data as object) });
}
