// Form submissions. The non-personal answers are plain JSON; the personal ones arrive here
// already sealed (electron/server/forms/personalData.ts) and are stored as an opaque blob, so
// nothing in this file ever sees a resident's name or ID number in clear.
import type { Answers } from '../core/forms/definition.js';
import type { Language } from '../core/model.js';
import type { Connection, Database } from './db.js';

export type FilledBy = 'kiosk' | 'staff';

export interface SubmissionRecord {
  id: string;
  formId: string;
  formVersion: number;
  ticketId: string | null;
  language: Language;
  filledBy: FilledBy;
  /** Device id (kiosk) or staff id. */
  fillerId: string | null;
  createdAt: number;
  /** Hall-local YYYY-MM-DD. */
  day: string;
  /** The non-personal answers only. */
  answers: Answers;
  /** The personal answers, sealed; null when there were none or after the purge. */
  sealed: Buffer | null;
  keyId: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  exportedAt: number | null;
  exportBatchId: string | null;
  purgedAt: number | null;
}

interface SubmissionRow {
  id: string;
  form_id: string;
  form_version: number;
  ticket_id: string | null;
  language: Language;
  filled_by: FilledBy;
  filler_id: string | null;
  created_at: number;
  day: string;
  answers: string;
  sealed: Buffer | null;
  key_id: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  exported_at: number | null;
  export_batch_id: string | null;
  purged_at: number | null;
}

const toRecord = (r: SubmissionRow): SubmissionRecord => ({
  id: r.id,
  formId: r.form_id,
  formVersion: r.form_version,
  ticketId: r.ticket_id,
  language: r.language,
  filledBy: r.filled_by,
  fillerId: r.filler_id,
  createdAt: r.created_at,
  day: r.day,
  answers: JSON.parse(r.answers) as Answers,
  sealed: r.sealed,
  keyId: r.key_id,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  exportedAt: r.exported_at,
  exportBatchId: r.export_batch_id,
  purgedAt: r.purged_at,
});

/** What the retention decision needs to know of a submission. */
export interface RetentionCandidate {
  id: string;
  exportedAt: number | null;
  purgedAt: number | null;
}

export class SubmissionReads {
  constructor(private readonly conn: Connection) {}

  async get(id: string): Promise<SubmissionRecord | null> {
    const r = await this.conn.get<SubmissionRow>('SELECT * FROM submissions WHERE id = ?', [id]);
    return r ? toRecord(r) : null;
  }

  /** The newest submission attached to a ticket (a ticket carries one form per service). */
  async forTicket(ticketId: string): Promise<SubmissionRecord | null> {
    const r = await this.conn.get<SubmissionRow>('SELECT * FROM submissions WHERE ticket_id = ? ORDER BY created_at DESC, id LIMIT 1', [ticketId]);
    return r ? toRecord(r) : null;
  }

  async forTicketAndForm(ticketId: string, formId: string): Promise<SubmissionRecord | null> {
    const r = await this.conn.get<SubmissionRow>('SELECT * FROM submissions WHERE ticket_id = ? AND form_id = ?', [ticketId, formId]);
    return r ? toRecord(r) : null;
  }

  /** The submissions of a hall day, oldest first, optionally of one form (summaries are built from these). */
  async listDay(day: string, formId?: string, limit = 2000): Promise<SubmissionRecord[]> {
    const rows = formId
      ? await this.conn.all<SubmissionRow>('SELECT * FROM submissions WHERE day = ? AND form_id = ? ORDER BY created_at, id LIMIT ?', [day, formId, limit])
      : await this.conn.all<SubmissionRow>('SELECT * FROM submissions WHERE day = ? ORDER BY created_at, id LIMIT ?', [day, limit]);
    return rows.map(toRecord);
  }

  /** ticket id → newest submission id, for the tickets given (queue and call payloads). */
  async idsForTickets(ticketIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ticketIds.length; i += 500) {
      const chunk = ticketIds.slice(i, i + 500);
      const rows = await this.conn.all<{ ticket_id: string; id: string }>(
        `SELECT ticket_id, id FROM submissions WHERE ticket_id IN (${chunk.map(() => '?').join(',')}) ORDER BY created_at, id`,
        chunk,
      );
      for (const r of rows) out.set(r.ticket_id, r.id);
    }
    return out;
  }

  /** Exported, not yet purged submissions exported at or before the cutoff (oldest first). */
  async exportedBefore(cutoff: number, limit: number): Promise<RetentionCandidate[]> {
    const rows = await this.conn.all<{ id: string; exported_at: number | null; purged_at: number | null }>(
      `SELECT id, exported_at, purged_at FROM submissions
       WHERE exported_at IS NOT NULL AND purged_at IS NULL AND exported_at <= ? ORDER BY exported_at, id LIMIT ?`,
      [cutoff, limit],
    );
    return rows.map((r) => ({ id: r.id, exportedAt: r.exported_at, purgedAt: r.purged_at }));
  }
}

export class SubmissionWrites extends SubmissionReads {
  constructor(private readonly tx: Connection) {
    super(tx);
  }

  async insert(s: SubmissionRecord): Promise<void> {
    await this.tx.run(
      `INSERT INTO submissions (id, form_id, form_version, ticket_id, language, filled_by, filler_id, created_at, day, answers, sealed, key_id,
         reviewed_by, reviewed_at, exported_at, export_batch_id, purged_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        s.id, s.formId, s.formVersion, s.ticketId, s.language, s.filledBy, s.fillerId, s.createdAt, s.day, JSON.stringify(s.answers),
        s.sealed, s.keyId, s.reviewedBy, s.reviewedAt, s.exportedAt, s.exportBatchId, s.purgedAt,
      ],
    );
  }

  /** Staff completing or correcting a submission: new answers, filled by that staff member. */
  async replaceAnswers(
    id: string,
    c: { formVersion: number; language: Language; answers: Answers; sealed: Buffer | null; keyId: string | null; fillerId: string },
  ): Promise<void> {
    await this.tx.run(
      `UPDATE submissions SET form_version = ?, language = ?, answers = ?, sealed = ?, key_id = ?, filled_by = 'staff', filler_id = ?,
         reviewed_by = NULL, reviewed_at = NULL WHERE id = ?`,
      [c.formVersion, c.language, JSON.stringify(c.answers), c.sealed, c.keyId, c.fillerId, id],
    );
  }

  async markReviewed(id: string, by: string, at: number): Promise<void> {
    await this.tx.run('UPDATE submissions SET reviewed_by = ?, reviewed_at = ? WHERE id = ?', [by, at, id]);
  }

  /** Erases the personal part (the sealed blob) and records when. Returns the ids purged. */
  async purgePersonal(ids: readonly string[], at: number): Promise<string[]> {
    const done: string[] = [];
    for (const id of ids) {
      const r = await this.tx.run('UPDATE submissions SET sealed = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL', [at, id]);
      if (r.changes > 0) done.push(id);
    }
    return done;
  }
}

export class SubmissionStore {
  readonly reads: SubmissionReads;

  constructor(private readonly db: Database) {
    this.reads = new SubmissionReads(db.reader);
  }

  /** One transaction; the connection is passed too, so an audit entry can commit with the change. */
  write<T>(fn: (tx: SubmissionWrites, conn: Connection) => Promise<T>): Promise<T> {
    return this.db.write((conn) => fn(new SubmissionWrites(conn), conn));
  }

  /** After a purge: the erased pages leave the WAL and overwrite the old ones in the file. */
  checkpoint(): Promise<boolean> {
    return this.db.checkpoint();
  }
}
