// The hall's TLS set-up changes without a route: the CA and the server certificate are made or
// re-issued at start (new address, new name, expiry). Counter PCs trust that CA, so a change is
// worth a line in the audit trail: at each start the present fingerprints and names are compared
// with the last `setup.tls.update` entry and a new entry (before → after) is written when they
// differ. Certificates are public; no key is ever written here.
import { X509Certificate } from 'node:crypto';
import type { AuditLog } from '../audit.js';
import type { HallTls } from './hallCa.js';

export interface TlsAuditState {
  caFingerprint: string;
  serverFingerprint: string | null;
  names: string[];
}

export function tlsAuditState(tls: HallTls): TlsAuditState {
  let serverFingerprint: string | null = null;
  try {
    serverFingerprint = new X509Certificate(tls.certChainPem).fingerprint256;
  } catch {
    serverFingerprint = null;
  }
  return { caFingerprint: tls.caFingerprint, serverFingerprint, names: [...tls.names].sort() };
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
