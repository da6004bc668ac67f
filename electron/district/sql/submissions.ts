// Submissions at the district: listed without answers; one opened at a time under the data key
// (the route audits the read in the same transaction).
import type { Sql } from '../db/database.js';
import type { AnswerCipher } from '../keys.js';

export async function listSubmissions(c: Sql, hallId: string, day: string, formId: string | null): Promise<unknown[]> {
  const r = await c.query(
    `SELECT id, hall_id AS "hallId", day::text AS day, form_id AS "formId", form_version AS "formVersion", ticket_id AS "ticketId", language,
            created_at::float8 AS "createdAt", (purged_at IS NOT NULL) AS purged
       FROM submissions WHERE hall_id = $1 AND day = $2::date AND ($3::text IS NULL OR form_id = $3) ORDER BY created_at, id LIMIT 5000`,
    [hallId, day, formId],
  );
  return r.rows;
}

export async function readSubmission(c: Sql, cipher: AnswerCipher, hallId: string, day: string, id: string) {
  const r = await c.query<{ form_id: string; form_version: number; ticket_id: string | null; language: string; created_at: string; answers_sealed: Buffer | null }>(
    'SELECT form_id, form_version, ticket_id, language, created_at, answers_sealed FROM submissions WHERE hall_id = $1 AND day = $2::date AND id = $3',
    [hallId, day, id],
  );
  const s = r.rows[0];
  if (!s) return null;
  return {
    id, hallId, day, formId: s.form_id, formVersion: s.form_version, ticketId: s.ticket_id, language: s.language, createdAt: Number(s.created_at),
    answers: s.answers_sealed ? cipher.open(s.answers_sealed, `${hallId}/${id}`) : null,
  };
}

/** Every submission of one form at one hall over a day range, answers opened (for a department's download). */
export async function formSubmissions(c: Sql, cipher: AnswerCipher, hallId: string, formId: string, from: string, to: string) {
  const r = await c.query<{ id: string; day: string; form_version: number; ticket_id: string | null; language: string; created_at: string; answers_sealed: Buffer | null }>(
    `SELECT id, day::text AS day, form_version, ticket_id, language, created_at, answers_sealed FROM submissions
      WHERE hall_id = $1 AND form_id = $2 AND day BETWEEN $3::date AND $4::date ORDER BY created_at, id LIMIT 100000`,
    [hallId, formId, from, to],
  );
  return r.rows.map((s) => ({
    id: s.id, day: s.day, formVersion: s.form_version, ticketId: s.ticket_id, language: s.language, createdAt: Number(s.created_at),
    answers: (s.answers_sealed ? cipher.open(s.answers_sealed, `${hallId}/${s.id}`) : {}) as Record<string, unknown>,
  }));
}
