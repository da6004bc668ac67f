import type { Migration } from './index.js';

/**
 * Forms: versioned definitions (data, as in ODK), submissions with the personal answers
 * sealed apart from the rest (AES-256-GCM, electron/server/forms/personalData.ts), and the
 * form a service's tickets carry.
 */
export const m0050Forms: Migration = {
  version: 50,
  name: 'forms and submissions',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE form_definitions (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        -- JSON of FormDefinition (electron/core/forms/definition.ts)
        definition TEXT NOT NULL,
        -- the newest active version is the one served
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        PRIMARY KEY (id, version)
      );

      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        ticket_id TEXT REFERENCES tickets(id),
        -- zh | bo | ug
        language TEXT NOT NULL,
        -- 'kiosk' | 'staff'
        filled_by TEXT NOT NULL,
        -- device id or staff id
        filler_id TEXT,
        created_at INTEGER NOT NULL,
        -- hall-local YYYY-MM-DD
        day TEXT NOT NULL,
        -- JSON {code: value} of the NON-personal answers only
        answers TEXT NOT NULL,
        -- AES-256-GCM of JSON {code: value} of the personal answers (null when none / purged)
        sealed BLOB,
        key_id TEXT,
        reviewed_by TEXT,
        reviewed_at INTEGER,
        -- set by the export when delivery is confirmed
        exported_at INTEGER,
        export_batch_id TEXT,
        -- personal part erased by retention
        purged_at INTEGER
      );
      -- The counter looks a submission up by its ticket; one per ticket and form.
      CREATE UNIQUE INDEX submissions_ticket_form ON submissions (ticket_id, form_id) WHERE ticket_id IS NOT NULL;
      CREATE INDEX submissions_day ON submissions (day);
      -- Retention scans only exported, not yet purged submissions.
      CREATE INDEX submissions_due ON submissions (exported_at) WHERE exported_at IS NOT NULL AND purged_at IS NULL;

      ALTER TABLE services ADD COLUMN form_id TEXT;
    `);
  },
};
