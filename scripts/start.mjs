/**
 * `npm start`: builds only when a source changed since the last complete build, then runs the
 * server in this very process. npm runs a script through `sh -c`, and a shell given one simple
 * command replaces itself with it, so nothing stands between npm and this node process: the
 * SIGTERM/SIGINT npm passes on reaches the server, which drains and exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newestSource, stampFile } from './build-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the server needs from a build; a missing one means building again whatever the stamp says. */
const OUTPUTS = ['server/dist/main.js', 'packages/contracts/dist', 'web/dist/index.html'];

function builtFrom() {
  if (!OUTPUTS.every((output) => existsSync(new URL(`../${output}`, import.meta.url)))) return -1;
  try {
    return Number(readFileSync(stampFile, 'utf8'));
  } catch {
    return -1;
  }
}

const newest = newestSource();
if (newest > builtFrom()) {
  process.stderr.write('marquee: building the app (first start, or sources changed)…\n');
  // Build output (and the bundler's notes) is shown only when the build fails.
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}marquee: the build failed (above)\n`);
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampFile, String(newest));
}

await import('../server/dist/main.js');
