// Staff sessions and device tokens. Tokens are 256-bit random values; only their SHA-256
// is stored, so a stolen database does not hand out working tokens. Resolved tokens are kept
// briefly in memory; logout and revocation clear them and close the sockets holding them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Clock } from '../core/ports.js';
import type { AuthStore, DeviceRecord, DeviceRole, StaffRecord } from '../store/authStore.js';
import { AddressLimiter, type BucketRule } from './addressLimiter.js';
import { decoyHash, hashPassword, PasswordCheckQueue } from './passwords.js';
import type { Principal } from '../shared/principal.js';

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
  /**
   * This account had LOGIN_MAX_FAILURES in the window (scope account), or this client address
   * tried too often (scope address: refused before any database work, so not audited either).
   */
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number; scope: 'account' | 'address' }
  /** Every password-check slot is taken: try again shortly (503). */
  | { ok: false; reason: 'busy'; retryAfterSeconds: number };

/** Shortest password for staff and for HALL_ADMIN_PASSWORD. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * A credential that stopped being valid. Live WebSockets holding it are closed
 * (EventHub.closeFor); other hubs may subscribe with onCredentialRevoked.
 */
export type RevokedCredential = { sessionTokenHash: string } | { deviceId: string } | { staffId: string };

/** What a WebSocket remembers about the credential it was opened with. */
export type HeldCredential =
  | { kind: 'session'; tokenHash: string; staffId: string; expiresAt: number }
  | { kind: 'device'; deviceId: string };

export interface LoginLimits {
  /** scrypt checks running at once (each holds 128 MiB and a libuv pool thread). */
  running: number;
  /** Checks waiting for a slot; beyond this a login is answered 503 at once. */
  queued: number;
  /** Login attempts per client address, before any hashing. */
  perAddress: BucketRule;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  // One core stays free for the event loop (ticket issuing): on a 2-core hall PC, one hash at a time.
  running: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queued: 16,
  perAddress: { burst: 20, refillMs: 3000 },
};

/** Resolved tokens kept in memory: every kiosk request would otherwise cost two queries. */
const CACHE_LIMIT = 2000;

export class AuthService {
  private readonly known = new Map<string, { principal: Principal; until: number }>();
  private readonly revokedListeners = new Set<(c: RevokedCredential) => void>();
  /** Bumped by every revocation: a lookup that started before one must not be cached. */
  private revocations = 0;
  readonly passwordChecks: PasswordCheckQueue;
  private readonly addresses: AddressLimiter;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.passwordChecks = new PasswordCheckQueue(limits.running, limits.queued);
    this.addresses = new AddressLimiter(limits.perAddress, clock);
  }

  /** Called after a credential stopped working (logout, revocation, disable, password reset). */
  onCredentialRevoked(listener: (c: RevokedCredential) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  private revoked(c: RevokedCredential): void {
    this.revocations++;
    for (const l of this.revokedListeners) l(c);
  }

  private remember(hash: string, principal: Principal, until: number): void {
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(hash, { principal, until });
  }

  /**
   * Checks a password. Order matters, cheapest refusal first: the client address's bucket
   * (memory), then the account's attempt reserved in one transaction (so at most
   * LOGIN_MAX_FAILURES checks per window whatever the concurrency), then a scrypt slot.
   */
  async login(username: string, password: string, address = ''): Promise<LoginResult> {
    const wait = this.addresses.take(address);
    if (wait !== null) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait, scope: 'address' };
    // A place in the check queue before any database work: when it is full the answer costs nothing.
    const slot = this.passwordChecks.tryEnter();
    if (!slot) return { ok: false, reason: 'busy', retryAfterSeconds: 2 };
    const now = this.clock.now();
    let staff: StaffRecord | null;
    let valid: boolean;
    try {
      const reserved = await this.store.reserveLoginAttempt(username, now, now - LOGIN_WINDOW_MS, LOGIN_MAX_FAILURES);
      if (!reserved.ok) {
        const retry = Math.max(1, Math.ceil((reserved.oldest + LOGIN_WINDOW_MS - now) / 1000));
        return { ok: false, reason: 'rate_limited', retryAfterSeconds: retry, scope: 'account' };
      }
      staff = await this.store.staffByUsername(username);
      // Unknown users cost as much as a wrong password, so timing does not reveal usernames.
      const stored = staff?.passwordHash ?? (await decoyHash());
      await slot.ready;
      valid = await this.passwordChecks.check(password, stored);
    } finally {
      slot.release();
    }
    if (!staff || !valid || !staff.active) return { ok: false, reason: 'bad_credentials' };
    this.addresses.refund(address);
    await this.store.clearLoginFailures(username);
    const token = newToken();
    const expiresAt = now + SESSION_HOURS * 3600_000;
    await this.store.insertSession(tokenHash(token), staff.id, now, expiresAt);
    return { ok: true, token, staff, expiresAt };
  }

  async logout(token: string): Promise<void> {
    const h = tokenHash(token);
    this.known.delete(h);
    await this.store.deleteSession(h);
    this.revoked({ sessionTokenHash: h });
  }

  /**
   * Ends every session of a staff member and closes their sockets. Call it when an account
   * is disabled or its password is reset (after the change committed).
   */
  async endStaffSessions(staffId: string): Promise<void> {
    for (const [h, e] of this.known) if (e.principal.kind === 'staff' && e.principal.staffId === staffId) this.known.delete(h);
    await this.store.deleteSessionsOfStaff(staffId);
    this.revoked({ staffId });
  }

  /** The principal and the credential behind it (for WebSockets, which outlive a request). */
  async credential(token: string | null): Promise<{ principal: Principal; held: HeldCredential | null }> {
    if (!token || token.length > 200) return { principal: { kind: 'anonymous' }, held: null };
    const h = tokenHash(token);
    const now = this.clock.now();
    const staff = await this.store.sessionStaffWithExpiry(h, now);
    if (staff) {
      const principal = await this.principal(token);
      return { principal, held: principal.kind === 'staff' ? { kind: 'session', tokenHash: h, staffId: staff.record.id, expiresAt: staff.expiresAt } : null };
    }
    const principal = await this.principal(token);
    return { principal, held: principal.kind === 'device' ? { kind: 'device', deviceId: principal.deviceId } : null };
  }

  /** Whether a held credential still works now (the WebSocket heartbeat re-check). */
  async stillValid(held: HeldCredential): Promise<boolean> {
    const now = this.clock.now();
    if (held.kind === 'session') return held.expiresAt > now && (await this.store.sessionLive(held.tokenHash, now));
    return this.store.deviceLive(held.deviceId);
  }

  /** Who holds this bearer token: a staff member, a live device, or nobody. */
  async principal(token: string | null): Promise<Principal> {
    if (!token || token.length > 200) return { kind: 'anonymous' };
    const h = tokenHash(token);
    const now = this.clock.now();
    const hit = this.known.get(h);
    if (hit && hit.until > now) return hit.principal;
    this.known.delete(h);
    const generation = this.revocations;
    const staff = await this.store.sessionStaffWithExpiry(h, now);
    if (staff) {
      const principal: Principal = { kind: 'staff', staffId: staff.record.id, username: staff.record.username, role: staff.record.role };
      if (generation === this.revocations) this.remember(h, principal, Math.min(staff.expiresAt, now + 60_000));
      return principal;
    }
    const device = await this.store.deviceByTokenHash(h);
    if (device) {
      const principal: Principal =
        device.role === 'rater'
          ? { kind: 'device', deviceId: device.id, role: 'rater', counterId: device.counterId ?? '' }
          : { kind: 'device', deviceId: device.id, role: device.role };
      // Revocation clears this entry, so it takes effect at once; a revocation that happened
      // while this lookup was in flight may not have seen it, so then it is not kept.
      if (generation === this.revocations) this.remember(h, principal, now + 10 * 60_000);
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

  /** counterId pairs a rating pad (role rater) to its counter; other roles have none. */
  async createDevice(role: DeviceRole, name: string, counterId: string | null = null): Promise<{ device: DeviceRecord; token: string }> {
    const token = newToken();
    const device: DeviceRecord = { id: randomUUID(), role, name, counterId: role === 'rater' ? counterId : null, createdAt: this.clock.now(), revokedAt: null };
    await this.store.insertDevice(device, tokenHash(token));
    return { device, token };
  }

  async revokeDevice(id: string): Promise<boolean> {
    const revoked = await this.store.revokeDevice(id, this.clock.now());
    for (const [h, e] of this.known) if (e.principal.kind === 'device' && e.principal.deviceId === id) this.known.delete(h);
    this.revoked({ deviceId: id });
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
