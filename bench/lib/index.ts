/** The shared benchmark harness: start the built server, a bare baseline, run wrk, compare, save. */
export { freePort } from './ports.js';
export { startServer, type RunningServer, type StartOptions } from './server.js';
export { snapshot, startBare, type BareServer, type Snapshot } from './bare.js';
export { parseWrk, runWrk, wrkOutput, type WrkOptions, type WrkResult } from './wrk.js';
export { compare, median, type Comparison, type Target } from './compare.js';
export { machine, repoRoot, writeJson, writeResults } from './results.js';
