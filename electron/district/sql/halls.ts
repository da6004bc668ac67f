// Enrolled halls, and each one's last batch.
import type { Sql } from '../db/database.js';

export interface HallRow {
  id: string;
  names: { zh: string; bo: string; ug: string };
  publicKey: string;
  fingerprint: string;
  enrolledAt: number;
}

interface Raw {
  id: string;
  name_zh: string;
  name_bo: string;
  name_ug: string;
  public_key: string;
  fingerprint: string;
  enrolled_at: string;
}

const toHall = (r: Raw): HallRow => ({ id: r.id, names: { zh: r.name_zh, bo: r.name_bo, ug: r.name_ug }, publicKey: r.public_key, fingerprint: r.fingerprint, enrolledAt: Number(r.enrolled_at) });

export async function findHall(c: Sql, id: string): Promise<HallRow | null> {
  const r = await c.query<Raw>('SELECT * FROM halls WHERE id = $1', [id]);
  return r.rows[0] ? toHall(r.rows[0]) : null;
}

/** Inserts or, for a hall already enrolled, replaces its names and key (a hall's new machine). */
export async function upsertHall(c: Sql, h: HallRow): Promise<boolean> {
  const r = await c.query<{ inserted: boolean }>(
    `INSERT INTO halls (id, name_zh, name_bo, name_ug, public_key, fingerprint, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_bo = excluded.name_bo, name_ug = excluded.name_ug,
       public_key = excluded.public_key, fingerprint = excluded.fingerprint
     RETURNING (xmax = 0) AS inserted`,
    [h.id, h.names.zh, h.names.bo, h.names.ug, h.publicKey, h.fingerprint, h.enrolledAt],
  );
  return r.rows[0]?.inserted ?? false;
}

export interface HallStatus {
  id: string;
  names: HallRow['names'];
  fingerprint: string;
  enrolledAt: number;
  lastBatchAt: number | null;
  lastBatchId: string | null;
}

export async function hallStatuses(c: Sql): Promise<HallStatus[]> {
  const r = await c.query<Raw & { last_at: string | null; last_id: string | null }>(
    `SELECT h.*, b.received_at AS last_at, b.id AS last_id FROM halls h
       LEFT JOIN LATERAL (SELECT id, received_at FROM batches WHERE hall_id = h.id ORDER BY received_at DESC LIMIT 1) b ON true
      ORDER BY h.id`,
  );
  return r.rows.map((x) => {
    const h = toHall(x);
    return { id: h.id, names: h.names, fingerprint: h.fingerprint, enrolledAt: h.enrolledAt, lastBatchAt: x.last_at === null ? null : Number(x.last_at), lastBatchId: x.last_id };
  });
}
