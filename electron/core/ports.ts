// Interfaces the adapters fill. The core depends on these, never on SQLite, HTTP or Electron.
import type { Counter, HallPolicy, Language, LocalizedText, Millis, ServiceItem, Ticket } from './model.js';

export interface Clock {
  now(): Millis;
}

export interface IdSource {
  newId(): string;
}

export interface TicketEvent {
  ticketId: string;
  at: Millis;
  verb: string;
  counterId: string | null;
  staffId: string | null;
  detail?: Record<string, unknown>;
}

/** Reads never change anything and can run beside a write. */
export interface HallReads {
  listServices(): Promise<ServiceItem[]>;
  getService(id: string): Promise<ServiceItem | null>;
  listCounters(): Promise<Counter[]>;
  getCounter(id: string): Promise<Counter | null>;
  getTicket(id: string): Promise<Ticket | null>;
  listTickets(day: string): Promise<Ticket[]>;
  /** Tickets of days before `day` that never reached a final state (the day's close expires them). */
  unfinishedTicketsBefore(day: string): Promise<Ticket[]>;
  /** Tickets of the day that wait to be called (issued or transferred), optionally of one service. */
  waitingTickets(day: string, serviceId?: string): Promise<Ticket[]>;
  /** How many waiting tickets of its service are ahead of this one (the rule of queueOrder.peopleAhead). */
  countAhead(ticket: Ticket): Promise<number>;
  /** Waiting tickets of the day per service id. */
  waitingCounts(day: string): Promise<Record<string, number>>;
  /** Durations (ms) of the latest finished services of a service, newest first. */
  recentServiceDurations(serviceId: string, limit: number): Promise<number[]>;
  /** Called tickets of the day, newest call first, for the hall display. */
  recentCalls(day: string, limit: number): Promise<Ticket[]>;
  getPolicy(): Promise<HallPolicy>;
  /** The scrolling notice line of the hall display, in the three scripts. */
  getNotice(): Promise<LocalizedText>;
}

/** Everything a write transaction can do. Runs inside one BEGIN IMMEDIATE … COMMIT. */
export interface HallWrites extends HallReads {
  lastNumber(day: string, issuedServiceId: string): Promise<number | null>;
  /**
   * The earliest waiting ticket of each (service, priority, language, target counter) group.
   * The calling rule can only ever pick one of these, so callNext need not load the whole queue.
   */
  callCandidates(day: string): Promise<Ticket[]>;
  insertTicket(ticket: Ticket): Promise<void>;
  updateTicket(ticket: Ticket): Promise<void>;
  updateCounter(counter: Counter): Promise<void>;
  addTicketEvent(event: TicketEvent): Promise<void>;
  /** The ticket an earlier request with this idempotency key created, if any. */
  ticketForKey(scope: string, key: string): Promise<Ticket | null>;
  rememberKey(scope: string, key: string, ticketId: string, at: Millis): Promise<void>;
}

export interface HallStore {
  readonly reads: HallReads;
  /** Runs fn in one transaction; resolves only after COMMIT returned. */
  write<T>(fn: (tx: HallWrites) => Promise<T>): Promise<T>;
}

export type HallEvent =
  | { type: 'ticket'; verb: string; ticket: Ticket }
  | { type: 'counter'; counter: Counter }
  | { type: 'call'; ticket: Ticket; counter: Counter; recall: boolean };

export interface EventSink {
  publish(event: HallEvent): void;
}

export interface HallDeps {
  store: HallStore;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
}

/** Who is acting at a counter: the staff member, and the languages they declared. */
export interface StaffActor {
  staffId: string;
  role: 'staff' | 'admin';
}

export interface IssueRequest {
  serviceId: string;
  language: Language;
  priority: boolean;
  kioskId: string | null;
  /** Same key from the same kiosk → the same ticket (five fast taps issue one ticket). */
  idempotencyKey?: string;
}
