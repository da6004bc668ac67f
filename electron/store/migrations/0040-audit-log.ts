import type { Migration } from './index.js';

/**
 * One append-only audit log for the whole hall: logins, setup changes, reads of personal
 * data, exports and purges. Triggers refuse UPDATE and DELETE, so not even a bug in the
 * server can rewrite history.
 */
export const m0040AuditLog: Migration = {
  version: 40,
  name: 'append-only audit log',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        -- 'staff' | 'device' | 'system' | 'anonymous'
        actor_kind TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_target ON audit_log (action, target);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
