import type { Migration } from './index.js';

export const m0010Initial: Migration = {
  version: 10,
  name: 'initial queue, staff and device schema',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1),
        name_zh TEXT NOT NULL,
        name_bo TEXT NOT NULL,
        name_ug TEXT NOT NULL,
        number_from INTEGER NOT NULL DEFAULT 1,
        number_to INTEGER NOT NULL DEFAULT 999 CHECK (number_to <= 999 AND number_to >= number_from),
        average_minutes REAL NOT NULL DEFAULT 10,
        open_from TEXT NOT NULL DEFAULT '00:00',
        open_to TEXT NOT NULL DEFAULT '24:00',
        active INTEGER NOT NULL DEFAULT 1,
        sort_order INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE counters (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_bo TEXT NOT NULL,
        name_ug TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'paused')),
        staff_id TEXT REFERENCES staff(id),
        languages TEXT NOT NULL DEFAULT '[]',
        current_ticket_id TEXT
      );

      CREATE TABLE counter_services (
        counter_id TEXT NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        weight INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (counter_id, service_id)
      );

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('kiosk', 'display')),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        service_id TEXT NOT NULL REFERENCES services(id),
        issued_service_id TEXT NOT NULL REFERENCES services(id),
        number INTEGER NOT NULL,
        code TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('zh', 'bo', 'ug')),
        priority INTEGER NOT NULL DEFAULT 0,
        kiosk_id TEXT REFERENCES devices(id),
        state TEXT NOT NULL CHECK (state IN ('issued', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred')),
        issued_at INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        target_counter_id TEXT REFERENCES counters(id),
        counter_id TEXT REFERENCES counters(id),
        call_count INTEGER NOT NULL DEFAULT 0,
        first_called_at INTEGER,
        last_called_at INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        -- Numbers never repeat within a service and day, whatever the code above does.
        UNIQUE (day, issued_service_id, number)
      );
      CREATE INDEX tickets_waiting ON tickets (day, state, service_id);
      CREATE INDEX tickets_finished ON tickets (service_id, finished_at) WHERE state = 'done';
      CREATE INDEX tickets_called ON tickets (day, last_called_at) WHERE last_called_at IS NOT NULL;

      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        at INTEGER NOT NULL,
        verb TEXT NOT NULL,
        counter_id TEXT,
        staff_id TEXT,
        detail TEXT
      );
      CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );

      -- A kiosk sends one key per resident's tap-session: replays return the same ticket.
      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
      );

      CREATE TABLE login_failures (
        username TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_failures_user ON login_failures (username, at);
    `);
  },
};
