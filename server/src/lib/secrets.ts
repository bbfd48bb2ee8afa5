/**
 * The JWT signing secret: `JWT_SECRET` when set, else a random one generated once and kept in
 * DATA_DIR (embedded database). With PostgreSQL the generated secret lives in the database instead,
 * so every instance agrees (main.ts; `proposedJwtSecret` offers what this DATA_DIR already holds).
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function resolveJwtSecret(config: { jwtSecret: string | null; dataDir: string }): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // Written whole to a private file, then linked into place: `link` fails if another process
  // created the secret first (keep theirs), and nobody can ever read a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  } finally {
    await unlink(draft).catch(() => {});
  }
}

/** A secret to offer the database: the one DATA_DIR holds from before (tokens stay valid), else a new one. */
export async function proposedJwtSecret(dataDir: string): Promise<string> {
  try {
    const stored = (await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return randomBytes(48).toString('base64url');
}
