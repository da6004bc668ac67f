// Which TLS certificates the Electron windows accept for the hall server. The hall runs its
// own certificate authority (electron/server/tls); the windows trust exactly that CA, named by
// the SHA-256 fingerprint of its certificate, and only for the hall's own host name. Nothing
// else self-signed is accepted, and a certificate made by the hall CA for another name is not
// either. Other hosts are left to Chromium's ordinary verification (public CAs only).
//
// Plain module (no Electron import): main.ts hands it Electron's verify request
// (session.setCertificateVerifyProc) and passes the verdict back.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** Chromium's verify-proc answers: accept, refuse, or use Chromium's own verification. */
export const ACCEPT = 0;
export const REFUSE = -2;
export const USE_CHROMIUM = -3;
export type Verdict = typeof ACCEPT | typeof REFUSE | typeof USE_CHROMIUM;

/** The parts of Electron's Certificate this policy reads. */
export interface CertificateLike {
  /** PEM. */
  data: string;
  issuerCert?: CertificateLike | null;
}

export interface VerifyRequest {
  hostname: string;
  certificate: CertificateLike;
}

export interface HallPin {
  /** The hall server's host name or address, as in the hall origin (no port, no brackets). */
  host: string;
  /** "AB:CD:…" SHA-256 of the hall CA certificate. */
  caFingerprint: string;
}

const normalize = (fp: string) => fp.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** The hall pin from the hall's origin and the configured or served CA fingerprint. */
export function hallPin(hallOrigin: string, caFingerprint: string | null): HallPin | null {
  const url = new URL(hallOrigin);
  if (url.protocol !== 'https:' || !caFingerprint) return null;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), caFingerprint };
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function namesHost(cert: X509Certificate, host: string): boolean {
  if (isIP(host)) return cert.checkIP(host) !== undefined;
  // No wildcards, no subject CN fallback: the hall CA writes exact subjectAltNames.
  return cert.checkHost(host, { wildcards: false, subject: 'never' }) !== undefined;
}

export function certificateVerdict(req: VerifyRequest, pin: HallPin | null, now: number): Verdict {
  const host = req.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!pin || host !== pin.host.toLowerCase()) return USE_CHROMIUM;
  const leaf = parse(req.certificate.data);
  if (!leaf) return REFUSE;
  const want = normalize(pin.caFingerprint);
  // The pinned CA must be in the chain the server sent, and must have signed the leaf itself.
  let ca: X509Certificate | null = null;
  for (let c = req.certificate.issuerCert, depth = 0; c && depth < 4; c = c.issuerCert, depth++) {
    const parsed = parse(c.data);
    if (parsed && normalize(parsed.fingerprint256) === want) {
      ca = parsed;
      break;
    }
  }
  if (!ca || normalize(leaf.fingerprint256) === want) return REFUSE; // the CA itself is no server certificate
  if (!leaf.verify(ca.publicKey) || !leaf.checkIssued(ca)) return REFUSE;
  if (leaf.ca) return REFUSE;
  if (Date.parse(leaf.validFrom) > now || Date.parse(leaf.validTo) < now) return REFUSE;
  return namesHost(leaf, host) ? ACCEPT : REFUSE;
}
