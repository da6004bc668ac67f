import { z } from 'zod';
import { LANGUAGES } from '../../../core/model.js';
import { issueTicket } from '../../../core/usecases/issueTicket.js';
import { cancel, finish, noShow, recall, start, transfer } from '../../../core/usecases/ticketActions.js';
import { today } from '../../../core/usecases/today.js';
import type { ServerContext, PrintOutcome } from '../../context.js';
import { ticketJson } from '../../dto.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';
import { kioskId, staffActor } from './actors.js';

const Id = z.string().min(1).max(64);
const NewTicket = z.object({
  serviceId: Id,
  language: z.enum(LANGUAGES),
  priority: z.boolean().optional().default(false),
});
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Transfer = z
  .object({ serviceId: Id.optional(), counterId: Id.optional() })
  .refine((t) => t.serviceId !== undefined || t.counterId !== undefined, { message: 'serviceId or counterId is required' });

/** The kiosk never waits longer than this for the printer. */
const PRINT_WAIT_MS = 2000;

export function registerTicketRoutes(router: Router, ctx: ServerContext): void {
  router.add('POST', '/api/tickets', { access: ['kiosk'], maxBody: 2048 }, async (req) => {
    const body = parse(NewTicket, req.body);
    const key = req.headers['idempotency-key'];
    const idempotencyKey = key === undefined ? undefined : parse(IdempotencyKey, key);
    const kiosk = kioskId(req);
    const issue = () => issueTicket(ctx.deps, { ...body, kioskId: kiosk, ...(idempotencyKey ? { idempotencyKey } : {}) });
    // Per-kiosk rate and daily share (a stolen kiosk token cannot use up the day); replays are free.
    const limited = ctx.kioskLimits ? await ctx.store.reads.getService(body.serviceId) : null;
    const issued = limited
      ? await ctx.kioskLimits!.admit({ kioskId: kiosk, service: limited, day: await today(ctx.store.reads, ctx.deps.clock), ...(idempotencyKey ? { idempotencyKey } : {}) }, issue)
      : await issue();
    const { ticket, info } = issued;
    // The resident's phone link (/t/<ref>); the printed QR and the kiosk's QR carry it too.
    const ref = await ctx.resident.ratings.refOf(ticket.id);
    const statusUrl = ref ? ctx.resident.publicAddress.statusUrl(ref) : undefined;
    let print: PrintOutcome = { state: 'none' };
    if (ctx.printing && !issued.replayed) {
      const service = await ctx.store.reads.getService(ticket.serviceId);
      if (service) {
        print = await ctx.printing
          .printIssued({ ticket, service, info, language: ticket.language, ...(statusUrl ? { statusUrl } : {}) }, PRINT_WAIT_MS)
          .catch((e: unknown) => {
            ctx.log.warn({ err: e, ticketId: ticket.id }, 'print failed');
            return { state: 'failed', reason: 'internal_error' } as PrintOutcome;
          });
      }
    } else if (issued.replayed) print = { state: 'queued' };
    return {
      status: issued.replayed ? 200 : 201,
      json: {
        id: ticket.id,
        code: ticket.code,
        serviceId: ticket.serviceId,
        language: ticket.language,
        priority: ticket.priority,
        ahead: info.ahead,
        estimatedWaitMinutes: info.estimatedWaitMinutes,
        issuedAt: new Date(ticket.issuedAt).toISOString(),
        print,
        statusUrl,
      },
    };
  });

  router.add('GET', '/api/tickets', { access: ['staff'] }, async (req) => {
    const day = req.query.get('day') ?? (await today(ctx.store.reads, ctx.deps.clock));
    const tickets = await ctx.store.reads.listTickets(parse(Day, day));
    const submissions = await ctx.submissions.store.reads.idsForTickets(tickets.map((t) => t.id));
    return { status: 200, json: tickets.map((t) => ({ ...ticketJson(t), submissionId: submissions.get(t.id) ?? null })) };
  });

  router.add('GET', '/api/tickets/:id', { access: ['staff'] }, async (req) => {
    const t = await ctx.store.reads.getTicket(parse(Id, req.params.id));
    if (!t) throw new HttpError(404, 'NOT_FOUND');
    // The counter shows the form panel when the ticket carries a submission (issue 9).
    const submission = await ctx.submissions.store.reads.forTicket(t.id);
    return { status: 200, json: { ...ticketJson(t), submissionId: submission?.id ?? null } };
  });

  const verbs = { recall, 'no-show': noShow, start, finish, cancel } as const;
  for (const [path, fn] of Object.entries(verbs)) {
    router.add('POST', `/api/tickets/:id/${path}`, { access: ['staff'], maxBody: 1024 }, async (req) => {
      const ticket = await fn(ctx.deps, parse(Id, req.params.id), staffActor(req));
      return { status: 200, json: { ticket: ticketJson(ticket) } };
    });
  }

  router.add('POST', '/api/tickets/:id/transfer', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const to = parse(Transfer, req.body ?? {});
    const ticket = await transfer(ctx.deps, parse(Id, req.params.id), staffActor(req), {
      ...(to.serviceId ? { serviceId: to.serviceId } : {}),
      ...(to.counterId ? { counterId: to.counterId } : {}),
    });
    return { status: 200, json: { ticket: ticketJson(ticket) } };
  });
}
