import type { Migration } from './index.js';

// One row per printed thing: a ticket (at most one row per ticket, so issuing can never print
// a ticket twice; a reprint re-queues the same row and counts the attempt) or an admin test
// print (no ticket). `layout` is the JSON snapshot that was rendered, for the preview.
export const m0020PrintJobs: Migration = {
  version: 20,
  name: 'print jobs',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        ticket_id TEXT UNIQUE REFERENCES tickets(id),
        kind TEXT NOT NULL CHECK (kind IN ('ticket', 'test')),
        printer TEXT NOT NULL,
        paper_width INTEGER NOT NULL CHECK (paper_width IN (576, 384)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printed', 'failed')),
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        layout TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        printed_at INTEGER,
        CHECK ((kind = 'ticket') = (ticket_id IS NOT NULL)),
        CHECK ((state = 'failed') = (reason IS NOT NULL))
      );
      CREATE INDEX print_jobs_recent ON print_jobs (updated_at);
      CREATE INDEX print_jobs_queued ON print_jobs (state) WHERE state = 'queued';
    `);
  },
};
