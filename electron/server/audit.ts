// Who did what, for the audit log. Routes call record() with the request's principal; the
// details must never hold personal data (form answers), only ids and before/after of setup.
import type { Clock } from '../core/ports.js';
import type { AuditStore, NewAuditEntry } from '../store/auditStore.js';
import type { Connection } from '../store/db.js';
import type { Principal } from '../shared/principal.js';

export interface AuditRecord {
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
}

export class AuditLog {
  constructor(
    readonly store: AuditStore,
    private readonly clock: Clock,
  ) {}

  entry(principal: Principal | 'system', r: AuditRecord): NewAuditEntry {
    const base = { at: this.clock.now(), action: r.action, target: r.target ?? null, detail: r.detail ?? null };
    if (principal === 'system') return { ...base, actorKind: 'system', actorId: null, actorName: null };
    if (principal.kind === 'staff') return { ...base, actorKind: 'staff', actorId: principal.staffId, actorName: principal.username };
    if (principal.kind === 'device') return { ...base, actorKind: 'device', actorId: principal.deviceId, actorName: principal.role };
    return { ...base, actorKind: 'anonymous', actorId: null, actorName: null };
  }

  /** Appends one entry in its own transaction. */
  record(principal: Principal | 'system', r: AuditRecord): Promise<void> {
    return this.store.append(this.entry(principal, r));
  }

  /** Appends inside the caller's transaction: the change and its audit entry commit together. */
  recordIn(conn: Connection, principal: Principal | 'system', r: AuditRecord): Promise<void> {
    return this.store.appendIn(conn, this.entry(principal, r));
  }
}
