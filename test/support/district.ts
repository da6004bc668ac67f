// Test helpers for the district: a real district server over a real embedded PostgreSQL in a
// temp dir (one per test file: the cluster starts in a few seconds), and its admin token.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { Database } from '../../electron/district/db/database.js';
import { startEmbedded, type EmbeddedHandle } from '../../electron/district/db/embedded.js';
import { startDistrictServer, type DistrictOptions, type DistrictServer } from '../../electron/district/districtServer.js';
import { login, tempDir } from './hall.js';

export const DISTRICT_ADMIN_PASSWORD = 'district-admin-password';

export interface TestDistrict {
  server: DistrictServer;
  url: string;
  dataDir: string;
  dropFolder: string;
  adminToken: string;
  /** Stops the server (and its PostgreSQL) but keeps the data dir. */
  stop(): Promise<void>;
  remove(): void;
}

export async function startTestDistrict(opts: Partial<DistrictOptions> = {}): Promise<TestDistrict> {
  const tmp = opts.dataDir ? null : tempDir('district-test-');
  // PostgreSQL runs as its own user when the tests run as root: it must reach the data dir.
  if (tmp) chmodSync(tmp.dir, 0o711);
  const dataDir = opts.dataDir ?? join(tmp!.dir, 'district');
  const dropFolder = opts.dropFolder ?? join(tmp?.dir ?? dataDir, 'drop');
  const server = await startDistrictServer({
    host: '127.0.0.1',
    port: 0,
    adminPassword: DISTRICT_ADMIN_PASSWORD,
    logLevel: 'warn',
    dropIntervalMs: 3_600_000,
    ...opts,
    dataDir,
    dropFolder,
  });
  const adminToken = await login(server.url, 'admin', DISTRICT_ADMIN_PASSWORD);
  return { server, url: server.url, dataDir, dropFolder, adminToken, stop: () => server.close(), remove: () => tmp?.remove() };
}

/**
 * One embedded PostgreSQL for a test file (started in `before`, stopped in `after`), with a
 * Database on it: for tests of the district's migrations and SQL without its HTTP server.
 */
export function embeddedDistrictDb(prefix: string): { readonly db: Database } {
  const tmp = tempDir(prefix);
  let pg: EmbeddedHandle | undefined;
  let db: Database | undefined;
  before(async () => {
    // The server runs as its own user, which must reach its folder.
    chmodSync(tmp.dir, 0o711);
    pg = await startEmbedded(join(tmp.dir, 'd'), () => undefined);
    db = new Database(pg.url);
  });
  after(async () => {
    await db?.close();
    await pg?.stop();
    tmp.remove();
  });
  return {
    get db(): Database {
      if (!db) throw new Error('the embedded PostgreSQL is not started yet (use it inside a test)');
      return db;
    },
  };
}
