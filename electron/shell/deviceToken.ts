// The device token of the hall machine's own kiosk window (role `hall`). The server keeps
// only token hashes, so the plain token is created once through the server's AuthService,
// kept here wrapped by safeStorage, and reused on every start. It reaches the page through
// the preload (window.hallKiosk.deviceToken()), never through a URL or a file the page reads.
import type { KeyFiles, SafeStorageLike } from './dataKey.js';

/** The part of the hall server's AuthService we need (ServerContext.auth). */
export interface DeviceAuth {
  principal(token: string | null): Promise<{ kind: string; role?: string }>;
  createDevice(role: 'kiosk' | 'display', name: string): Promise<{ token: string }>;
}

export interface TokenVault {
  load(): string | null;
  save(token: string): void;
}

/**
 * Stored as JSON: {"sealed": base64} when the OS secret store works, otherwise
 * {"plain": token} in a 0600 file. A token is not personal data and this machine holds the
 * database anyway, so a plain fallback is acceptable where a data key would not be.
 */
export function fileTokenVault(files: KeyFiles, safe: SafeStorageLike, name: string): TokenVault {
  return {
    load() {
      const raw = files.read(name);
      if (!raw) return null;
      try {
        const v = JSON.parse(raw.toString('utf8')) as { sealed?: unknown; plain?: unknown };
        if (typeof v.sealed === 'string') return safe.decryptString(Buffer.from(v.sealed, 'base64'));
        if (typeof v.plain === 'string') return v.plain;
      } catch {
        // Unreadable (secret store reset): a new device is created below.
      }
      return null;
    },
    save(token) {
      const body = safe.isEncryptionAvailable()
        ? { sealed: safe.encryptString(token).toString('base64') }
        : { plain: token };
      files.write(name, Buffer.from(JSON.stringify(body)));
    },
  };
}

/**
 * Returns a live token for a device of this role, creating (and storing) a new device when
 * there is none or the stored one was revoked by an admin.
 */
export async function ensureDeviceToken(
  auth: DeviceAuth,
  vault: TokenVault,
  role: 'kiosk' | 'display',
  name: string,
): Promise<{ token: string; created: boolean }> {
  const stored = vault.load();
  if (stored) {
    const who = await auth.principal(stored);
    if (who.kind === 'device' && who.role === role) return { token: stored, created: false };
  }
  const { token } = await auth.createDevice(role, name);
  vault.save(token);
  return { token, created: true };
}
