// Numbered migrations keyed on PRAGMA user_version. Each runs in its own transaction
// together with the user_version bump, so a crash leaves the database at a whole version.
import type { Connection, Database } from '../db.js';
import { m0010Initial } from './0010-initial.js';
import { m0020PrintJobs } from './0020-print-jobs.js';
import { m0030QueueHeadIndex } from './0030-queue-head-index.js';
import { m0040AuditLog } from './0040-audit-log.js';
import { m0085TranslationOverrides } from './0085-translation-overrides.js';
import { m0050Forms } from './0050-forms.js';
import { m0060Export } from './0060-export.js';
import { m0080AdminSetup } from './0080-admin-setup.js';
import { m0090ResidentSide } from './0090-resident-side.js';
import { m0100TicketWaits } from './0100-ticket-waits.js';
import { m0110DataKey } from './0110-data-key.js';

export interface Migration {
  version: number;
  name: string;
  up(conn: Connection): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  m0010Initial,
  m0020PrintJobs,
  m0030QueueHeadIndex,
  m0040AuditLog,
  m0085TranslationOverrides,
  m0050Forms,
  m0060Export,
  m0080AdminSetup,
  m0090ResidentSide,
  m0100TicketWaits,
  m0110DataKey,
];

export async function schemaVersion(conn: Connection): Promise<number> {
  const row = await conn.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** `afterEach` runs after each committed migration (the first-start crash test's fault hook). */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  upTo = Infinity,
  afterEach: (version: number) => void = () => undefined,
): Promise<number> {
  return db.exclusive(async (conn) => {
    let current = await schemaVersion(conn);
    const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
    if (current > latest) {
      throw new Error(`The database is from a newer Hall Kiosk (schema ${current}, this build knows ${latest}).`);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current || m.version > upTo) continue;
      await conn.exec('BEGIN IMMEDIATE');
      try {
        await m.up(conn);
        await conn.exec(`PRAGMA user_version = ${Math.trunc(m.version)}`);
        await conn.exec('COMMIT');
      } catch (e) {
        await conn.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
      current = m.version;
      afterEach(current);
    }
    return current;
  });
}
