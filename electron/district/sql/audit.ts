// The district's append-only audit log (a trigger refuses UPDATE and DELETE): enrolments,
// logins, loads, every read of personal answers, purges.
import type { Sql } from '../db/database.js';

export async function recordAudit(c: Sql, at: number, actor: string | null, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await c.query('INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [at, actor, action, target, JSON.stringify(detail)]);
}

export async function listAudit(c: Sql, limit: number): Promise<unknown[]> {
  const r = await c.query('SELECT id::text AS id, at::float8 AS at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
  return r.rows;
}
