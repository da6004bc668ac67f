// The hall's public address (setting `hall.publicAddress`): what the ticket QR and the
// phone status link start with. Default: this server's first LAN IPv4 address and port.
import { networkInterfaces } from 'node:os';
import type { Database } from '../../store/db.js';

export const PUBLIC_ADDRESS_KEY = 'hall.publicAddress';

let cachedLan: { address: string | null; until: number } | null = null;

/**
 * The first non-internal IPv4 address. Every issued ticket needs it for its status link and
 * asking the OS costs about 0.1 ms of CPU, so the answer is kept for 10 seconds (a changed
 * DHCP lease still shows up quickly).
 */
export function firstLanAddress(now = Date.now()): string | null {
  if (cachedLan && cachedLan.until > now) return cachedLan.address;
  let address: string | null = null;
  outer: for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) {
        address = a.address;
        break outer;
      }
    }
  }
  cachedLan = { address, until: now + 10_000 };
  return address;
}

/** "http://host[:port]" with nothing after it, or null when the text is not one. */
export function normalizeAddress(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (!/^[\x21-\x7E]+$/.test(url.host)) return null;
  return `${url.protocol}//${url.host}`;
}

export class PublicAddress {
  private configured: string | null = null;
  private hostListener: ((name: string) => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly served: () => { scheme: 'http' | 'https'; port: number },
  ) {}

  async load(): Promise<void> {
    const r = await this.db.reader.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [PUBLIC_ADDRESS_KEY]);
    const v = r ? (JSON.parse(r.value) as unknown) : null;
    this.configured = typeof v === 'string' ? normalizeAddress(v) : null;
  }

  /** Tells the Host allow-list the configured name, now and whenever it changes. */
  onHost(listener: (name: string) => void): void {
    this.hostListener = listener;
    if (this.configured) listener(new URL(this.configured).hostname);
  }

  defaultAddress(): string {
    const { scheme, port } = this.served();
    const host = firstLanAddress() ?? '127.0.0.1';
    const standard = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
    return `${scheme}://${host}${standard ? '' : `:${port}`}`;
  }

  current(): { address: string; configured: string | null; default: string } {
    return { address: this.configured ?? this.defaultAddress(), configured: this.configured, default: this.defaultAddress() };
  }

  /** null returns to the default. */
  async set(address: string | null): Promise<void> {
    await this.db.write(async (c) => {
      if (address === null) await c.run('DELETE FROM settings WHERE key = ?', [PUBLIC_ADDRESS_KEY]);
      else {
        await c.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
          PUBLIC_ADDRESS_KEY,
          JSON.stringify(address),
        ]);
      }
    });
    this.configured = address;
    if (address) this.hostListener?.(new URL(address).hostname);
  }

  statusUrl(ref: string): string {
    return `${this.current().address}/t/${ref}`;
  }
}
