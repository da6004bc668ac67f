// The hall's own certificate authority for TLS on the LAN. On first start with --tls the
// server makes a CA (10 years) and a server certificate signed by it for this machine's
// addresses and names (2 years; remade when the addresses change or it nears its end).
// Counter PCs and the Electron windows trust exactly this CA, by its SHA-256 fingerprint,
// which the admin page shows. Keys stay in <dataDir>/tls, mode 0600, never leave the server.
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { hasNameConstraints, NAME_CONSTRAINTS_OID, nameConstraintsValue, namePermitted, permittedDnsOfCa } from './nameConstraints.js';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const CA_DAYS = 3650;
const SERVER_DAYS = 730;
/** A server certificate this close to its end is remade at start-up. */
const RENEW_DAYS = 30;

export interface HallTls {
  /** PEM of the CA certificate (what counter PCs trust). */
  caPem: string;
  /** "AB:CD:…" SHA-256 of the CA certificate's DER, as browsers and Electron show it. */
  caFingerprint: string;
  /** Server certificate followed by the CA, so clients get the chain. */
  certChainPem: string;
  keyPem: string;
  /** The DNS names and IP addresses the server certificate covers. */
  names: string[];
  /**
   * Whether the CA carries the name constraints. A CA made by an older build has none; it is
   * kept (re-issuing would make every counter PC re-trust) and the server warns at start.
   */
  caNameConstrained: boolean;
}

function writePrivate(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600); // mode is ignored when the file existed; umask may narrow it further
  renameSync(tmp, path);
}

function writePublic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  // Public content (served at /api/tls/ca.pem), yet 0600 like every file in the data directory.
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return crypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // positive
  return Buffer.from(bytes).toString('hex');
}

/** The certificate's DNS names and IPs, from its subjectAltName. */
export function certificateNames(pem: string): string[] {
  const san = new NodeX509(pem).subjectAltName ?? '';
  return san
    .split(', ')
    .map((e) => e.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

/**
 * One spelling per name, so a wanted `::1` matches the certificate's `0:0:0:0:0:0:0:1` (Node
 * prints IPv6 subjectAltNames uncompressed); without it the server certificate was remade at
 * every start on a machine with an IPv6 address.
 */
export function canonicalName(name: string): string {
  if (isIP(name) !== 6 || name.includes('.')) return name.toLowerCase();
  const [head = '', tail] = name.split('::');
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

export function fingerprintOf(pem: string): string {
  return new NodeX509(pem).fingerprint256;
}

async function makeCa(now: number, names: string[]): Promise<{ pem: string; keyPem: string }> {
  const keys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Hall Kiosk CA ${hostname().slice(0, 40)} ${new Date(now).toISOString().slice(0, 10)}`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      // Critical: a client that cannot check the constraints must refuse the CA, not ignore them.
      new x509.Extension(NAME_CONSTRAINTS_OID, true, new Uint8Array(nameConstraintsValue([hostname(), ...names]))),
    ],
  });
  return { pem: cert.toString('pem') + '\n', keyPem: await exportKeyPem(keys.privateKey) };
}

async function makeServer(ca: { pem: string; keyPem: string }, names: string[], now: number): Promise<{ pem: string; keyPem: string }> {
  const keys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caCert = new x509.X509Certificate(ca.pem);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names.find((n) => isIP(n) === 0) ?? names[0] ?? 'hall'}`,
    issuer: caCert.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + SERVER_DAYS * DAY),
    publicKey: keys.publicKey,
    signingKey: await importKeyPem(ca.keyPem),
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ type: isIP(n) ? ('ip' as const) : ('dns' as const), value: n }))),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { pem: cert.toString('pem') + '\n', keyPem: await exportKeyPem(keys.privateKey) };
}

/**
 * Loads the hall CA and server certificate from <dataDir>/tls, making what is missing. The
 * server certificate is remade when it does not cover every wanted name (the hall machine
 * got a new address) or ends within RENEW_DAYS; the CA is kept, so counters need not re-trust.
 */
export async function ensureHallTls(dataDir: string, wantedNames: string[], now = Date.now()): Promise<HallTls> {
  const dir = join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = { caPem: join(dir, 'ca.pem'), caKey: join(dir, 'ca.key'), pem: join(dir, 'server.pem'), key: join(dir, 'server.key') };
  let ca: { pem: string; keyPem: string };
  if (existsSync(files.caPem) && existsSync(files.caKey)) {
    ca = { pem: readFileSync(files.caPem, 'utf8'), keyPem: readFileSync(files.caKey, 'utf8') };
  } else {
    ca = await makeCa(now, wantedNames);
    writePrivate(files.caKey, ca.keyPem);
    writePublic(files.caPem, ca.pem);
  }
  // A name outside the CA's constraints (a public address, a host name added after the CA was
  // made) would make clients refuse the whole certificate: it is left out instead.
  const permitted = permittedDnsOfCa(new NodeX509(ca.pem).raw);
  const names = [...new Set(wantedNames.filter((n) => n && n !== '0.0.0.0' && n !== '::'))].filter((n) => permitted === null || namePermitted(n, permitted));
  let server: { pem: string; keyPem: string } | null = null;
  if (existsSync(files.pem) && existsSync(files.key)) {
    const pem = readFileSync(files.pem, 'utf8');
    const cert = new NodeX509(pem);
    const covered = new Set(certificateNames(pem).map(canonicalName));
    const fresh = Date.parse(cert.validTo) - now > RENEW_DAYS * DAY;
    const signedByCa = cert.verify(new NodeX509(ca.pem).publicKey);
    if (fresh && signedByCa && names.every((n) => covered.has(canonicalName(n)))) server = { pem, keyPem: readFileSync(files.key, 'utf8') };
  }
  if (!server) {
    server = await makeServer(ca, names, now);
    writePrivate(files.key, server.keyPem);
    writePublic(files.pem, server.pem);
  }
  return {
    caPem: ca.pem,
    caFingerprint: fingerprintOf(ca.pem),
    certChainPem: server.pem + ca.pem,
    keyPem: server.keyPem,
    names: certificateNames(server.pem),
    caNameConstrained: hasNameConstraints(new NodeX509(ca.pem).raw),
  };
}
