// What a resident's phone may know about its own ticket, and nothing else.
import type { Language, Ticket } from '../model.js';

export interface PhoneStatus {
  code: string;
  state: string;
  language: Language;
  ahead: number;
  estimatedWaitMinutes: number;
  /** The counter's number once called, else null. */
  counter: number | null;
  /** The service's name in the ticket's language. */
  service: string;
  /** When the latest call happened (ISO): a change means "called again" (recall). */
  calledAt: string | null;
  callCount: number;
  rated: boolean;
}

/**
 * Whether a reference may still be followed: only today's tickets, and not once the day
 * is closed (an expired ticket). Yesterday's reference reads like an unknown one.
 */
export function refIsLive(ticket: Pick<Ticket, 'day' | 'state'>, today: string): boolean {
  return ticket.day === today && (ticket.state as string) !== 'expired';
}

export function phoneStatus(
  ticket: Ticket,
  info: { ahead: number; estimatedWaitMinutes: number },
  counterNumber: number | null,
  serviceName: string,
  rated: boolean,
): PhoneStatus {
  return {
    code: ticket.code,
    state: ticket.state,
    language: ticket.language,
    ahead: info.ahead,
    estimatedWaitMinutes: info.estimatedWaitMinutes,
    counter: ticket.counterId !== null && ticket.firstCalledAt !== null ? counterNumber : null,
    service: serviceName,
    calledAt: ticket.lastCalledAt === null ? null : new Date(ticket.lastCalledAt).toISOString(),
    callCount: ticket.callCount,
    rated,
  };
}
