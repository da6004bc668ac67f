// Staff accounts beyond creation: disable/enable, role, password reset (the new password is
// shown once), and a staff member changing their own password. Disabling or resetting ends
// the member's sessions at once (AuthService.endStaffSessions also closes their sockets).
// Audit details name the account and the fields changed, never a password.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { hashPassword } from '../../passwords.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const Id = z.string().min(1).max(64);
const StaffPatch = z
  .object({ active: z.boolean(), role: z.enum(['staff', 'admin']) })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
const OwnPassword = z.object({ oldPassword: z.string().min(1).max(256), newPassword: z.string().min(8).max(256) }).strict();

interface StaffRow {
  id: string;
  username: string;
  role: 'staff' | 'admin';
  active: number;
  password_hash: string;
}

export function registerStaffSetupRoutes(router: Router, ctx: ServerContext): void {
  // Registered before /api/staff/:id/password so 'me' is never taken for an id.
  router.add('POST', '/api/staff/me/password', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const p = req.principal;
    if (p.kind !== 'staff') throw new HttpError(403, 'FORBIDDEN');
    const { oldPassword, newPassword } = parse(OwnPassword, req.body);
    const row = await ctx.db.reader.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [p.staffId]);
    if (!row) throw new HttpError(404, 'NOT_FOUND');
    // The old password is checked through the same bounded queue as logins, so this route
    // cannot be used to flood scrypt either.
    const slot = ctx.auth.passwordChecks.tryEnter();
    if (!slot) throw new HttpError(503, 'LOGIN_BUSY', { retryAfterSeconds: 2 });
    let valid: boolean;
    try {
      await slot.ready;
      valid = await ctx.auth.passwordChecks.check(oldPassword, row.password_hash);
    } finally {
      slot.release();
    }
    if (!valid) {
      await ctx.audit.record(p, { action: 'setup.staff.password_change_failed', target: p.staffId, detail: { username: row.username } });
      throw new HttpError(403, 'WRONG_PASSWORD');
    }
    const hash = await hashPassword(newPassword);
    await ctx.db.write(async (conn) => {
      await conn.run('UPDATE staff SET password_hash = ? WHERE id = ?', [hash, p.staffId]);
      await ctx.audit.recordIn(conn, p, { action: 'setup.staff.password_change', target: p.staffId, detail: { username: row.username } });
    });
    // Every session (this one too) ends: other devices holding the old login are signed out.
    await ctx.auth.endStaffSessions(p.staffId);
    return { status: 204 };
  });

  router.add('PATCH', '/api/staff/:id', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const id = parse(Id, req.params.id);
    const patch = parse(StaffPatch, req.body);
    const me = req.principal.kind === 'staff' ? req.principal.staffId : null;
    const result = await ctx.db.write(async (conn) => {
      const before = await conn.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [id]);
      if (!before) throw new HttpError(404, 'NOT_FOUND');
      const after = { active: patch.active ?? before.active === 1, role: patch.role ?? before.role };
      // An admin cannot lock themselves out, and the hall always keeps one active admin.
      if (id === me && (!after.active || after.role !== 'admin')) throw new HttpError(409, 'CANNOT_CHANGE_SELF');
      if (before.role === 'admin' && before.active === 1 && (!after.active || after.role !== 'admin')) {
        const admins = await conn.get<{ n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1`);
        if ((admins?.n ?? 0) <= 1) throw new HttpError(409, 'LAST_ADMIN');
      }
      await conn.run('UPDATE staff SET active = ?, role = ? WHERE id = ?', [after.active ? 1 : 0, after.role, id]);
      const b = { active: before.active === 1, role: before.role };
      const action = patch.active === false && b.active ? 'setup.staff.disable' : patch.active === true && !b.active ? 'setup.staff.enable' : 'setup.staff.update';
      await ctx.audit.recordIn(conn, req.principal, { action, target: id, detail: { username: before.username, before: b, after } });
      return { username: before.username, ...after, endSessions: !after.active || after.role !== b.role };
    });
    if (result.endSessions) await ctx.auth.endStaffSessions(id);
    return { status: 200, json: { id, username: result.username, active: result.active, role: result.role } };
  });

  router.add('POST', '/api/staff/:id/password', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const id = parse(Id, req.params.id);
    // 12 random bytes: 16 characters a person can type from the screen once.
    const password = randomBytes(12).toString('base64url');
    const hash = await hashPassword(password);
    await ctx.db.write(async (conn) => {
      const row = await conn.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [id]);
      if (!row) throw new HttpError(404, 'NOT_FOUND');
      await conn.run('UPDATE staff SET password_hash = ? WHERE id = ?', [hash, id]);
      await ctx.audit.recordIn(conn, req.principal, { action: 'setup.staff.password_reset', target: id, detail: { username: row.username } });
    });
    await ctx.auth.endStaffSessions(id);
    return { status: 200, json: { id, password } };
  });

}
