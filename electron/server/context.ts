// What every route module receives. Built once in hallServer.ts (the composition root).
import type { Logger } from 'pino';
import type { Language, LocalizedText, ServiceItem, Ticket } from '../core/model.js';
import type { HallDeps } from '../core/ports.js';
import type { QueueInfo } from '../core/usecases/queueInfo.js';
import type { Database } from '../store/db.js';
import type { SqliteHallStore } from '../store/hallStore.js';
import type { AuditLog } from './audit.js';
import type { AuthService } from './auth.js';
import type { FormCatalog } from './forms/catalog.js';
import type { FormAdmin } from './forms/formAdmin.js';
import type { PersonalDataCipher } from './forms/personalData.js';
import type { RetentionJob } from './forms/retentionJob.js';
import type { Submissions } from './forms/submissions.js';
import type { LocaleCatalog } from './localeCatalog.js';
import type { ResidentSide } from './phone/residentSide.js';
import type { KioskLimiter } from './kioskLimits.js';
import type { HallTls } from './tls/hallCa.js';
import type { EventHub } from './ws.js';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** The app's resources folder (fonts, locales, voice packs); differs in a packaged app. */
  resourcesDir: string;
  /** Extra host names (besides loopback and this machine's addresses) allowed in Host/Origin. */
  allowedHosts: string[];
  hallName: LocalizedText;
  /** Printer address: tcp://host:port or a device path; null for none. */
  printer: string | null;
  paperWidth: 576 | 384;
}

/** What the kiosk learns about the print of a freshly issued ticket. */
export interface PrintOutcome {
  state: 'none' | 'queued' | 'printed' | 'failed';
  reason?: string;
}

export interface PrintJobInput {
  ticket: Ticket;
  service: ServiceItem;
  info: QueueInfo;
  language: Language;
  /** The phone status link (/t/<ref>) the ticket's QR carries. */
  statusUrl?: string;
}

/** Filled by electron/print; null while no printer is set up. */
export interface PrintingPort {
  /** Enqueues the ticket's print; resolves within timeoutMs with the best known outcome. */
  printIssued(job: PrintJobInput, timeoutMs: number): Promise<PrintOutcome>;
  close(): Promise<void>;
}

export interface ServerContext {
  config: ServerConfig;
  db: Database;
  store: SqliteHallStore;
  deps: HallDeps;
  auth: AuthService;
  /** The append-only audit log (logins, setup changes, personal-data reads, exports, purges). */
  audit: AuditLog;
  hub: EventHub;
  log: Logger;
  /** Locale texts as shipped plus the hall's reviewed overrides (pages, errors, tickets). */
  locales: LocaleCatalog;
  /** Per-kiosk ticket rate and daily share per service (POST /api/tickets); absent in unit set-ups. */
  kioskLimits?: KioskLimiter;
  /** The hall CA and server certificate when the server runs with TLS (GET /api/tls/ca.pem). */
  tls?: HallTls | null;
  /** Set by the printing module at start-up; routes treat null as "no printer". */
  printing: PrintingPort | null;
  /** Seals and opens residents' personal answers (AES-256-GCM; keyring or key file). */
  personalData: PersonalDataCipher;
  /** Form definitions: get(id, version), active(). */
  forms: FormCatalog;
  /** Submit, read (audited), replace, review; `submissions.store` for the export. */
  submissions: Submissions;
  /** Workbook import/export, activation, retention setting, shipped-form seed. */
  formAdmin: FormAdmin;
  /** Purges personal answers after the retention period; runNow() for tests and the export. */
  retention: RetentionJob | null;
  /** Phone references and status, the phone hub, ratings, the hall's public address. */
  resident: ResidentSide;
}
