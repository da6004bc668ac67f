// The hall server's composition root: one SQLite file, the core use cases, the HTTP +
// WebSocket front door. Used by `npm run serve` (electron/cli/serve.ts) and by the Electron
// main process in the `hall` role, with the same code.
// First: raises libuv's thread pool before anything uses it (why: ./threadpool.ts).
import './threadpool.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_KIOSK_LIMITS, type KioskLimitRule } from '../core/kioskLimits.js';
import type { LocalizedText } from '../core/model.js';
import type { Clock, HallDeps } from '../core/ports.js';
import { AuditStore } from '../store/auditStore.js';
import { AuthStore } from '../store/authStore.js';
import { Database } from '../store/db.js';
import { SqliteHallStore } from '../store/hallStore.js';
import { TranslationStore } from '../store/translationStore.js';
import { migrate, MIGRATIONS } from '../store/migrations/index.js';
import { createPrinting } from '../print/index.js';
import { useTicketLabels } from '../print/labels.js';
import { defaultAppPaths, type AppPaths } from './appPaths.js';
import { AuditLog } from './audit.js';
import { AuthService, DEFAULT_LOGIN_LIMITS, MIN_PASSWORD_LENGTH, type LoginLimits } from './auth.js';
import type { ServerConfig, ServerContext } from './context.js';
import { DEMO_HALL_NAME, seedDemoHall } from './demoHall.js';
import { startupFault } from './startupFaults.js';
import { prepareDataKey } from './forms/dataKeyCheck.js';
import { createForms, keySetupFor, startForms } from './forms/index.js';
import { HostAllowList, localAddresses } from './http/hostCheck.js';
import { createListener, DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUTS, type ConnectionLimits, type ServerTimeouts } from './http/listener.js';
import { registerRoutes } from './http/routes/index.js';
import { startExport } from './export/index.js';
import { Router, type RouteInfo } from './http/router.js';
import { bearerToken, createRequestHandler } from './http/server.js';
import { LocaleCatalog } from './localeCatalog.js';
import { createLogger } from './logger.js';
import { tightenDataDir } from './privateFiles.js';
import { PHONE_EVENTS_PATH } from './phoneHub.js';
import type { AddressLimits } from './phone/addressLimiter.js';
import { createResidentSide } from './phone/residentSide.js';
import { KioskLimiter } from './kioskLimits.js';
import { ensureHallTls, type HallTls } from './tls/hallCa.js';
import { auditTlsChange } from './tls/tlsAudit.js';
import { EventHub } from './ws.js';

/** Thrown by startHallServer when the personal-data key of the stored records is not there. */
export { DataKeyMissingError } from './forms/dataKeyCheck.js';

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
  /** Headless: the personal-data key file (default <dataDir>/keys/personal-data.key); keep it off the data disk. */
  keyFile?: string;
  /** Serve HTTPS/WSS with the hall CA in <dataDir>/tls (made on first start). */
  tls?: boolean;
  /** Front-door timeouts (tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
  /** Connection caps: all sockets, and per client address. */
  connections?: Partial<ConnectionLimits>;
  /** Password-check slots and per-address login attempts. */
  loginLimits?: Partial<LoginLimits>;
  /** WebSocket ping and credential re-check interval. */
  heartbeatMs?: number;
  /** Tickets per minute per kiosk and each kiosk's daily share of a service's numbers. */
  kioskLimits?: Partial<KioskLimitRule>;
  /** Phone status streams: request bucket and stream caps per address and in all (tests raise the bucket). */
  phoneLimits?: Partial<AddressLimits>;
}

export interface HallServer {
  url: string;
  context: ServerContext;
  /** Pairing links created at this start (first start, or with pair: true). */
  pairing: { kiosk: string; display: string } | null;
  /** Every endpoint with its access rule (for the role-check and fuzz tests). */
  routes: RouteInfo[];
  /** The hall CA and server certificate when started with tls, else null. */
  tls: HallTls | null;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };

export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const paths = options.paths ?? defaultAppPaths();
  const announce = options.announce ?? ((line: string) => console.log(line));
  // Checked before anything opens: a short admin password refuses the start, with the reason.
  const givenAdminPassword = options.adminPassword ?? process.env.HALL_ADMIN_PASSWORD;
  if (givenAdminPassword !== undefined && givenAdminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`HALL_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters (as for staff passwords); it has ${givenAdminPassword.length}.`);
  }
  // 0700 folders and 0600 files, also for a data directory an older build left readable.
  tightenDataDir(options.dataDir);
  const { log, close: closeLog } = await createLogger(options.dataDir, options.logLevel ?? process.env.HALL_LOG_LEVEL ?? 'info');
  const db = await Database.open(join(options.dataDir, 'hall.sqlite3'));
  const version = await migrate(db, MIGRATIONS, Infinity, (v) => startupFault(`migration-${v}`));
  // The personal-data key is checked before anything else is made: a missing key stops the
  // start (DataKeyMissingError, one sentence with the key id and the path) and creates nothing.
  let neededKeyIds: string[];
  try {
    neededKeyIds = await prepareDataKey(keySetupFor(options.dataDir, options.keyFile), db, options.dataDir);
  } catch (e) {
    await db.close();
    await closeLog();
    throw e;
  }
  const store = new SqliteHallStore(db);
  const clock = options.clock ?? systemClock;
  const auth = new AuthService(new AuthStore(db), clock, { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits });
  const hub = new EventHub(store.reads, clock, (e) => log.error({ err: e }, 'event hub'), {
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    stillValid: (held) => auth.stillValid(held),
  });
  // Logout, device revocation, staff disable and password reset close the sockets at once.
  auth.onCredentialRevoked((c) => hub.closeFor(c));
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
  // The resident's side (phones, ratings); its served() is read per request, after listen().
  const resident = await createResidentSide({
    db,
    deps,
    served: () => ({ scheme: options.tls ? 'https' : 'http', port: config.port }),
    onError: (e) => log.error({ err: e }, 'phone hub'),
    ...(options.phoneLimits ? { limits: options.phoneLimits } : {}),
  });
  // Forms: personal-data cipher (key file or the shell's keyring), definitions, submissions.
  const forms = createForms({ db, hall: store, clock, ids: deps.ids, audit, log, dataDir: options.dataDir, resourcesDir: paths.resources, keyFile: options.keyFile, neededKeyIds, locales });
  const context: ServerContext = { config, db, store, deps, auth, audit, hub, log, printing: null, locales, resident, ...forms };
  context.printing = await createPrinting({ config, db, deps, log, publish: (e) => hub.sendStaff(e) });

  const seeded = await seedDemoHall(store);
  if (seeded) log.info('demo hall created');
  startupFault('demo-hall');
  context.retention = await startForms(context, { resourcesDir: paths.resources, audit, clock, log });
  if ((await auth.countAdmins()) === 0) {
    const given = options.adminPassword ?? process.env.HALL_ADMIN_PASSWORD;
    const password = given ?? randomBytes(12).toString('base64url');
    await auth.createStaff('admin', password, 'admin');
    log.info('admin account created');
    if (!given) announce(`Admin account created: username "admin", password "${password}" (shown once; change it on the admin page).`);
  }

  // TLS: the certificate names every address and name this machine answers on.
  const tls = options.tls
    ? await ensureHallTls(options.dataDir, [...localAddresses().map((a) => a.replace(/^\[|\]$/g, '')), hostname(), ...config.allowedHosts, config.host])
    : null;
  // HALL_KIOSK_TICKETS_PER_MINUTE: for load benches that issue from one kiosk.
  const envRate = Number(process.env.HALL_KIOSK_TICKETS_PER_MINUTE);
  context.kioskLimits = new KioskLimiter(db, clock, {
    ...DEFAULT_KIOSK_LIMITS,
    ...(Number.isInteger(envRate) && envRate > 0 ? { perMinute: envRate } : {}),
    ...options.kioskLimits,
  });
  const router = new Router();
  registerRoutes(router, context, { assets: paths.assets, fonts: join(paths.resources, 'fonts') });
  const hosts = new HostAllowList([...localAddresses(), ...config.allowedHosts], config.port);
  // Phones reach the hall by its public address (admin page): that name must pass the Host check.
  resident.publicAddress.onHost((name) => hosts.allow(name));
  const handle = createRequestHandler({ router, auth, hosts, messages: locales.errorMessages(), log });

  if (tls) {
    context.tls = tls;
    await auditTlsChange(audit, tls);
    for (const n of tls.names) if (!hosts.hostAllowed(n)) log.warn({ name: n }, 'certificate name not in the Host allow-list');
    if (!tls.caNameConstrained) {
      log.warn('the hall CA has no name constraints (made by an older build): a copy of tls/ca.key could vouch for any website; see README "TLS" to re-issue it');
    }
  }
  const server: Server = createListener(
    {
      timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
      limits: { ...DEFAULT_CONNECTION_LIMITS, ...options.connections },
      tls: tls ? { key: tls.keyPem, cert: tls.certChainPem } : null,
    },
    (req, res) => void handle(req, res),
  );
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://hall.invalid');
      const refuse = (status: number, text: string) => {
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      // A resident's phone: public, one ticket, its own small hub (never the staff hub).
      const phone = PHONE_EVENTS_PATH.exec(url.pathname);
      if (phone) {
        if (!hosts.hostAllowed(req.headers.host) || !hosts.originAllowed(req.headers.origin)) return refuse(403, 'Forbidden');
        let ref: string;
        try {
          ref = decodeURIComponent(phone[1]!);
        } catch {
          return refuse(404, 'Not Found');
        }
        return resident.phones.upgrade(req, socket, head, ref, refuse);
      }
      if (url.pathname !== '/api/events') return refuse(404, 'Not Found');
      if (!hosts.hostAllowed(req.headers.host) || !hosts.originAllowed(req.headers.origin)) return refuse(403, 'Forbidden');
      // Browsers cannot set headers on a WebSocket, so the token may come in the query.
      const { principal, held } = await auth.credential(url.searchParams.get('token') ?? bearerToken(req.headers));
      if (principal.kind === 'anonymous') return refuse(401, 'Unauthorized');
      // The socket remembers its credential: it closes on logout, expiry or revocation.
      hub.accept(req, socket, head, principal, held);
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
  const url = `${tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  let pairing: HallServer['pairing'] = null;
  if (seeded || options.pair) {
    for (const d of await auth.listDevices()) {
      if (!d.name.startsWith('Demo ') || d.revokedAt !== null) continue;
      await auth.revokeDevice(d.id);
      await audit.record('system', { action: 'setup.device.revoke', target: d.id, detail: { name: d.name, role: d.role, via: 'start --pair', before: { revoked: false }, after: { revoked: true } } });
    }
    const kiosk = await auth.createDevice('kiosk', 'Demo kiosk');
    const display = await auth.createDevice('display', 'Demo display');
    // Pairing links are printed on the console; the trail keeps that devices were made, never their tokens.
    for (const { device } of [kiosk, display]) {
      await audit.record('system', { action: 'setup.device.create', target: device.id, detail: { before: null, after: { role: device.role, name: device.name }, via: 'start --pair' } });
    }
    pairing = { kiosk: `${url}/kiosk#token=${kiosk.token}`, display: `${url}/display#token=${display.token}` };
  }
  log.info({ port, schema: version }, 'hall server started');
  // The day's close and the export's schedule; a missed night's run catches up now.
  const exporter = startExport(context);

  let closing: Promise<void> | null = null;
  return {
    url,
    context,
    pairing,
    routes: router.list(),
    tls,
    close() {
      closing ??= (async () => {
        hub.close();
        exporter.close();
        await exporter.startup;
        resident.phones.close();
        await context.printing?.close();
        await context.retention?.stop();
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
