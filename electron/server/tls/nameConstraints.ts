// The hall CA's NameConstraints (RFC 5280 §4.2.1.10), marked critical: a copy of ca.key can
// then only make certificates that counter PCs accept for the hall's own names and private
// addresses, never for a public website. DER is written by hand: the structure is small and
// fixed (permittedSubtrees only; each GeneralSubtree holds just its base name).
//
// Permitted:
// - dNSName: the names given at the CA's creation (this machine's host name, --allow-host
//   names) and the private-use domains `local` (mDNS), `lan`, `home.arpa` (RFC 8375),
//   `internal`, `localhost`; a dNSName constraint also covers every name below it.
// - iPAddress: 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16 (link-local), ::1/128,
//   fc00::/7 (unique local), fe80::/10 (link-local).
import { isIP } from 'node:net';

export const NAME_CONSTRAINTS_OID = '2.5.29.30';

export const PRIVATE_DOMAINS = ['local', 'lan', 'home.arpa', 'internal', 'localhost'];

export const PRIVATE_RANGES: ReadonlyArray<readonly [string, number]> = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
];

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // Expand "::" and write the eight 16-bit groups.
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, ''];
  const h = head ? head!.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.concat(groups.map((g) => Buffer.from([parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])));
}

function mask(bits: number, bytes: number): Buffer {
  const m = Buffer.alloc(bytes);
  for (let i = 0; i < bits; i++) m[i >> 3]! |= 0x80 >> (i & 7);
  return m;
}

/** A DNS name usable as a constraint: lower case, no trailing dot, not an address, not a wildcard. */
function dnsName(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  if (!n || isIP(n) || n.includes('*') || !/^[a-z0-9.-]+$/.test(n)) return null;
  return n;
}

/** The permitted DNS names for a CA made for these names. */
export function permittedDnsNames(names: string[]): string[] {
  return [...new Set([...names.map(dnsName).filter((n): n is string => n !== null), ...PRIVATE_DOMAINS])];
}

/** The extension's DER value (the OCTET STRING content), for `new x509.Extension(OID, true, value)`. */
export function nameConstraintsValue(names: string[]): Buffer {
  const subtrees: Buffer[] = [];
  for (const n of permittedDnsNames(names)) subtrees.push(der(0x30, der(0x82, Buffer.from(n, 'ascii'))));
  for (const [ip, bits] of PRIVATE_RANGES) {
    const addr = ipBytes(ip);
    subtrees.push(der(0x30, der(0x87, Buffer.concat([addr, mask(bits, addr.length)]))));
  }
  return der(0x30, der(0xa0, Buffer.concat(subtrees)));
}

/** Whether a CA certificate (Node's X509Certificate) carries the name constraints at all. */
export function hasNameConstraints(caDer: Buffer): boolean {
  // OID 2.5.29.30 in DER: 06 03 55 1D 1E.
  return caDer.includes(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e]));
}

/** Reads one DER element at `at`: its tag, and where its content starts and ends. */
function element(buf: Buffer, at: number): { tag: number; start: number; end: number } {
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const k = len & 0x7f;
    len = 0;
    for (let i = 0; i < k; i++) len = (len << 8) | buf[start + i]!;
    start += k;
  }
  return { tag, start, end: start + len };
}

/** The permitted DNS names in a CA certificate's name constraints; null when it has none. */
export function permittedDnsOfCa(caDer: Buffer): string[] | null {
  const oid = caDer.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e]));
  if (oid < 0) return null;
  let at = oid + 5;
  if (caDer[at] === 0x01) at = element(caDer, at).end; // critical BOOLEAN
  const octets = element(caDer, at);
  const seq = element(caDer, octets.start);
  const permitted = element(caDer, seq.start);
  if (permitted.tag !== 0xa0) return [];
  const out: string[] = [];
  for (let p = permitted.start; p < permitted.end; ) {
    const subtree = element(caDer, p);
    const base = element(caDer, subtree.start);
    if (base.tag === 0x82) out.push(caDer.subarray(base.start, base.end).toString('ascii'));
    p = subtree.end;
  }
  return out;
}

function inRange(ip: string, range: readonly [string, number]): boolean {
  const a = ipBytes(ip);
  const b = ipBytes(range[0]);
  if (a.length !== b.length) return false;
  const m = mask(range[1], a.length);
  return a.every((x, i) => (x & m[i]!) === (b[i]! & m[i]!));
}

/** Whether a server-certificate name lies inside the constraints (so clients accept it). */
export function namePermitted(name: string, permittedDns: string[]): boolean {
  if (isIP(name)) return PRIVATE_RANGES.some((r) => inRange(name, r));
  const n = name.toLowerCase().replace(/\.$/, '');
  return permittedDns.some((p) => n === p || n.endsWith(`.${p}`));
}
