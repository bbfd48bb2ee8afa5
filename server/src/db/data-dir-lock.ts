/**
 * One process per embedded data directory. PGlite keeps the whole database in one process's
 * memory and writes it back to DATA_DIR: a second process on the same directory would silently
 * overwrite the first one's writes. `DATA_DIR/marquee.lock` is created exclusively and holds the
 * owner's pid; a lock whose process is gone (killed with `kill -9`, a crashed container whose pid
 * is now our own) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'marquee.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dir} is in use by another Marquee process (pid ${pid}); only one process may use an embedded database`);
  }
}

export interface DataDirLock {
  release(): void;
}

/** True when a process with this pid exists (and is not this process). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dir` or throws DataDirInUseError naming the process that holds it. */
export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      } catch {
        // Removed meanwhile, or unreadable: try again.
      }
      if (isRunning(holder)) throw new DataDirInUseError(dir, holder);
      // Stale: its process is gone.
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      },
    };
  }
  throw new Error(`could not take the lock ${file}`);
}
