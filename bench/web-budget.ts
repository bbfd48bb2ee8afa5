/**
 * Web performance budget: all JavaScript the signed-in browse page loads until its first row is
 * painted (gzip, as the server sends it) against a 100 KB budget, and Lighthouse 12 performance on
 * `/login` and on the signed-in browse page.
 *
 *   npm run build && npx tsx bench/web-budget.ts
 *
 * Builds nothing itself. Starts the built server (embedded catalog, fresh temp DATA_DIR) and creates
 * an account over HTTP. The JavaScript is measured in Chromium (Playwright): the browse page is
 * opened with the account's refresh cookie, as a returning visitor's load, and every script fetched
 * before the frame that paints the "Popular" row counts, whatever fetched it (the entry, the app
 * chunk, the route's chunk, anything the first render imports). Lighthouse gets a fresh account's
 * cookie too (`--extra-headers`). Chromium is `/usr/bin/chromium` (override with CHROME_PATH).
 * LIGHTHOUSE_PRESET=mobile|desktop picks the Lighthouse configuration (default: both). Writes
 * bench/results/web.json; LIGHTHOUSE_REPORT_DIR=dir also keeps each full Lighthouse report there,
 * to read the LCP element and its breakdown; WEB_DIST=dir measures (and serves) another build of the
 * web app instead of web/dist. `--js-only` measures the JavaScript and stops there
 * (about 15 s, most of it the server's start; writes nothing) and exits with 1 when it is over the budget.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { SHELL_COOKIE } from '@marquee/contracts/shell';
import { repoRoot, startServer, writeJson } from './lib/index.js';

const run = promisify(execFile);
/** The build measured and served: web/dist, or WEB_DIST (another build of the web app, e.g. an older one to compare with). */
const webDist = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(repoRoot, 'web/dist');
const serverEntry = path.join(repoRoot, 'server/dist/main.js');
const lighthouseBin = path.join(repoRoot, 'node_modules/.bin/lighthouse');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** 100 KB of gzipped JavaScript until the signed-in browse page shows its first row. */
const JS_BUDGET_BYTES = 100 * 1024;
/**
 * What may run before the page shell is painted: the entry and its static imports, a few hundred
 * bytes that wait for the shell. More means app code was imported statically into the entry.
 */
const BEFORE_PAINT_BUDGET_BYTES = 4 * 1024;
const TARGET_SCORE = 95;
const TARGET_LCP_MS = 1500;

// ---------- JavaScript until the first row ----------

interface JsFile {
  file: string;
  /** Bytes of the built file. */
  bytes: number;
  /** Bytes a client that accepts gzip receives: the `.gz` twin the server sends, or the file itself when it has none (gzip would not make it smaller). */
  gzipBytes: number;
  /** When the browser started fetching it, in ms from the navigation's start. */
  startMs: number;
}

interface JsLoad {
  /** The first row painted, in ms from the navigation's start. */
  firstRowMs: number;
  /** Every script fetched before the first row was painted, in the order they were requested. */
  untilFirstRow: JsFile[];
  /** Scripts fetched after it while the page settles (deferred code coming on idle). */
  after: JsFile[];
  gzipBytes: number;
  bytes: number;
}

/** What the server sends for a built file to a client that accepts gzip (see web/scripts/precompress.mjs). */
async function servedSize(file: string): Promise<{ bytes: number; gzipBytes: number }> {
  const bytes = (await stat(file)).size;
  const gz = `${file}.gz`;
  return { bytes, gzipBytes: existsSync(gz) ? (await stat(gz)).size : bytes };
}

/**
 * Installed before the page's own scripts: resolves `window.__firstRowPainted` with the time of the
 * frame that first shows the "Popular" row (its region no longer busy, with a title card in it).
 * A string, not a function: tsx's transform would add helpers the page does not have.
 */
const WATCH_FIRST_ROW = `
window.__firstRowPainted = new Promise((resolve) => {
  const shown = () => {
    const heading = [...document.querySelectorAll('section h2')].find((h) => h.textContent.trim() === 'Popular');
    const row = heading && heading.closest('section');
    return !!row && row.getAttribute('aria-busy') !== 'true' && !!row.querySelector('a[href^="/title/"]');
  };
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    // The next frame is the one that paints it: its time is the cut-off.
    requestAnimationFrame((frameTime) => resolve(frameTime));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
});`;

/**
 * Opens the signed-in browse page in Chromium, as a returning visitor with a refresh cookie, and
 * lists every script the browser fetched before the first row was painted (Resource Timing), then
 * what came after while the page settled.
 */
async function jsUntilFirstRow(base: string): Promise<JsLoad> {
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.filter((flag) => flag !== '--headless') });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { hostname } = new URL(base);
    await context.addCookies(
      (await refreshCookie(base)).split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name as string, value: value.join('='), domain: hostname, path: '/' };
      }),
    );
    const page = await context.newPage();
    await page.addInitScript(WATCH_FIRST_ROW);
    await page.goto(`${base}/`);
    const firstRowMs = await page.evaluate<number>('window.__firstRowPainted');
    // Deferred code comes once the page has loaded and is idle: give it time to show up, for the listing.
    await page.waitForLoadState('load');
    await page.waitForTimeout(2500);
    const entries = await page.evaluate<Array<{ path: string; startMs: number }>>(
      `performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, startMs: e.startTime })).filter((e) => e.path.endsWith('.js'))`,
    );
    await context.close();
    const files: JsFile[] = [];
    for (const entry of entries) {
      const size = await servedSize(path.join(webDist, entry.path.replace(/^\//, '')));
      files.push({ file: entry.path.replace(/^\//, ''), ...size, startMs: Math.round(entry.startMs) });
    }
    const untilFirstRow = files.filter((f) => f.startMs <= firstRowMs);
    return {
      firstRowMs: Math.round(firstRowMs),
      untilFirstRow,
      after: files.filter((f) => f.startMs > firstRowMs),
      gzipBytes: untilFirstRow.reduce((sum, f) => sum + f.gzipBytes, 0),
      bytes: untilFirstRow.reduce((sum, f) => sum + f.bytes, 0),
    };
  } finally {
    await browser.close();
  }
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

/**
 * What runs before the page shell is painted: the entry script(s) and modulepreloads named by
 * index.html and everything they import statically, transitively (the entry imports the app
 * dynamically once the shell is painted). Read from the build: no browser needed.
 */
async function beforeShellJs(): Promise<{ files: string[]; gzipBytes: number }> {
  const html = await readFile(path.join(webDist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((href): href is string => !!href);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]).filter((href): href is string => !!href);
  const queue = [...entries, ...preloads].map((href) => path.join(webDist, href.replace(/^\//, '')));
  const seen = new Set<string>();
  let gzipBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    gzipBytes += (await servedSize(file)).gzipBytes;
    for (const specifier of staticImports(await readFile(file, 'utf8'))) queue.push(path.resolve(path.dirname(file), specifier));
  }
  return { files: [...seen].map((file) => path.relative(webDist, file)), gzipBytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
  // Every cookie the sign-up set, as a returning browser sends them: the refresh token's and the
  // session hint that tells the page shell to paint the hero (without it the shell stays bare and
  // the audit measures a first visit's page instead).
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] as string);
  if (!cookies.some((c) => c.startsWith('marquee_refresh='))) throw new Error('register set no marquee_refresh cookie');
  return [...cookies, `${SHELL_COOKIE}=all`].join('; ');
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
  const jsOnly = process.argv.includes('--js-only');
  // Embedded catalog and PGlite: the server's environment carries no DATABASE_URL, REDIS_URL or TMDB credential.
  const server = await startServer({ readyPath: '/readyz', pollMs: 200, stdout: 'ignore', env: { WEB_DIST: webDist } });
  const base = server.url;
  const runs: LighthouseRun[] = [];
  let js: JsLoad;
  try {
    // Warm the catalog caches once, as any running server would be.
    await fetch(`${base}/`).then((r) => r.text());
    js = await jsUntilFirstRow(base);
    const within = js.gzipBytes <= JS_BUDGET_BYTES;
    console.log(
      `JS until the first row of the signed-in browse page: ${kb(js.gzipBytes)} gzip (${kb(js.bytes)} raw) in ${js.untilFirstRow.length} files; ` +
        `budget ${JS_BUDGET_BYTES / 1024} KB → ${within ? 'within' : 'OVER'} (first row painted at ${js.firstRowMs} ms)`,
    );
    for (const f of js.untilFirstRow) console.log(`  ${f.file.padEnd(44)} ${kb(f.gzipBytes).padStart(8)} gzip  (requested at ${f.startMs} ms)`);
    if (js.after.length > 0) {
      console.log(`fetched after the first row (deferred): ${kb(js.after.reduce((sum, f) => sum + f.gzipBytes, 0))} gzip`);
      for (const f of js.after) console.log(`  ${f.file.padEnd(44)} ${kb(f.gzipBytes).padStart(8)} gzip  (requested at ${f.startMs} ms)`);
    }
    const beforeShell = await beforeShellJs();
    console.log(
      `JS run before the shell is painted (entry and its static imports): ${kb(beforeShell.gzipBytes)} gzip` +
        (beforeShell.gzipBytes <= BEFORE_PAINT_BUDGET_BYTES ? '' : `  ← over ${BEFORE_PAINT_BUDGET_BYTES / 1024} KB: app code is imported statically into the entry, and runs before the shell is seen`),
    );
    if (jsOnly) {
      if (!within) process.exitCode = 1;
      return;
    }

    const presets = (process.env.LIGHTHOUSE_PRESET ? [process.env.LIGHTHOUSE_PRESET] : ['mobile', 'desktop']) as Array<'mobile' | 'desktop'>;
    for (const preset of presets) {
      runs.push(await lighthouse(`${base}/login`, '/login', preset));
      // A fresh account per attempt: the refresh token rotates on use, so a cookie works exactly once.
      runs.push(await lighthouse(`${base}/`, '/ (signed in)', preset, async () => ({ Cookie: await refreshCookie(base) })));
    }

    for (const r of runs) {
      console.log(`lighthouse ${r.preset.padEnd(7)} ${r.page.padEnd(14)} score ${r.score} (target ≥ ${TARGET_SCORE}), LCP ${r.lcpMs} ms (target ≤ ${TARGET_LCP_MS}), FCP ${r.fcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}${r.meetsTargets ? '' : '  ← misses target'}`);
    }

    const results = {
      scenario: 'web',
      measured_at: new Date().toISOString(),
      node: process.version,
      js_until_first_row: {
        gzip_bytes: js.gzipBytes,
        raw_bytes: js.bytes,
        budget_bytes: JS_BUDGET_BYTES,
        within_budget: within,
        first_row_ms: js.firstRowMs,
        files: js.untilFirstRow,
        deferred_files: js.after,
        before_paint_gzip_bytes: beforeShell.gzipBytes,
      },
      lighthouse: { version: '12', targets: { score: TARGET_SCORE, lcp_ms: TARGET_LCP_MS }, runs },
    };
    await writeJson('web', results);
    console.log('wrote bench/results/web.json');
  } finally {
    await server.stop();
  }
}

// Exits once done: idle keep-alive sockets (Node's fetch, Playwright's driver) would otherwise hold the process for seconds.
main().then(() => process.exit(), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
