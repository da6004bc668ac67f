// DNS-rebinding and cross-site protection: the Host header must name this server, and an
// Origin header (sent by browsers on cross-origin and WebSocket requests) must be one of ours.
import { networkInterfaces } from 'node:os';

export function localAddresses(): string[] {
  const out = ['localhost', '127.0.0.1', '[::1]'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) out.push(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
  }
  return out;
}

export class HostAllowList {
  private readonly hosts: Set<string>;

  constructor(
    names: string[],
    private port: number,
  ) {
    this.hosts = new Set(names.map((n) => n.toLowerCase()));
  }

  /** Adds a name at run time (the hall's public address, set on the admin page). */
  allow(name: string): void {
    this.hosts.add(name.toLowerCase());
  }

  setPort(port: number): void {
    this.port = port;
  }

  /** Host header: a known name, with this server's port (or none for port 80). */
  hostAllowed(host: string | undefined): boolean {
    if (!host) return false;
    const h = host.toLowerCase();
    const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(h);
    if (!m) return false;
    const port = m[2] ? Number(m[2]) : 80;
    return this.hosts.has(m[1]!) && port === this.port;
  }

  /** Origin header: absent (not a browser cross-origin request) or http(s)://<allowed host>. */
  originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return this.hostAllowed(url.host);
  }
}
