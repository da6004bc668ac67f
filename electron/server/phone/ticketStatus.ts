// A phone's view of its own ticket, from its reference. Unknown, malformed, yesterday's and
// expired references all read as null, so the answer never hints whether a ticket exists.
import type { Ticket } from '../../core/model.js';
import type { HallDeps } from '../../core/ports.js';
import { phoneStatus, refIsLive, type PhoneStatus } from '../../core/rating/phoneStatus.js';
import { queueInfo } from '../../core/usecases/queueInfo.js';
import { today } from '../../core/usecases/today.js';
import type { RatingStore } from '../../store/ratingStore.js';
import { isTicketRefShape } from '../../store/ticketRef.js';

export class TicketStatusReader {
  constructor(
    private readonly deps: HallDeps,
    private readonly ratings: RatingStore,
  ) {}

  /** Today's live ticket behind the reference, or null. */
  async liveTicket(ref: string): Promise<Ticket | null> {
    if (!isTicketRefShape(ref)) return null;
    const ticket = await this.ratings.ticketByRef(ref);
    if (!ticket) return null;
    return refIsLive(ticket, await today(this.deps.store.reads, this.deps.clock)) ? ticket : null;
  }

  ticketById(id: string): Promise<Ticket | null> {
    return this.deps.store.reads.getTicket(id);
  }

  async isLive(ticket: Ticket): Promise<boolean> {
    return refIsLive(ticket, await today(this.deps.store.reads, this.deps.clock));
  }

  async status(ticket: Ticket): Promise<PhoneStatus> {
    const reads = this.deps.store.reads;
    const [info, counter, service, rated] = await Promise.all([
      queueInfo(this.deps, ticket),
      ticket.counterId ? reads.getCounter(ticket.counterId) : Promise.resolve(null),
      reads.getService(ticket.serviceId),
      ticket.state === 'done' ? this.ratings.isRated(ticket.id) : Promise.resolve(false),
    ]);
    return phoneStatus(ticket, info, counter?.number ?? null, service?.names[ticket.language] ?? '', rated);
  }
}
