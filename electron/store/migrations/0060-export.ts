import type { Migration } from './index.js';

/**
 * The nightly export to the district and the day's close.
 *
 * - tickets.state admits `expired` (a ticket still waiting, called or served when its day
 *   closed). SQLite cannot alter a CHECK, and a table rebuild needs foreign keys off
 *   (ticket_events, idempotency_keys, print_jobs and submissions reference tickets), which
 *   cannot change inside a migration's transaction. The CHECK text is widened in the schema
 *   instead: every existing row satisfies the wider check, the case SQLite documents as safe.
 * - An outbox: each exportable record carries exported_at / export_batch_id, set only once
 *   every target confirmed the batch. export_batch_records is the batch's membership,
 *   written before anything is built, so a re-run after a crash rebuilds the same batch.
 * - export_runs: the history shown on the admin page. export_lock: one run at a time, across
 *   processes (the CLI and the server share the database file).
 */
export const m0060Export: Migration = {
  version: 60,
  name: 'export outbox, batches, runs, lock; expired tickets',
  async up(conn) {
    const tickets = await conn.get<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'tickets'`);
    const widened = tickets?.sql.replace(/CHECK\s*\(\s*state\s+IN\s*\(([^)]*)\)\s*\)/, (_m, list: string) => `CHECK (state IN (${list}, 'expired'))`);
    if (!tickets || widened === tickets.sql) throw new Error('migration 0060: the tickets state CHECK was not found');
    await conn.exec('PRAGMA writable_schema = ON');
    try {
      await conn.run(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'tickets'`, [widened!]);
    } finally {
      // RESET bumps the schema cookie, so every connection re-reads the widened CHECK.
      await conn.exec('PRAGMA writable_schema = RESET');
    }

    await conn.exec(`
      ALTER TABLE tickets ADD COLUMN exported_at INTEGER;
      ALTER TABLE tickets ADD COLUMN export_batch_id TEXT;
      -- The outbox scan: final tickets of closed days not yet delivered.
      CREATE INDEX tickets_unexported ON tickets (day, id) WHERE exported_at IS NULL;

      CREATE TABLE export_batches (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        -- the time range of the records inside (epoch ms), for the manifest
        range_from INTEGER,
        range_to INTEGER,
        status TEXT NOT NULL CHECK (status IN ('building', 'built', 'delivered')),
        -- JSON {file: count}; set when built
        counts TEXT,
        file_path TEXT,
        file_sha256 TEXT,
        file_size INTEGER,
        built_at INTEGER,
        delivered_at INTEGER
      );
      CREATE UNIQUE INDEX export_batches_one_open ON export_batches ((status <> 'delivered')) WHERE status <> 'delivered';

      -- Which record belongs to which batch. A record is in at most one batch.
      CREATE TABLE export_batch_records (
        batch_id TEXT NOT NULL REFERENCES export_batches(id),
        kind TEXT NOT NULL CHECK (kind IN ('ticket', 'submission', 'rating')),
        record_id TEXT NOT NULL,
        PRIMARY KEY (batch_id, kind, record_id),
        UNIQUE (kind, record_id)
      ) WITHOUT ROWID;

      -- One row per (batch, target) that confirmed receipt.
      CREATE TABLE export_confirmations (
        batch_id TEXT NOT NULL REFERENCES export_batches(id),
        target TEXT NOT NULL,
        confirmed_at INTEGER NOT NULL,
        detail TEXT,
        PRIMARY KEY (batch_id, target)
      );

      CREATE TABLE export_runs (
        id TEXT PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        -- 'scheduled' | 'catch-up' | 'manual' | 'cli'
        trigger TEXT NOT NULL,
        batch_id TEXT,
        result TEXT CHECK (result IN ('delivered', 'nothing', 'failed')),
        error TEXT,
        -- JSON {file: count}
        counts TEXT
      );
      CREATE INDEX export_runs_started ON export_runs (started_at);

      CREATE TABLE export_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT,
        expires_at INTEGER
      );
      INSERT INTO export_lock (id, holder, expires_at) VALUES (1, NULL, NULL);
    `);
  },
};
