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

export class AuthService {
  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
  ) {}

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
    return this.store.deleteSession(tokenHash(token));
  }

  /** Who holds this bearer token: a staff member, a live device, or nobody. */
  async principal(token: string | null): Promise<Principal> {
    if (!token || token.length > 200) return { kind: 'anonymous' };
    const h = tokenHash(token);
    const staff = await this.store.sessionStaff(h, this.clock.now());
    if (staff) return { kind: 'staff', staffId: staff.id, username: staff.username, role: staff.role };
    const device = await this.store.deviceByTokenHash(h);
    if (device) return { kind: 'device', deviceId: device.id, role: device.role };
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

  revokeDevice(id: string): Promise<boolean> {
    return this.store.revokeDevice(id, this.clock.now());
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
