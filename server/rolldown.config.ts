/**
 * The server as `npm start` runs it: one ES module, `dist/main.js`, holding our code and the
 * JavaScript libraries it imports. Node then reads and compiles one file at start instead of
 * ~450 (restart to ready, bench/README.md). `tsc -b` still checks every type; it emits nothing.
 *
 * Left outside the bundle, loaded from node_modules at run time: packages that find their own
 * files next to their code (PGlite's WebAssembly and data files, argon2's native binding, pino's
 * transport workers) and the API reference, imported on the first visit to `/api/docs`.
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'src/main.ts',
  platform: 'node',
  external: [/^@electric-sql\/pglite(\/|$)/, /^@node-rs\/argon2(\/|$)/, /^pino(-pretty)?$/, 'thread-stream', /^@scalar\//, 'pg-native'],
  output: { file: 'dist/main.js', format: 'esm', sourcemap: true },
});
