// Staff sessions and device tokens. Tokens are 256-bit random values; only their SHA-256
// is stored, so a stolen database does not hand out working tokens. Revocation is checked
// on every request (no cache), so it takes effect at once.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../core/ports.js';
import type { AuthStore, DeviceRecord, StaffRecord } from '../store/authStore.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from './http/router.js';

export const SESSION_HOURS = 12;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type LoginResult =
  | { ok: true; token: string; staff: StaffRecord; expiresAt: number }
  | { ok: false; reason: 'bad_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Resolved tokens kept in memory: every kiosk request would otherwise cost two queries. */
const CACHE_LIMIT = 2000;

export class AuthService {
  private readonly known = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
  ) {}

  private remember(hash: string, principal: Principal, until: number): void {
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(hash, { principal, until });
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const now = this.clock.now();
    const failures = await this.store.loginFailuresSince(username, now - LOGIN_WINDOW_MS);
    if (failures.count >= LOGIN_MAX_FAILURES) {
      const retry = Math.max(1, Math.ceil(((failures.oldest ?? now) + LOGIN_WINDOW_MS - now) / 1000));
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: retry };
    }
    const staff = await this.store.staffByUsername(username);
    // Unknown users cost as much as a wrong password, so timing does not reveal usernames.
    const valid = await verifyPassword(password, staff?.passwordHash ?? (await decoyHash()));
    if (!staff || !valid || !staff.active) {
      await this.store.recordLoginFailure(username, now, now - LOGIN_WINDOW_MS);
      return { ok: false, reason: 'bad_credentials' };
    }
    await this.store.clearLoginFailures(username);
    const token = newToken();
    const expiresAt = now + SESSION_HOURS * 3600_000;
    await this.store.insertSession(tokenHash(token), staff.id, now, expiresAt);
    return { ok: true, token, staff, expiresAt };
  }

  logout(token: string): Promise<void> {
    const h = tokenHash(token);
    this.known.delete(h);
    return this.store.deleteSession(h);
  }

  /** Who holds this bearer token: a staff member, a live device, or nobody. */
  async principal(token: string | null): Promise<Principal> {
    if (!token || token.length > 200) return { kind: 'anonymous' };
    const h = tokenHash(token);
    const now = this.clock.now();
    const hit = this.known.get(h);
    if (hit && hit.until > now) return hit.principal;
    this.known.delete(h);
    const staff = await this.store.sessionStaffWithExpiry(h, now);
    if (staff) {
      const principal: Principal = { kind: 'staff', staffId: staff.record.id, username: staff.record.username, role: staff.record.role };
      this.remember(h, principal, Math.min(staff.expiresAt, now + 60_000));
      return principal;
    }
    const device = await this.store.deviceByTokenHash(h);
    if (device) {
      const principal: Principal = { kind: 'device', deviceId: device.id, role: device.role };
      // Revocation clears this entry, so it takes effect at once.
      this.remember(h, principal, now + 10 * 60_000);
      return principal;
    }
    return { kind: 'anonymous' };
  }

  /** Resolves null when the username is taken. */
  async createStaff(username: string, password: string, role: 'staff' | 'admin'): Promise<StaffRecord | null> {
    const record: StaffRecord = {
      id: randomUUID(),
      username,
      passwordHash: await hashPassword(password),
      role,
      active: true,
      createdAt: this.clock.now(),
    };
    return (await this.store.insertStaff(record)) ? record : null;
  }

  async createDevice(role: 'kiosk' | 'display', name: string): Promise<{ device: DeviceRecord; token: string }> {
    const token = newToken();
    const device: DeviceRecord = { id: randomUUID(), role, name, createdAt: this.clock.now(), revokedAt: null };
    await this.store.insertDevice(device, tokenHash(token));
    return { device, token };
  }

  async revokeDevice(id: string): Promise<boolean> {
    const revoked = await this.store.revokeDevice(id, this.clock.now());
    for (const [h, e] of this.known) if (e.principal.kind === 'device' && e.principal.deviceId === id) this.known.delete(h);
    return revoked;
  }

  listDevices(): Promise<DeviceRecord[]> {
    return this.store.listDevices();
  }

  listStaff(): Promise<StaffRecord[]> {
    return this.store.listStaff();
  }

  countAdmins(): Promise<number> {
    return this.store.countAdmins();
  }
}
