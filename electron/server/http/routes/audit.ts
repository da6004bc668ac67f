// The audit log page (admin): one hall-local day of entries, optionally filtered by person
// (actor id) and kind (an action, or a prefix ending in '.' such as "setup.").
import { z } from 'zod';
import { today } from '../../../core/usecases/today.js';
import { validRange } from '../../../core/stats.js';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const Query = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  actor: z.string().min(1).max(64).optional(),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)*\.?$/).max(64).optional(),
});

/** Epoch ms of local midnight of a day in a time zone (searching the offset; zones shift by DST). */
export function localMidnight(day: string, timeZone: string): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const localAt = (ms: number) => {
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
  };
  // Two rounds settle the offset, also on a DST change day.
  let guess = utc - (localAt(utc) - utc);
  guess = utc - (localAt(guess) - guess);
  return guess;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function registerAuditRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/audit', { access: ['admin'] }, async (req) => {
    const q = parse(Query, Object.fromEntries(req.query));
    const day = q.day ?? (await today(ctx.store.reads, ctx.deps.clock));
    if (!validRange(day, day, 1)) throw new HttpError(400, 'BAD_REQUEST', { issues: [{ path: 'day', problem: 'YYYY-MM-DD' }] });
    const { timeZone } = await ctx.store.reads.getPolicy();
    const entries = await ctx.audit.store.list({
      from: localMidnight(day, timeZone),
      to: localMidnight(nextDay(day), timeZone),
      actorId: q.actor,
      action: q.action,
    });
    return {
      status: 200,
      json: entries.map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
        action: e.action,
        target: e.target,
        detail: e.detail,
      })),
    };
  });
}
