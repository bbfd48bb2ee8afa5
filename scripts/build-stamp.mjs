/**
 * The build stamp: the newest modification time among the sources when the last complete build
 * ran. `npm run build` writes it last; `npm start` rebuilds only when a source is newer.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const stampFile = path.join(root, 'server', 'dist', '.build-stamp');

/** What a build reads: each workspace's sources and build configuration, and the lockfile. */
const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'packages/contracts/src',
  'packages/contracts/package.json',
  'packages/contracts/tsconfig.json',
  'server/src',
  'server/package.json',
  'server/tsconfig.json',
  'web/src',
  'web/public',
  'web/scripts',
  'web/index.html',
  'web/package.json',
  'web/tsconfig.json',
  'web/vite.config.ts',
];

function newestIn(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestIn(path.join(file, entry)));
  return newest;
}

export function newestSource() {
  return Math.max(...SOURCES.map((source) => newestIn(path.join(root, source))));
}

// Run as a script (the last step of `npm run build`): stamp the build just completed.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(stampFile, String(newestSource()));
}
