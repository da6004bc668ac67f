import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES } from '../../../core/model.js';
import { canServe, compareForCounter } from '../../../core/queueOrder.js';
import { callNext, callSpecific } from '../../../core/usecases/callTickets.js';
import { today } from '../../../core/usecases/today.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../../../core/usecases/counterActions.js';
import type { ServerContext } from '../../context.js';
import { counterJson, ticketJson } from '../../dto.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';
import { staffActor } from './actors.js';

const Id = z.string().min(1).max(64);
const Open = z.object({ languages: z.array(z.enum(LANGUAGES)).min(1).max(3) });
const Names = z.object({ zh: z.string().trim().min(1).max(40), bo: z.string().trim().min(1).max(80), ug: z.string().trim().min(1).max(80) });
const NewCounter = z.object({
  number: z.number().int().min(1).max(999),
  names: Names,
  services: z
    .array(z.object({ serviceId: Id, weight: z.number().int().min(0).max(100) }))
    .max(50)
    .refine((l) => new Set(l.map((s) => s.serviceId)).size === l.length, { message: 'each service once' }),
});

export function registerCounterRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/counters', { access: ['staff'] }, async () => {
    return { status: 200, json: (await ctx.store.reads.listCounters()).map(counterJson) };
  });

  // Admin: add a counter (editing the catalogue fully is the admin issue's job).
  router.add('POST', '/api/counters', { access: ['admin'], maxBody: 8192 }, async (req) => {
    const body = parse(NewCounter, req.body);
    const known = new Set((await ctx.store.reads.listServices()).map((s) => s.id));
    const unknown = body.services.find((s) => !known.has(s.serviceId));
    if (unknown) throw new HttpError(422, 'NOT_FOUND', { serviceId: unknown.serviceId });
    const counter = await ctx.store.write(async (tx) => {
      const all = await tx.listCounters();
      if (all.some((c) => c.number === body.number)) throw new HttpError(409, 'COUNTER_NUMBER_TAKEN');
      // A renumbered counter keeps its old id (PATCH /api/counters/:id), so the natural id may be taken.
      const natural = `counter-${body.number}`;
      const id = all.some((c) => c.id === natural) ? `${natural}-${randomUUID().slice(0, 8)}` : natural;
      const c = { id, number: body.number, names: body.names, services: body.services, state: 'closed' as const, staffId: null, languages: [], currentTicketId: null };
      await tx.saveCounter(c);
      await ctx.audit.recordIn(tx.connection, req.principal, {
        action: 'setup.counter.create',
        target: id,
        detail: { before: null, after: { number: c.number, names: c.names, services: c.services } },
      });
      return c;
    });
    ctx.deps.events.publish({ type: 'counter', counter });
    ctx.hub.sendCatalog('counters');
    return { status: 201, json: counterJson(counter) };
  });

  router.add('POST', '/api/counters/:id/open', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const { languages } = parse(Open, req.body);
    const c = await openCounter(ctx.deps, parse(Id, req.params.id), staffActor(req), languages);
    // Who sat at which desk, and when: the counter row keeps only its present state.
    await ctx.audit.record(req.principal, { action: 'counter.open', target: c.id, detail: { languages } });
    return { status: 200, json: counterJson(c) };
  });

  const changes = { pause: pauseCounter, resume: resumeCounter, close: closeCounter } as const;
  for (const [path, fn] of Object.entries(changes)) {
    router.add('POST', `/api/counters/:id/${path}`, { access: ['staff'], maxBody: 1024 }, async (req) => {
      const c = await fn(ctx.deps, parse(Id, req.params.id), staffActor(req));
      await ctx.audit.record(req.principal, { action: `counter.${path}`, target: c.id });
      return { status: 200, json: counterJson(c) };
    });
  }

  router.add('GET', '/api/counters/:id/queue', { access: ['staff'] }, async (req) => {
    const counter = await ctx.store.reads.getCounter(parse(Id, req.params.id));
    if (!counter) throw new HttpError(404, 'NOT_FOUND');
    const waiting = await ctx.store.reads.waitingTickets(await today(ctx.store.reads, ctx.deps.clock));
    const aging = { now: ctx.deps.clock.now(), limitMinutes: (await ctx.store.reads.getPolicy()).agingMinutes };
    const mine = waiting.filter((t) => canServe(counter, t)).sort((a, b) => compareForCounter(counter, a, b, aging));
    const submissions = await ctx.submissions.store.reads.idsForTickets(mine.map((t) => t.id));
    return { status: 200, json: mine.map((t) => ({ ...ticketJson(t), submissionId: submissions.get(t.id) ?? null })) };
  });

  router.add('POST', '/api/counters/:id/call-next', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const r = await callNext(ctx.deps, parse(Id, req.params.id), staffActor(req));
    if (!r) return { status: 204 };
    const submission = await ctx.submissions.store.reads.forTicket(r.ticket.id);
    return { status: 200, json: { ticket: { ...ticketJson(r.ticket), submissionId: submission?.id ?? null }, counter: counterJson(r.counter) } };
  });

  router.add('POST', '/api/counters/:id/call/:ticketId', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const r = await callSpecific(ctx.deps, parse(Id, req.params.id), parse(Id, req.params.ticketId), staffActor(req));
    const submission = await ctx.submissions.store.reads.forTicket(r.ticket.id);
    return { status: 200, json: { ticket: { ...ticketJson(r.ticket), submissionId: submission?.id ?? null }, counter: counterJson(r.counter) } };
  });
}
