// The hall's TLS set-up changes without a route: the CA and the server certificate are made or
// re-issued at start (new address, new name, expiry). Counter PCs trust that CA, so a change is
// worth a line in the audit trail: at each start the present fingerprints and names are compared
// with the last `setup.tls.update` entry and a new entry (before → after) is written when they
// differ. The server certificate's own fingerprint is left out: it is re-issued routinely (to
// renew it, and today at every start on a machine with IPv6 addresses, whose names it compares
// in another spelling), while what counter PCs trust (the CA) and the names it vouches for are
// what matter. Certificates are public; no key is ever written here.
import type { AuditLog } from '../audit.js';
import type { HallTls } from './hallCa.js';

export interface TlsAuditState {
  caFingerprint: string;
  /** The names and addresses the server certificate covers. */
  names: string[];
}

export function tlsAuditState(tls: HallTls): TlsAuditState {
  return { caFingerprint: tls.caFingerprint, names: [...tls.names].sort() };
}

const ACTION = 'setup.tls.update';

/** Records the TLS set-up as the system when it differs from the last recorded one. */
export async function auditTlsChange(audit: AuditLog, tls: HallTls): Promise<boolean> {
  const now = tlsAuditState(tls);
  const last = await audit.store.last(ACTION);
  const before = (last?.detail?.after ?? null) as TlsAuditState | null;
  if (before && JSON.stringify(before) === JSON.stringify(now)) return false;
  await audit.record('system', { action: ACTION, target: 'tls', detail: { before, after: now } });
  return true;
}
