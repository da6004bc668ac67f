// Print jobs and the printer settings, in SQLite. Every state change is its own short write
// transaction, so a crash leaves each job in its last committed state.
import type { Database } from './db.js';

export type PrintJobState = 'queued' | 'printed' | 'failed';

export interface PrintJobRecord {
  id: number;
  ticketId: string | null;
  kind: 'ticket' | 'test';
  printer: string;
  paperWidth: 576 | 384;
  state: PrintJobState;
  reason: string | null;
  attempts: number;
  /** The rendered snapshot, as JSON text (validated by electron/print when read). */
  layout: string;
  createdAt: number;
  updatedAt: number;
  printedAt: number | null;
}

interface PrintJobRow {
  id: number;
  ticket_id: string | null;
  kind: 'ticket' | 'test';
  printer: string;
  paper_width: 576 | 384;
  state: PrintJobState;
  reason: string | null;
  attempts: number;
  layout: string;
  created_at: number;
  updated_at: number;
  printed_at: number | null;
}

function toRecord(r: PrintJobRow): PrintJobRecord {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind,
    printer: r.printer,
    paperWidth: r.paper_width,
    state: r.state,
    reason: r.reason,
    attempts: r.attempts,
    layout: r.layout,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    printedAt: r.printed_at,
  };
}

export interface NewPrintJob {
  ticketId: string | null;
  kind: 'ticket' | 'test';
  printer: string;
  paperWidth: 576 | 384;
  layout: string;
  at: number;
}

const SETTINGS_KEY = 'printer';

export class PrintJobStore {
  constructor(private readonly db: Database) {}

  /**
   * Queues the first print of a ticket. Returns the existing job instead when the ticket
   * already has one (UNIQUE ticket_id): issuing twice must not print twice.
   */
  async createJob(j: NewPrintJob): Promise<{ job: PrintJobRecord; created: boolean }> {
    return this.db.write(async (c) => {
      if (j.ticketId !== null) {
        const existing = await c.get<PrintJobRow>('SELECT * FROM print_jobs WHERE ticket_id = ?', [j.ticketId]);
        if (existing) return { job: toRecord(existing), created: false };
      }
      const { lastID } = await c.run(
        `INSERT INTO print_jobs (ticket_id, kind, printer, paper_width, state, reason, attempts, layout, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'queued', NULL, 1, ?, ?, ?)`,
        [j.ticketId, j.kind, j.printer, j.paperWidth, j.layout, j.at, j.at],
      );
      const row = await c.get<PrintJobRow>('SELECT * FROM print_jobs WHERE id = ?', [lastID]);
      return { job: toRecord(row!), created: true };
    });
  }

  /**
   * A staff reprint: the same row back to queued, one more attempt, the new snapshot.
   * Refused (null) while the job is still queued, so two clicks never make two prints.
   */
  async requeue(ticketId: string, printer: string, paperWidth: 576 | 384, layout: string, at: number): Promise<PrintJobRecord | null> {
    return this.db.write(async (c) => {
      const { changes } = await c.run(
        `UPDATE print_jobs SET state = 'queued', reason = NULL, attempts = attempts + 1, printer = ?, paper_width = ?,
           layout = ?, updated_at = ?, printed_at = NULL
         WHERE ticket_id = ? AND state <> 'queued'`,
        [printer, paperWidth, layout, at, ticketId],
      );
      if (changes === 0) return null;
      const row = await c.get<PrintJobRow>('SELECT * FROM print_jobs WHERE ticket_id = ?', [ticketId]);
      return row ? toRecord(row) : null;
    });
  }

  async markPrinted(id: number, at: number): Promise<void> {
    await this.db.write((c) =>
      c.run(`UPDATE print_jobs SET state = 'printed', reason = NULL, updated_at = ?, printed_at = ? WHERE id = ?`, [at, at, id]),
    );
  }

  async markFailed(id: number, reason: string, at: number): Promise<void> {
    await this.db.write((c) => c.run(`UPDATE print_jobs SET state = 'failed', reason = ?, updated_at = ? WHERE id = ?`, [reason, at, id]));
  }

  /**
   * At start-up: jobs still queued were cut off by a stop or crash. They are failed, not
   * resent: the resident has long left the kiosk, and a late ticket would only confuse.
   */
  async failInterrupted(at: number): Promise<number> {
    const { changes } = await this.db.write((c) =>
      c.run(`UPDATE print_jobs SET state = 'failed', reason = 'interrupted', updated_at = ? WHERE state = 'queued'`, [at]),
    );
    return changes;
  }

  async forTicket(ticketId: string): Promise<PrintJobRecord | null> {
    const r = await this.db.reader.get<PrintJobRow>('SELECT * FROM print_jobs WHERE ticket_id = ?', [ticketId]);
    return r ? toRecord(r) : null;
  }

  async get(id: number): Promise<PrintJobRecord | null> {
    const r = await this.db.reader.get<PrintJobRow>('SELECT * FROM print_jobs WHERE id = ?', [id]);
    return r ? toRecord(r) : null;
  }

  async recent(limit: number): Promise<PrintJobRecord[]> {
    const rows = await this.db.reader.all<PrintJobRow>('SELECT * FROM print_jobs ORDER BY updated_at DESC, id DESC LIMIT ?', [limit]);
    return rows.map(toRecord);
  }

  /** The saved printer settings (JSON), or null when the admin never saved any. */
  async loadSettings(): Promise<unknown> {
    const r = await this.db.reader.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [SETTINGS_KEY]);
    return r ? (JSON.parse(r.value) as unknown) : null;
  }

  async saveSettings(value: unknown): Promise<void> {
    await this.db.write((c) =>
      c.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
        SETTINGS_KEY,
        JSON.stringify(value),
      ]),
    );
  }
}
