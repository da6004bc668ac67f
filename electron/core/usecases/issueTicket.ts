import { DomainError } from '../errors.js';
import type { Ticket } from '../model.js';
import { formatCode, hallDay, isOpenAt, nextNumber } from '../numbering.js';
import type { HallDeps, IssueRequest } from '../ports.js';
import { queueInfo, type QueueInfo } from './queueInfo.js';

export interface IssuedTicket {
  ticket: Ticket;
  info: QueueInfo;
  /** True when an earlier request with the same idempotency key had already issued it. */
  replayed: boolean;
}

/**
 * Hands out the next number of the service for today. The ticket counts as issued only
 * once the transaction has committed; the caller acknowledges it after this resolves.
 */
export async function issueTicket(deps: HallDeps, req: IssueRequest, opts: { ignoreOpenHours?: boolean } = {}): Promise<IssuedTicket> {
  const now = deps.clock.now();
  const scope = `kiosk:${req.kioskId ?? '-'}`;
  // Catalog data comes from the reader's cache; only numbering needs the write lock.
  const [policy, service] = await Promise.all([deps.store.reads.getPolicy(), deps.store.reads.getService(req.serviceId)]);
  if (!service) throw new DomainError('NOT_FOUND', 'No such service.', { serviceId: req.serviceId });
  const { ticket, replayed } = await deps.store.write(async (tx) => {
    if (req.idempotencyKey) {
      const earlier = await tx.ticketForKey(scope, req.idempotencyKey);
      if (earlier) return { ticket: earlier, replayed: true };
    }
    if (!service.active) throw new DomainError('SERVICE_INACTIVE', 'This service is not offered now.');
    if (!opts.ignoreOpenHours && !isOpenAt(service, now, policy.timeZone, policy.openingHours)) {
      throw new DomainError('SERVICE_CLOSED', 'This service is closed at this hour.', {
        openFrom: service.openFrom,
        openTo: service.openTo,
      });
    }
    const day = hallDay(now, policy.timeZone);
    const number = nextNumber(service, await tx.lastNumber(day, service.id));
    const t: Ticket = {
      id: deps.ids.newId(),
      day,
      serviceId: service.id,
      issuedServiceId: service.id,
      number,
      code: formatCode(service.prefix, number),
      language: req.language,
      priority: req.priority,
      kioskId: req.kioskId,
      state: 'issued',
      issuedAt: now,
      queuedAt: now,
      targetCounterId: null,
      counterId: null,
      callCount: 0,
      queueCallCount: 0,
      requeuedAt: null,
      waitMs: 0,
      clockSteps: 0,
      firstCalledAt: null,
      lastCalledAt: null,
      startedAt: null,
      finishedAt: null,
    };
    await tx.insertTicket(t);
    await tx.addTicketEvent({ ticketId: t.id, at: now, verb: 'issue', counterId: null, staffId: null });
    if (req.idempotencyKey) await tx.rememberKey(scope, req.idempotencyKey, t.id, now);
    return { ticket: t, replayed: false };
  });
  const info = await queueInfo(deps, ticket);
  if (!replayed) deps.events.publish({ type: 'ticket', verb: 'issue', ticket });
  return { ticket, info, replayed };
}
