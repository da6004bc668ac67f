// Staff accounts, sessions, devices and login failures. Only hashes of tokens are stored.
import type { Database } from './db.js';

export interface StaffRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: 'staff' | 'admin';
  active: boolean;
  createdAt: number;
}

export type DeviceRole = 'kiosk' | 'display' | 'rater';

export interface DeviceRecord {
  id: string;
  role: DeviceRole;
  name: string;
  /** The counter a rating pad is paired to (raters only). */
  counterId: string | null;
  createdAt: number;
  revokedAt: number | null;
}

interface StaffRow {
  id: string;
  username: string;
  password_hash: string;
  role: 'staff' | 'admin';
  active: number;
  created_at: number;
}

const toStaff = (r: StaffRow): StaffRecord => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
});

interface DeviceRow {
  id: string;
  role: DeviceRole;
  name: string;
  counter_id: string | null;
  created_at: number;
  revoked_at: number | null;
}

const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  role: r.role,
  name: r.name,
  counterId: r.counter_id ?? null,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export class AuthStore {
  constructor(private readonly db: Database) {}

  async staffByUsername(username: string): Promise<StaffRecord | null> {
    const r = await this.db.reader.get<StaffRow>('SELECT * FROM staff WHERE username = ?', [username]);
    return r ? toStaff(r) : null;
  }

  async listStaff(): Promise<StaffRecord[]> {
    return (await this.db.reader.all<StaffRow>('SELECT * FROM staff ORDER BY username')).map(toStaff);
  }

  async countAdmins(): Promise<number> {
    const r = await this.db.reader.get<{ n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1`);
    return r?.n ?? 0;
  }

  /** Resolves false when the username is taken. */
  async insertStaff(s: StaffRecord): Promise<boolean> {
    return this.db.write(async (c) => {
      const exists = await c.get('SELECT 1 FROM staff WHERE username = ?', [s.username]);
      if (exists) return false;
      await c.run('INSERT INTO staff (id, username, password_hash, role, active, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        s.id, s.username, s.passwordHash, s.role, s.active ? 1 : 0, s.createdAt,
      ]);
      return true;
    });
  }

  async insertSession(tokenHash: string, staffId: string, createdAt: number, expiresAt: number): Promise<void> {
    await this.db.write(async (c) => {
      await c.run('DELETE FROM sessions WHERE expires_at < ?', [createdAt]);
      await c.run('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, staffId, createdAt, expiresAt]);
    });
  }

  async sessionStaffWithExpiry(tokenHash: string, now: number): Promise<{ record: StaffRecord; expiresAt: number } | null> {
    const r = await this.db.reader.get<StaffRow & { expires_at: number }>(
      `SELECT staff.*, sessions.expires_at FROM sessions JOIN staff ON staff.id = sessions.staff_id
       WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND staff.active = 1`,
      [tokenHash, now],
    );
    return r ? { record: toStaff(r), expiresAt: r.expires_at } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.write((c) => c.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]));
  }

  async recordLoginFailure(username: string, at: number, keepAfter: number): Promise<void> {
    await this.db.write(async (c) => {
      await c.run('DELETE FROM login_failures WHERE at < ?', [keepAfter]);
      await c.run('INSERT INTO login_failures (username, at) VALUES (?, ?)', [username, at]);
    });
  }

  async loginFailuresSince(username: string, since: number): Promise<{ count: number; oldest: number | null }> {
    const r = await this.db.reader.get<{ n: number; oldest: number | null }>(
      'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures WHERE username = ? AND at >= ?',
      [username, since],
    );
    return { count: r?.n ?? 0, oldest: r?.oldest ?? null };
  }

  /**
   * Reserves one password check for username in a single transaction: counts the attempts of
   * the window and records this one as a failure before any hashing, so concurrent attempts
   * cannot all pass the count. A successful check clears the failures afterwards.
   */
  async reserveLoginAttempt(
    username: string,
    at: number,
    since: number,
    max: number,
  ): Promise<{ ok: true } | { ok: false; oldest: number }> {
    return this.db.write(async (c) => {
      await c.run('DELETE FROM login_failures WHERE at < ?', [since]);
      const r = await c.get<{ n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures WHERE username = ? AND at >= ?',
        [username, since],
      );
      if ((r?.n ?? 0) >= max) return { ok: false as const, oldest: r?.oldest ?? at };
      await c.run('INSERT INTO login_failures (username, at) VALUES (?, ?)', [username, at]);
      return { ok: true as const };
    });
  }

  /** Ends every session of a staff member (disable, password reset); returns their token hashes. */
  async deleteSessionsOfStaff(staffId: string): Promise<string[]> {
    return this.db.write(async (c) => {
      const rows = await c.all<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE staff_id = ?', [staffId]);
      await c.run('DELETE FROM sessions WHERE staff_id = ?', [staffId]);
      return rows.map((r) => r.token_hash);
    });
  }

  /** Whether a device is still live (the WebSocket heartbeat re-check). */
  async deviceLive(id: string): Promise<boolean> {
    return (await this.db.reader.get('SELECT 1 FROM devices WHERE id = ? AND revoked_at IS NULL', [id])) !== undefined;
  }

  /** Whether a session is still live for an active staff member (the heartbeat re-check). */
  async sessionLive(tokenHash: string, now: number): Promise<boolean> {
    const r = await this.db.reader.get(
      'SELECT 1 FROM sessions JOIN staff ON staff.id = sessions.staff_id WHERE token_hash = ? AND expires_at > ? AND staff.active = 1',
      [tokenHash, now],
    );
    return r !== undefined;
  }

  async clearLoginFailures(username: string): Promise<void> {
    await this.db.write((c) => c.run('DELETE FROM login_failures WHERE username = ?', [username]));
  }

  async insertDevice(d: DeviceRecord, tokenHash: string): Promise<void> {
    await this.db.write((c) =>
      c.run('INSERT INTO devices (id, role, name, token_hash, created_at, revoked_at, counter_id) VALUES (?, ?, ?, ?, ?, NULL, ?)', [
        d.id, d.role, d.name, tokenHash, d.createdAt, d.counterId,
      ]),
    );
  }

  async deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const r = await this.db.reader.get<DeviceRow>('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL', [tokenHash]);
    return r ? toDevice(r) : null;
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (await this.db.reader.all<DeviceRow>('SELECT * FROM devices ORDER BY created_at')).map(toDevice);
  }

  /** Resolves false when there is no such live device. */
  async revokeDevice(id: string, at: number): Promise<boolean> {
    const r = await this.db.write((c) => c.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]));
    return r.changes > 0;
  }
}
