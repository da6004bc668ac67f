// The audit log: append and read, nothing else (the table's triggers refuse changes).
import type { Connection, Database } from './db.js';

export type AuditActorKind = 'staff' | 'device' | 'system' | 'anonymous';

export interface AuditEntry {
  id: number;
  at: number;
  actorKind: AuditActorKind;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface AuditRow {
  id: number;
  at: number;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  target: r.target,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
});

export interface AuditQuery {
  from: number;
  to: number;
  actorId?: string;
  /** Exact action, or a prefix ending in '.' ("setup." matches every setup change). */
  action?: string;
  limit?: number;
}

export class AuditStore {
  constructor(private readonly db: Database) {}

  /** Appends in its own transaction. */
  append(entry: NewAuditEntry): Promise<void> {
    return this.db.write((c) => this.appendIn(c, entry));
  }

  /** Appends inside a transaction the caller already holds, so the change and its audit commit together. */
  async appendIn(conn: Connection, e: NewAuditEntry): Promise<void> {
    await conn.run(
      'INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [e.at, e.actorKind, e.actorId, e.actorName, e.action, e.target, e.detail === null ? null : JSON.stringify(e.detail)],
    );
  }

  /** The newest entry of one action (e.g. the last recorded TLS set-up), or null. */
  async last(action: string): Promise<AuditEntry | null> {
    const r = await this.db.reader.get<AuditRow>('SELECT * FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1', [action]);
    return r ? toEntry(r) : null;
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const where = ['at >= ?', 'at < ?'];
    const params: (string | number)[] = [q.from, q.to];
    if (q.actorId) {
      where.push('actor_id = ?');
      params.push(q.actorId);
    }
    if (q.action) {
      if (q.action.endsWith('.')) {
        where.push("substr(action, 1, ?) = ?");
        params.push(q.action.length, q.action);
      } else {
        where.push('action = ?');
        params.push(q.action);
      }
    }
    params.push(Math.min(q.limit ?? 5000, 5000));
    const rows = await this.db.reader.all<AuditRow>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at, id LIMIT ?`, params);
    return rows.map(toEntry);
  }
}
