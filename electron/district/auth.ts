// District accounts (admin, viewer) and their sessions: scrypt hashes (the hall's
// server/passwords.ts, which speaks no HTTP), 256-bit bearer tokens of which only the SHA-256
// is stored, 12-hour sessions, and 5 failed logins per name per 15 minutes.
import { createHash, randomBytes } from 'node:crypto';
import { decoyHash, hashPassword, verifyPassword } from '../server/passwords.js';
import type { Database } from './db/database.js';
import { recordAudit } from './sql/audit.js';

export type DistrictRole = 'admin' | 'viewer';
export type DistrictPrincipal = { kind: 'account'; username: string; role: DistrictRole } | { kind: 'anonymous' };

const SESSION_MS = 12 * 3_600_000;
const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

export class DistrictAuth {
  private readonly failures = new Map<string, number[]>();
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /** On first start: the admin account, with DISTRICT_ADMIN_PASSWORD or a new password (returned to print once). */
  async ensureAdmin(password: string | undefined): Promise<string | null> {
    const r = await this.db.query('SELECT 1 FROM accounts LIMIT 1');
    if (r.rowCount) return null;
    const pw = password ?? randomBytes(12).toString('base64url');
    await this.createAccount('admin', pw, 'admin', null);
    return password ? null : pw;
  }

  async createAccount(username: string, password: string, role: DistrictRole, by: string | null): Promise<boolean> {
    const hash = await hashPassword(password);
    return this.db.tx(async (c) => {
      const r = await c.query('INSERT INTO accounts (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [username, hash, role, this.now()]);
      if (!r.rowCount) return false;
      await recordAudit(c, this.now(), by, 'account.create', username, { role });
      return true;
    });
  }

  async listAccounts(): Promise<{ username: string; role: DistrictRole }[]> {
    return (await this.db.query<{ username: string; role: DistrictRole }>('SELECT username, role FROM accounts ORDER BY username')).rows;
  }

  /** A token, or 'limited' after too many failures, or null for a wrong name or password. */
  async login(username: string, password: string): Promise<string | 'limited' | null> {
    const t = this.now();
    const recent = (this.failures.get(username) ?? []).filter((x) => x > t - 15 * 60_000);
    if (recent.length >= 5) return 'limited';
    const r = await this.db.query<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE username = $1', [username]);
    const stored = r.rows[0]?.password_hash ?? (await (this.decoy ??= decoyHash()));
    const ok = (await verifyPassword(password, stored)) && r.rows[0] !== undefined;
    if (!ok) {
      this.failures.set(username, [...recent, t]);
      return null;
    }
    const token = randomBytes(32).toString('base64url');
    await this.db.tx(async (c) => {
      await c.query('DELETE FROM sessions WHERE expires_at < $1', [t]);
      await c.query('INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), username, t + SESSION_MS]);
      await recordAudit(c, t, username, 'session.login', username);
    });
    return token;
  }

  async principal(token: string | null): Promise<DistrictPrincipal> {
    if (!token) return { kind: 'anonymous' };
    const r = await this.db.query<{ username: string; role: DistrictRole }>(
      'SELECT a.username, a.role FROM sessions s JOIN accounts a USING (username) WHERE s.token_hash = $1 AND s.expires_at > $2',
      [tokenHash(token), this.now()],
    );
    const a = r.rows[0];
    return a ? { kind: 'account', username: a.username, role: a.role } : { kind: 'anonymous' };
  }

  async logout(token: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
  }
}
