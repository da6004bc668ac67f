// Composition root of the district server: PostgreSQL (embedded in <dataDir>/pg, or a given
// URL), migrations, keys, accounts, the intake with its drop folder, and the HTTP routes.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { DistrictAuth } from './auth.js';
import { Database } from './db/database.js';
import { startEmbedded, type EmbeddedHandle } from './db/embedded.js';
import { migrate } from './db/migrations/index.js';
import { ApiRouter, createHandler, loadMessages } from './http/front.js';
import { registerPageRoutes } from './http/pages.js';
import { registerRoutes } from './http/routes.js';
import { AnswerCipher, loadOrCreateDistrictKey } from './keys.js';
import { DropFolder } from './receive/dropFolder.js';
import { Intake } from './receive/intake.js';
import { DEFAULT_RETENTION_DAYS, purgeAnswers } from './sql/retention.js';

export interface DistrictOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  host?: string;
  port?: number;
  districtKeyFile?: string | undefined;
  passphrase?: string | undefined;
  dropFolder?: string | undefined;
  adminPassword?: string | undefined;
  now?: () => number;
  logLevel?: string;
  lateness?: { expectedHourUtc: number; graceHours: number };
  dropIntervalMs?: number;
  resourcesDir?: string;
  /** Days personal answers are kept at the district (default 365). */
  retentionDays?: number;
}

export interface DistrictServer {
  url: string;
  db: Database;
  intake: Intake;
  drop: DropFolder | null;
  router: ApiRouter;
  /** The admin password made on first start (null when given or not the first start). */
  firstAdminPassword: string | null;
  districtFingerprint: string;
  close(): Promise<void>;
}

export async function startDistrictServer(o: DistrictOptions): Promise<DistrictServer> {
  const log = pino({ level: o.logLevel ?? 'info', base: { service: 'district' }, redact: ['token', 'password', '*.password'] });
  const now = o.now ?? Date.now;
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  let embedded: EmbeddedHandle | null = null;
  let url = o.databaseUrl;
  if (!url) {
    embedded = await startEmbedded(o.dataDir, (m) => log.debug({ pg: m }, 'postgres'));
    url = embedded.url;
  }
  const db = new Database(url);
  try {
    await migrate(db);
    const keys = await loadOrCreateDistrictKey({ dataDir: o.dataDir, keyFile: o.districtKeyFile, passphrase: o.passphrase });
    const cipher = AnswerCipher.loadOrCreate(o.dataDir);
    const auth = new DistrictAuth(db, now);
    const firstAdminPassword = await auth.ensureAdmin(o.adminPassword);
    const intake = new Intake({ db, keys, cipher, dataDir: o.dataDir, now, log });
    const router = new ApiRouter();
    registerRoutes(router, { db, auth, keys, cipher, intake, now, lateness: o.lateness ?? { expectedHourUtc: 18, graceHours: 6 } });
    const root = resolve(import.meta.dirname, '../..');
    registerPageRoutes(router, { assets: join(root, 'dist', 'renderer'), fonts: join(o.resourcesDir ?? join(root, 'resources'), 'fonts') });
    const incoming = join(o.dataDir, 'incoming');
    mkdirSync(incoming, { recursive: true, mode: 0o700 });
    const handler = createHandler({
      router,
      auth,
      messages: loadMessages(o.resourcesDir ?? join(root, 'resources')),
      tempFile: () => join(incoming, `${randomUUID()}.part`),
      log,
    });
    const server: Server = createServer((req, res) => void handler(req, res));
    server.requestTimeout = 0;
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(o.port ?? 8090, o.host ?? '127.0.0.1', () => ok());
    });
    const addr = server.address() as { port: number; address: string };
    const host = addr.address.includes(':') ? `[${addr.address}]` : addr.address;
    const drop = o.dropFolder ? new DropFolder(o.dropFolder, intake, log, o.dropIntervalMs) : null;
    drop?.start();
    const retentionDays = o.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const purge = () =>
      purgeAnswers(db, now(), retentionDays).then(
        (n) => n > 0 && log.info({ purged: n, retentionDays }, 'personal answers purged'),
        (e: unknown) => log.error({ err: e }, 'retention purge failed'),
      );
    void purge();
    const purgeTimer = setInterval(() => void purge(), 6 * 3_600_000);
    purgeTimer.unref();
    log.info({ port: addr.port, embedded: embedded !== null, dropFolder: o.dropFolder ?? null }, 'district server listening');
    return {
      url: `http://${host}:${addr.port}`,
      db,
      intake,
      drop,
      router,
      firstAdminPassword,
      districtFingerprint: keys.fingerprint,
      async close() {
        clearInterval(purgeTimer);
        await drop?.stop();
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        await db.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}
