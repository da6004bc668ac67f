import { z } from 'zod';
import { LANGUAGES } from '../../../core/model.js';
import { hallDay } from '../../../core/numbering.js';
import { canServe, compareForCounter } from '../../../core/queueOrder.js';
import { callNext, callSpecific } from '../../../core/usecases/callTickets.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../../../core/usecases/counterActions.js';
import type { ServerContext } from '../../context.js';
import { counterJson, ticketJson } from '../../dto.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';
import { staffActor } from './actors.js';

const Id = z.string().min(1).max(64);
const Open = z.object({ languages: z.array(z.enum(LANGUAGES)).min(1).max(3) });

export function registerCounterRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/counters', { access: ['staff'] }, async () => {
    return { status: 200, json: (await ctx.store.reads.listCounters()).map(counterJson) };
  });

  router.add('POST', '/api/counters/:id/open', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const { languages } = parse(Open, req.body);
    const c = await openCounter(ctx.deps, parse(Id, req.params.id), staffActor(req), languages);
    return { status: 200, json: counterJson(c) };
  });

  const changes = { pause: pauseCounter, resume: resumeCounter, close: closeCounter } as const;
  for (const [path, fn] of Object.entries(changes)) {
    router.add('POST', `/api/counters/:id/${path}`, { access: ['staff'], maxBody: 1024 }, async (req) => {
      const c = await fn(ctx.deps, parse(Id, req.params.id), staffActor(req));
      return { status: 200, json: counterJson(c) };
    });
  }

  router.add('GET', '/api/counters/:id/queue', { access: ['staff'] }, async (req) => {
    const counter = await ctx.store.reads.getCounter(parse(Id, req.params.id));
    if (!counter) throw new HttpError(404, 'NOT_FOUND');
    const policy = await ctx.store.reads.getPolicy();
    const waiting = await ctx.store.reads.waitingTickets(hallDay(ctx.deps.clock.now(), policy.timeZone));
    const mine = waiting.filter((t) => canServe(counter, t)).sort((a, b) => compareForCounter(counter, a, b));
    return { status: 200, json: mine.map(ticketJson) };
  });

  router.add('POST', '/api/counters/:id/call-next', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const r = await callNext(ctx.deps, parse(Id, req.params.id), staffActor(req));
    if (!r) return { status: 204 };
    return { status: 200, json: { ticket: ticketJson(r.ticket), counter: counterJson(r.counter) } };
  });

  router.add('POST', '/api/counters/:id/call/:ticketId', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const r = await callSpecific(ctx.deps, parse(Id, req.params.id), parse(Id, req.params.ticketId), staffActor(req));
    return { status: 200, json: { ticket: ticketJson(r.ticket), counter: counterJson(r.counter) } };
  });
}
