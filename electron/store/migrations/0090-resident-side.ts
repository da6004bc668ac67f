import { newTicketRef } from '../ticketRef.js';
import type { Migration } from './index.js';

/**
 * The resident's side: a public reference per ticket (the phone status page), ratings
 * (好差评) with their follow-ups, and the `rater` device role paired to one counter.
 *
 * The devices table's CHECK only admits kiosk and display. Rebuilding the table would need
 * foreign keys off (tickets reference devices), which cannot change inside a migration's
 * transaction, so the CHECK text is widened in the schema instead: every existing row
 * satisfies the wider check, which is the case SQLite documents as safe for writable_schema.
 */
export const m0090ResidentSide: Migration = {
  version: 90,
  name: 'ticket references, ratings, rater devices',
  async up(conn) {
    await conn.exec(`ALTER TABLE tickets ADD COLUMN ref TEXT`);
    const rows = await conn.all<{ id: string }>('SELECT id FROM tickets');
    for (const r of rows) await conn.run('UPDATE tickets SET ref = ? WHERE id = ?', [newTicketRef(), r.id]);
    await conn.exec(`CREATE UNIQUE INDEX tickets_ref ON tickets (ref)`);

    const devices = await conn.get<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'devices'`);
    const widened = devices?.sql.replace(/CHECK\s*\(\s*role\s+IN\s*\(([^)]*)\)\s*\)/, (_m, list: string) => `CHECK (role IN (${list}, 'rater'))`);
    if (!devices || widened === devices.sql) throw new Error('migration 0090: the devices role CHECK was not found');
    await conn.exec('PRAGMA writable_schema = ON');
    try {
      await conn.run(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'devices'`, [widened!]);
    } finally {
      // RESET bumps the schema cookie, so every connection re-reads the widened CHECK.
      await conn.exec('PRAGMA writable_schema = RESET');
    }
    await conn.exec(`
      ALTER TABLE devices ADD COLUMN counter_id TEXT REFERENCES counters(id);

      CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
        counter_id TEXT,
        staff_id TEXT,
        service_id TEXT NOT NULL,
        day TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        reasons TEXT NOT NULL DEFAULT '[]',
        via TEXT NOT NULL CHECK (via IN ('pad', 'phone')),
        at INTEGER NOT NULL,
        exported_at INTEGER,
        export_batch_id TEXT
      );
      CREATE INDEX ratings_day ON ratings (day);

      CREATE TABLE rating_followups (
        id TEXT PRIMARY KEY,
        rating_id TEXT NOT NULL UNIQUE REFERENCES ratings(id),
        opened_at INTEGER NOT NULL,
        closed_at INTEGER,
        closed_by TEXT,
        note TEXT
      );
      CREATE INDEX rating_followups_open ON rating_followups (opened_at) WHERE closed_at IS NULL;
    `);
  },
};
