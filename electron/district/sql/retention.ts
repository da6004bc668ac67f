// Retention of personal answers at the district (default 365 days after the submission was
// made): the sealed answers are erased, the row (no personal data) stays, and the purge is audited.
import type { Database } from '../db/database.js';
import { recordAudit } from './audit.js';

export const DEFAULT_RETENTION_DAYS = 365;

export async function purgeAnswers(db: Database, now: number, days: number): Promise<number> {
  const cutoff = now - days * 86_400_000;
  return db.tx(async (c) => {
    const r = await c.query('UPDATE submissions SET answers_sealed = NULL, purged_at = $1 WHERE created_at < $2 AND purged_at IS NULL', [now, cutoff]);
    const n = r.rowCount ?? 0;
    if (n > 0) await recordAudit(c, now, null, 'submission.purge', null, { count: n, retentionDays: days, before: cutoff });
    return n;
  });
}
