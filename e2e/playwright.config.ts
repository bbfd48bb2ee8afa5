import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { baseURL, DEV_PORT, devBaseURL, PORT } from './ports';

/**
 * Browser tests against the real built server (`npm run build` first; `npm test` does it) in
 * embedded-catalog mode with a fresh database, driven in Debian's Chromium.
 *
 * A second server on the next port serves the web app built as React's development build, where
 * StrictMode runs every effect twice: `dev-build.spec.ts` runs there (project "development build").
 */
const repoRoot = path.resolve(import.meta.dirname, '..');
const devBuild = path.join(tmpdir(), `marquee-e2e-web-development-${DEV_PORT}`);

/** The server's environment: embedded catalog, fresh database, nothing from the developer's shell. */
const serverEnv = (port: number) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  // A fresh database per run: the journeys create accounts and lists from nothing.
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'marquee-e2e-')),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
  DATABASE_URL: '',
  REDIS_URL: '',
  TMDB_API_KEY: '',
  TMDB_ACCESS_TOKEN: '',
  // Where a TMDB credential the owner enters is checked: a closed local port, so the check fails fast and offline.
  TMDB_BASE_URL: 'http://127.0.0.1:9/3',
  JWT_SECRET: '',
});

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Registers the instance's owner first, so every journey's account is a member.
  globalSetup: './global-setup.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'production build', testIgnore: '**/dev-build.spec.ts' },
    { name: 'development build', testMatch: '**/dev-build.spec.ts', use: { baseURL: devBaseURL } },
  ],
  webServer: [
    {
      command: 'node server/dist/main.js',
      cwd: repoRoot,
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: serverEnv(PORT),
    },
    {
      // `--mode development` is the one way to a development bundle (web/vite.config.ts).
      command: `npx vite build --mode development --outDir ${devBuild} --emptyOutDir --logLevel error && node ../server/dist/main.js`,
      cwd: path.join(repoRoot, 'web'),
      url: `${devBaseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...serverEnv(DEV_PORT), WEB_DIST: devBuild },
    },
  ],
});
