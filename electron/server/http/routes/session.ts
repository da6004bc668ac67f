import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { bearerToken } from '../server.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const Login = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** How long a refused login (address limit, check queue full) waits before its answer. */
const REFUSAL_PAUSE_MS = 1000;

export function registerSessionRoutes(router: Router, ctx: ServerContext): void {
  router.add('POST', '/api/session', { access: 'public', maxBody: 4096 }, async (req) => {
    const { username, password } = parse(Login, req.body);
    const r = await ctx.auth.login(username, password, req.remoteAddress ?? '');
    // Audited: the username attempted and why it failed, never the password. Refusals that cost
    // the server nothing (check queue full, per-address limit) are not: a flood would otherwise
    // fill the audit log and keep the database writer busy.
    if (!r.ok && r.reason !== 'busy' && !(r.reason === 'rate_limited' && r.scope === 'address')) {
      await ctx.audit.record(req.principal, { action: 'login.failed', target: null, detail: { username, reason: r.reason } });
    }
    // Cheap refusals are answered after a pause: a client flooding with many parallel
    // attempts then gets a handful of answers a second instead of hundreds, which keeps the
    // event loop free for kiosks and counters. Waiting costs the server a timer, not CPU.
    if (!r.ok && (r.reason === 'busy' || (r.reason === 'rate_limited' && r.scope === 'address'))) await sleep(REFUSAL_PAUSE_MS);
    if (!r.ok && r.reason === 'rate_limited') {
      throw new HttpError(429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: r.retryAfterSeconds }, { minutes: Math.ceil(r.retryAfterSeconds / 60) });
    }
    // The front door turns details.retryAfterSeconds into a Retry-After header.
    if (!r.ok && r.reason === 'busy') throw new HttpError(503, 'LOGIN_BUSY', { retryAfterSeconds: r.retryAfterSeconds });
    if (!r.ok) throw new HttpError(401, 'BAD_CREDENTIALS');
    ctx.log.info({ staffId: r.staff.id }, 'staff logged in');
    await ctx.audit.record({ kind: 'staff', staffId: r.staff.id, username: r.staff.username, role: r.staff.role }, { action: 'login.ok', target: r.staff.id });
    return {
      status: 200,
      json: { token: r.token, expiresAt: new Date(r.expiresAt).toISOString(), staff: { id: r.staff.id, username: r.staff.username, role: r.staff.role } },
    };
  });

  router.add('DELETE', '/api/session', { access: ['staff', 'admin'] }, async (req) => {
    const token = bearerToken(req.headers);
    if (token) await ctx.auth.logout(token);
    await ctx.audit.record(req.principal, { action: 'login.logout', target: req.principal.kind === 'staff' ? req.principal.staffId : null });
    return { status: 204 };
  });

  router.add('GET', '/api/me', { access: ['staff', 'admin'] }, async (req) => {
    const p = req.principal;
    if (p.kind !== 'staff') throw new HttpError(403, 'FORBIDDEN');
    const counters = await ctx.store.reads.listCounters();
    const held = counters.find((c) => c.staffId === p.staffId && c.state !== 'closed');
    return { status: 200, json: { staff: { id: p.staffId, username: p.username, role: p.role }, counterId: held?.id ?? null } };
  });
}
