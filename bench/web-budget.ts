/**
 * Web performance budget: the browse page's initial JavaScript (gzip) against a 100 KB budget, and
 * Lighthouse 12 performance on `/login` and on the signed-in browse page.
 *
 *   npm run build && npx tsx bench/web-budget.ts
 *
 * Builds nothing itself. Starts the built server (embedded catalog, fresh temp DATA_DIR), creates
 * an account over HTTP and hands its refresh cookie to Lighthouse (`--extra-headers`), so the audited
 * load restores the session exactly as a returning visitor's does. Chromium is `/usr/bin/chromium`
 * (override with CHROME_PATH). LIGHTHOUSE_PRESET=mobile|desktop picks the Lighthouse configuration
 * (default: both). Writes bench/results/web.json; LIGHTHOUSE_REPORT_DIR=dir also keeps each full
 * Lighthouse report there, to read the LCP element and its breakdown. `--js-only` measures the
 * JavaScript and stops there (seconds instead of minutes; writes nothing).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { SHELL_COOKIE } from '@marquee/contracts/shell';
import { repoRoot, startServer, writeJson } from './lib/index.js';

const run = promisify(execFile);
const webDist = path.join(repoRoot, 'web/dist');
const serverEntry = path.join(repoRoot, 'server/dist/main.js');
const lighthouseBin = path.join(repoRoot, 'node_modules/.bin/lighthouse');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** 100 KB of gzipped JavaScript for the browse page's first load. */
const JS_BUDGET_BYTES = 100 * 1024;
/**
 * What may run before the page shell is painted: the entry and its static imports, a few hundred
 * bytes that wait for the shell. More means app code was imported statically into the entry.
 */
const BEFORE_PAINT_BUDGET_BYTES = 4 * 1024;
const TARGET_SCORE = 95;
const TARGET_LCP_MS = 1500;

// ---------- initial JS ----------

interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Relative static imports at the top level of a built chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`). */
function staticImports(source: string): string[] {
  const found = new Set<string>();
  // Dynamic `import("./x.js")` is excluded by requiring `from` or a bare string right after `import`.
  for (const match of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Relative dynamic imports in a built chunk (`import("./x.js")`, with any quote). */
function dynamicImports(source: string): string[] {
  return [...new Set([...source.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1] as string))];
}

/**
 * The JavaScript a browse visit loads before any lazy route: the entry script(s) and modulepreloads
 * named by index.html, what the entry imports dynamically (it starts the app with `import()` once
 * the page shell is painted), and every chunk those import statically, transitively.
 */
async function initialJs({ followEntryImports = true } = {}): Promise<{ files: JsFile[]; totalGzip: number; total: number }> {
  const html = await readFile(path.join(webDist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((href): href is string => !!href);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]).filter((href): href is string => !!href);
  const fromDist = (href: string) => path.join(webDist, href.replace(/^\//, ''));
  const queue = [...entries, ...preloads].map(fromDist);
  for (const entry of followEntryImports ? entries.map(fromDist) : []) {
    const source = await readFile(entry, 'utf8');
    for (const specifier of dynamicImports(source)) queue.push(path.resolve(path.dirname(entry), specifier));
  }
  const seen = new Map<string, JsFile>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    const source = await readFile(file);
    seen.set(file, { file: path.relative(webDist, file), bytes: source.length, gzipBytes: gzipSync(source).length });
    for (const specifier of staticImports(source.toString('utf8'))) queue.push(path.resolve(path.dirname(file), specifier));
  }
  const files = [...seen.values()];
  return { files, total: files.reduce((s, f) => s + f.bytes, 0), totalGzip: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** The lazy chunk of the browse route and its own static imports, reported for context. */
async function browseRouteJs(initial: Set<string>): Promise<number> {
  const assets = path.join(webDist, 'assets');
  const browse = (await readdir(assets)).find((f) => /^browse-.*\.js$/.test(f));
  if (!browse) return 0;
  let total = 0;
  const seen = new Set<string>();
  const queue = [path.join(assets, browse)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const rel = path.relative(webDist, file);
    if (seen.has(file) || initial.has(rel)) continue;
    seen.add(file);
    const source = await readFile(file);
    total += gzipSync(source).length;
    for (const specifier of staticImports(source.toString('utf8'))) queue.push(path.resolve(path.dirname(file), specifier));
  }
  return total;
}

// ---------- server ----------

/**
 * Registers an account and returns its cookies as a returning visitor's browser sends them: the
 * refresh cookie (`marquee_refresh=…`) and the shell cookie the web app set at sign-in (its
 * profile's maturity level, so the page shell paints that level's hero).
 */
async function refreshCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'bench password 1', name: 'Bench' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('marquee_refresh='));
  if (!cookie) throw new Error('register set no marquee_refresh cookie');
  return `${cookie.split(';')[0] as string}; ${SHELL_COOKIE}=all`;
}

// ---------- Lighthouse ----------

interface LighthouseRun {
  page: string;
  preset: 'mobile' | 'desktop';
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  meetsTargets: boolean;
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART); such a run is repeated, up to three times. */
async function lighthouse(url: string, page: string, preset: 'mobile' | 'desktop', headers?: () => Promise<Record<string, string>>): Promise<LighthouseRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, page, preset, headers ? await headers() : undefined);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`lighthouse ${preset} ${page}: attempt ${attempt} failed, retrying (${error instanceof Error ? error.message.split('\n').at(-1) : error})`);
    }
  }
}

async function lighthouseOnce(url: string, page: string, preset: 'mobile' | 'desktop', extraHeaders?: Record<string, string>): Promise<LighthouseRun> {
  const args = [
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance',
    `--chrome-flags=${chromeFlags.join(' ')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ...(extraHeaders ? [`--extra-headers=${JSON.stringify(extraHeaders)}`] : []),
  ];
  const { stdout } = await run(lighthouseBin, args, { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout) as {
    categories: { performance: { score: number | null } };
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { message: string };
  };
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  if (process.env.LIGHTHOUSE_REPORT_DIR) {
    const name = `${preset}-${page.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '') || 'root'}.json`;
    await writeFile(path.join(process.env.LIGHTHOUSE_REPORT_DIR, name), stdout);
  }
  const score = Math.round((report.categories.performance.score ?? 0) * 100);
  const lcpMs = Math.round(report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
  return {
    page,
    preset,
    score,
    lcpMs,
    fcpMs: Math.round(report.audits['first-contentful-paint']?.numericValue ?? Number.NaN),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? Number.NaN),
    cls: Number((report.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
    meetsTargets: score >= TARGET_SCORE && lcpMs <= TARGET_LCP_MS,
  };
}

// ---------- main ----------

async function main() {
  if (!existsSync(path.join(webDist, 'index.html')) || !existsSync(serverEntry)) {
    throw new Error('build first: npm run build');
  }
  const js = await initialJs();
  const browseChunk = await browseRouteJs(new Set(js.files.map((f) => f.file)));
  console.log(`initial JS of the browse page: ${(js.totalGzip / 1024).toFixed(1)} KB gzip (${(js.total / 1024).toFixed(1)} KB raw) in ${js.files.length} files; budget ${JS_BUDGET_BYTES / 1024} KB → ${js.totalGzip <= JS_BUDGET_BYTES ? 'within' : 'OVER'}`);
  for (const f of js.files) console.log(`  ${f.file}  ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`);
  console.log(`browse route chunk (lazy, loaded right after): ${(browseChunk / 1024).toFixed(1)} KB gzip`);
  const beforePaint = await initialJs({ followEntryImports: false });
  console.log(
    `JS run before the shell is painted (entry and its static imports): ${(beforePaint.totalGzip / 1024).toFixed(1)} KB gzip` +
      (beforePaint.totalGzip <= BEFORE_PAINT_BUDGET_BYTES ? '' : `  ← over ${BEFORE_PAINT_BUDGET_BYTES / 1024} KB: app code is imported statically into the entry, and runs before the shell is seen`),
  );
  if (process.argv.includes('--js-only')) return;

  // Embedded catalog and PGlite: the server's environment carries no DATABASE_URL, REDIS_URL or TMDB credential.
  const server = await startServer({ readyPath: '/readyz', pollMs: 200, stdout: 'ignore' });
  const base = server.url;
  const runs: LighthouseRun[] = [];
  try {
    // Warm the catalog caches once, as any running server would be.
    await fetch(`${base}/`).then((r) => r.text());
    const presets = (process.env.LIGHTHOUSE_PRESET ? [process.env.LIGHTHOUSE_PRESET] : ['mobile', 'desktop']) as Array<'mobile' | 'desktop'>;
    for (const preset of presets) {
      runs.push(await lighthouse(`${base}/login`, '/login', preset));
      // A fresh account per attempt: the refresh token rotates on use, so a cookie works exactly once.
      runs.push(await lighthouse(`${base}/`, '/ (signed in)', preset, async () => ({ Cookie: await refreshCookie(base) })));
    }
  } finally {
    await server.stop();
  }

  for (const r of runs) {
    console.log(`lighthouse ${r.preset.padEnd(7)} ${r.page.padEnd(14)} score ${r.score} (target ≥ ${TARGET_SCORE}), LCP ${r.lcpMs} ms (target ≤ ${TARGET_LCP_MS}), FCP ${r.fcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}${r.meetsTargets ? '' : '  ← misses target'}`);
  }

  const results = {
    scenario: 'web',
    measured_at: new Date().toISOString(),
    node: process.version,
    initial_js: {
      gzip_bytes: js.totalGzip,
      raw_bytes: js.total,
      budget_bytes: JS_BUDGET_BYTES,
      within_budget: js.totalGzip <= JS_BUDGET_BYTES,
      files: js.files,
      browse_route_chunk_gzip_bytes: browseChunk,
      before_paint_gzip_bytes: beforePaint.totalGzip,
    },
    lighthouse: { version: '12', targets: { score: TARGET_SCORE, lcp_ms: TARGET_LCP_MS }, runs },
  };
  await writeJson('web', results);
  console.log('wrote bench/results/web.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
