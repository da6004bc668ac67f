// The hall server's composition root: one SQLite file, the core use cases, the HTTP +
// WebSocket front door. Used by `npm run serve` (electron/cli/serve.ts) and by the Electron
// main process in the `hall` role, with the same code.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LocalizedText } from '../core/model.js';
import type { Clock, HallDeps } from '../core/ports.js';
import { AuditStore } from '../store/auditStore.js';
import { AuthStore } from '../store/authStore.js';
import { Database } from '../store/db.js';
import { SqliteHallStore } from '../store/hallStore.js';
import { TranslationStore } from '../store/translationStore.js';
import { migrate } from '../store/migrations/index.js';
import { createPrinting } from '../print/index.js';
import { useTicketLabels } from '../print/labels.js';
import { defaultAppPaths, type AppPaths } from './appPaths.js';
import { AuditLog } from './audit.js';
import { AuthService } from './auth.js';
import type { ServerConfig, ServerContext } from './context.js';
import { DEMO_HALL_NAME, seedDemoHall } from './demoHall.js';
import { HostAllowList, localAddresses } from './http/hostCheck.js';
import { registerRoutes } from './http/routes/index.js';
import { Router, type RouteInfo } from './http/router.js';
import { bearerToken, createRequestHandler } from './http/server.js';
import { LocaleCatalog } from './localeCatalog.js';
import { createLogger } from './logger.js';
import { EventHub } from './ws.js';

export interface HallServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
  printer?: string | null;
  paperWidth?: 576 | 384;
  allowedHosts?: string[];
  /** Admin password for a new data directory; otherwise HALL_ADMIN_PASSWORD or a random one. */
  adminPassword?: string;
  hallName?: LocalizedText;
  paths?: AppPaths;
  logLevel?: string;
  clock?: Clock;
  /** Issue fresh pairing tokens for the demo kiosk and display (their old ones stop working). */
  pair?: boolean;
  /** Where one-time notices (admin password, pairing links) are printed. */
  announce?: (line: string) => void;
}

export interface HallServer {
  url: string;
  context: ServerContext;
  /** Pairing links created at this start (first start, or with pair: true). */
  pairing: { kiosk: string; display: string } | null;
  /** Every endpoint with its access rule (for the role-check and fuzz tests). */
  routes: RouteInfo[];
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };

export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const paths = options.paths ?? defaultAppPaths();
  const announce = options.announce ?? ((line: string) => console.log(line));
  mkdirSync(options.dataDir, { recursive: true });
  const { log, close: closeLog } = await createLogger(options.dataDir, options.logLevel ?? process.env.HALL_LOG_LEVEL ?? 'info');
  const db = await Database.open(join(options.dataDir, 'hall.sqlite3'));
  const version = await migrate(db);
  const store = new SqliteHallStore(db);
  const clock = options.clock ?? systemClock;
  const auth = new AuthService(new AuthStore(db), clock);
  const hub = new EventHub(store.reads, clock, (e) => log.error({ err: e }, 'event hub'));
  const deps: HallDeps = { store, clock, ids: { newId: () => randomUUID() }, events: hub };

  const config: ServerConfig = {
    host: options.host ?? '0.0.0.0',
    port: options.port ?? 8080,
    dataDir: options.dataDir,
    resourcesDir: paths.resources,
    allowedHosts: options.allowedHosts ?? [],
    hallName: options.hallName ?? DEMO_HALL_NAME,
    printer: options.printer ?? null,
    paperWidth: options.paperWidth ?? 576,
  };
  const audit = new AuditLog(new AuditStore(db), clock);
  // Reviewed translations: one merged view for pages, error messages and printed tickets.
  const locales = new LocaleCatalog(paths.resources, new TranslationStore(db));
  await locales.reload();
  useTicketLabels((lang) => locales.mergedLocale(lang, 'ticket'));
  const context: ServerContext = { config, db, store, deps, auth, audit, hub, log, printing: null, locales };
  context.printing = await createPrinting({ config, db, deps, log, publish: (e) => hub.sendStaff(e) });

  const seeded = await seedDemoHall(store);
  if (seeded) log.info('demo hall created');
  if ((await auth.countAdmins()) === 0) {
    const given = options.adminPassword ?? process.env.HALL_ADMIN_PASSWORD;
    const password = given ?? randomBytes(12).toString('base64url');
    await auth.createStaff('admin', password, 'admin');
    log.info('admin account created');
    if (!given) announce(`Admin account created: username "admin", password "${password}" (shown once; change it on the admin page).`);
  }

  const router = new Router();
  registerRoutes(router, context, { assets: paths.assets, fonts: join(paths.resources, 'fonts') });
  const hosts = new HostAllowList([...localAddresses(), ...config.allowedHosts], config.port);
  const handle = createRequestHandler({ router, auth, hosts, messages: locales.errorMessages(), log });

  const server: Server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, maxHeaderSize: 16 * 1024 }, (req, res) => {
    void handle(req, res);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://hall.invalid');
      const refuse = (status: number, text: string) => {
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      if (url.pathname !== '/api/events') return refuse(404, 'Not Found');
      if (!hosts.hostAllowed(req.headers.host) || !hosts.originAllowed(req.headers.origin)) return refuse(403, 'Forbidden');
      // Browsers cannot set headers on a WebSocket, so the token may come in the query.
      const principal = await auth.principal(url.searchParams.get('token') ?? bearerToken(req.headers));
      if (principal.kind === 'anonymous') return refuse(401, 'Unauthorized');
      hub.accept(req, socket, head, principal);
    })().catch((e: unknown) => {
      log.error({ err: e }, 'upgrade failed');
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  config.port = port;
  hosts.setPort(port);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  let pairing: HallServer['pairing'] = null;
  if (seeded || options.pair) {
    for (const d of await auth.listDevices()) if (d.name.startsWith('Demo ') && d.revokedAt === null) await auth.revokeDevice(d.id);
    const kiosk = await auth.createDevice('kiosk', 'Demo kiosk');
    const display = await auth.createDevice('display', 'Demo display');
    pairing = { kiosk: `${url}/kiosk#token=${kiosk.token}`, display: `${url}/display#token=${display.token}` };
  }
  log.info({ port, schema: version }, 'hall server started');

  let closing: Promise<void> | null = null;
  return {
    url,
    context,
    pairing,
    routes: router.list(),
    close() {
      closing ??= (async () => {
        hub.close();
        await context.printing?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await db.close();
        log.info('hall server stopped');
        await closeLog();
      })();
      return closing;
    },
  };
}
