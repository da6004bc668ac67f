// 好差评 from the counter rating pad, the admin's view of ratings, and the follow-ups
// (差评回访) that low ratings open.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isLowScore, keptReasons, LOW_RATING_REASONS, ratingRefusal } from '../../../core/rating/ratingRules.js';
import { today } from '../../../core/usecases/today.js';
import type { ServerContext } from '../../context.js';
import type { FollowupRecord, RatingRecord } from '../../../store/ratingStore.js';
import { HttpError } from '../errors.js';
import type { Request, Router } from '../router.js';
import { parse } from '../validate.js';

const Id = z.string().min(1).max(64);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const PadRating = z.object({
  ticketId: Id,
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.enum(LOW_RATING_REASONS)).max(LOW_RATING_REASONS.length).optional(),
});
const Close = z.object({ note: z.string().trim().min(1).max(2000) });
const FollowupState = z.enum(['open', 'closed']);

const ratingJson = (r: RatingRecord) => ({
  ticketId: r.ticketId,
  code: r.code,
  counterId: r.counterId,
  staffId: r.staffId,
  serviceId: r.serviceId,
  day: r.day,
  score: r.score,
  reasons: r.reasons,
  via: r.via,
  at: new Date(r.at).toISOString(),
});

const followupJson = (f: FollowupRecord) => ({
  id: f.id,
  openedAt: new Date(f.openedAt).toISOString(),
  closedAt: f.closedAt === null ? null : new Date(f.closedAt).toISOString(),
  closedBy: f.closedBy,
  note: f.note,
  rating: ratingJson(f.rating),
});

function raterCounter(req: Request): string {
  const p = req.principal;
  if (p.kind !== 'device' || p.role !== 'rater' || !p.counterId) throw new HttpError(403, 'FORBIDDEN');
  return p.counterId;
}

export function registerRatingRoutes(router: Router, ctx: ServerContext): void {
  const ratings = ctx.resident.ratings;

  // What the idle pad shows: its counter, and who is on duty there.
  router.add('GET', '/api/rater', { access: ['rater'] }, async (req) => {
    const counter = await ctx.store.reads.getCounter(raterCounter(req));
    if (!counter) throw new HttpError(404, 'NOT_FOUND');
    const staff = counter.staffId ? (await ctx.auth.listStaff()).find((s) => s.id === counter.staffId) : undefined;
    return {
      status: 200,
      json: { counter: { id: counter.id, number: counter.number, names: counter.names, state: counter.state }, staff: staff ? { username: staff.username } : null },
    };
  });

  router.add('POST', '/api/ratings', { access: ['rater'], maxBody: 1024 }, async (req) => {
    const counterId = raterCounter(req);
    const { ticketId, score, reasons } = parse(PadRating, req.body);
    const ticket = await ctx.store.reads.getTicket(ticketId);
    // Another counter's ticket reads like an unknown one.
    if (!ticket || ticket.counterId !== counterId) throw new HttpError(404, 'NOT_FOUND');
    const now = ctx.deps.clock.now();
    const refusal = ratingRefusal(ticket, await ratings.isRated(ticket.id), now, { kind: 'pad', counterId });
    if (refusal) throw new HttpError(409, refusal);
    const saved = await ratings.insert({
      id: randomUUID(), ticket, score, reasons: keptReasons(score, reasons), via: 'pad', at: now, followupId: isLowScore(score) ? randomUUID() : null,
    });
    if (!saved) throw new HttpError(409, 'ALREADY_RATED');
    return { status: 201, json: { rated: true } };
  });

  router.add('GET', '/api/ratings', { access: ['admin'] }, async (req) => {
    const day = parse(Day, req.query.get('day') ?? (await today(ctx.store.reads, ctx.deps.clock)));
    return { status: 200, json: (await ratings.listByDay(day)).map(ratingJson) };
  });

  router.add('GET', '/api/rating-followups', { access: ['admin'] }, async (req) => {
    const state = parse(FollowupState, req.query.get('state') ?? 'open');
    return { status: 200, json: (await ratings.listFollowups(state === 'open')).map(followupJson) };
  });

  router.add('POST', '/api/rating-followups/:id/close', { access: ['admin'], maxBody: 4096 }, async (req) => {
    const id = parse(Id, req.params.id);
    const { note } = parse(Close, req.body);
    const p = req.principal;
    const by = p.kind === 'staff' ? p.username : 'admin';
    if (!(await ratings.closeFollowup(id, by, note, ctx.deps.clock.now()))) throw new HttpError(404, 'NOT_FOUND');
    // The note may name the resident's complaint; the audit keeps only that it was closed.
    await ctx.audit.record(p, { action: 'rating.followup.close', target: id, detail: null });
    return { status: 200, json: { closed: true } };
  });
}
