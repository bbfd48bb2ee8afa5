/**
 * The parts a fault is injected into, all real and all private to the suite: a throwaway
 * PostgreSQL cluster (initdb into a temp directory, its own port, run as `postgres` when the suite
 * runs as root), a private redis-server, and the built server as a child process.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const execFileAsync = promisify(execFile);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a command to completion without blocking (the load keeps running meanwhile); throws with its output when it fails. */
async function run(command: string, args: string[], options: { asPostgres?: boolean } = {}): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = options.asPostgres && asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    return (await execFileAsync(file, argv, { encoding: 'utf8', timeout: 90_000 })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr ?? ''}${stdout ?? ''}`);
  }
}

/** The newest PostgreSQL installed (Debian keeps each version under /usr/lib/postgresql/<v>/bin), or the PATH's. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
  if (!initdb) throw new Error('the fault suite needs PostgreSQL server binaries (initdb, pg_ctl)');
  return path.dirname(initdb);
}

export interface PostgresCluster {
  url: string;
  /** `pg_ctl restart -m fast`, waiting until it accepts connections again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP the postmaster and every backend of this cluster (and nothing else). */
  freeze(): void;
  thaw(): void;
  destroy(): Promise<void>;
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = await mkdtemp(path.join(tmpdir(), 'marquee-faults-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { asPostgres: true });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const pgCtl = (...args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args], { asPostgres: true });
  await pgCtl('-o', options, 'start');
  const pids = (): number[] => {
    const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children];
  };
  let frozen: number[] = [];
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await pgCtl('-m', 'fast', '-o', options, 'restart');
    },
    stop: async () => {
      await pgCtl('-m', 'fast', 'stop');
    },
    start: async () => {
      await pgCtl('-o', options, 'start');
    },
    freeze: () => {
      frozen = pids();
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    thaw: () => {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    },
    destroy: async () => {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      try {
        await pgCtl('-m', 'immediate', 'stop');
      } catch {
        // Already stopped.
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}

const mainJs = fileURLToPath(new URL('../../../dist/main.js', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  alive(): boolean;
  /** Resolves once the server has written `text` (`after` characters of output skipped). */
  waitForOutput(text: string, after?: number): Promise<void>;
  stop(): Promise<number | string>;
}

/** Starts the built server; resolves once it logs "marquee ready", rejects if it exits first. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const ready = new Promise<void>((resolve) => {
    const onData = () => {
      if (!output.includes('"msg":"marquee ready: open http://')) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
  });
  const outcome = await Promise.race([ready.then(() => null), exited]);
  if (outcome !== null) throw new Error(`the server exited (${outcome}) before it was ready: ${output.slice(-2000)}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    output: () => output,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    waitForOutput: (text, after = 0) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!output.includes(text, after)) return false;
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          resolve();
          return true;
        };
        if (check()) return;
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        void exited.then(() => reject(new Error(`the server exited before writing "${text}"`)));
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Runs the built server expecting it to refuse to start: its exit code and stderr. Should it start
 * after all, it is stopped and `started` is true.
 */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string; started: boolean }> {
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let started = false;
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => {
    if (!started && chunk.toString().includes('"msg":"marquee ready: open http://')) {
      started = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, started })));
}
