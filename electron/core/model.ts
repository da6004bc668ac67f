// The hall's domain vocabulary. Plain data only: no I/O, no framework types.

export const LANGUAGES = ['zh', 'bo', 'ug'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text written in each of the hall's three scripts. */
export type LocalizedText = Record<Language, string>;

/** Epoch milliseconds. The core never reads the clock itself; a Clock port supplies "now". */
export type Millis = number;

/** A service the hall offers (事项). */
export interface ServiceItem {
  id: string;
  /** One capital letter printed before the number: A001. */
  prefix: string;
  names: LocalizedText;
  /** Daily number range: the first and last number handed out per day. */
  numberFrom: number;
  numberTo: number;
  /** Used for the wait estimate until live service times exist. */
  averageMinutes: number;
  /** Local opening hours in the hall's time zone, "HH:MM". */
  openFrom: string;
  openTo: string;
  active: boolean;
  sortOrder: number;
  /** The form a resident fills before taking this service's ticket (forms module), or null. */
  formId: string | null;
  /** One of the shipped pictograms (resources/pictograms/<icon>.svg), or null for none. */
  icon: string | null;
  /** Opening hours per weekday; null means openFrom–openTo every day (migration 0080). */
  hours: WeeklyHours | null;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local opening periods ["HH:MM", "HH:MM"), [from, to), per weekday. A day missing or empty is closed. */
export type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;

export type CounterState = 'closed' | 'open' | 'paused';

export interface CounterService {
  serviceId: string;
  /** Higher weight means this counter prefers this service when several are waiting. */
  weight: number;
}

/** A counter (窗口) where staff serve residents. */
export interface Counter {
  id: string;
  number: number;
  names: LocalizedText;
  services: CounterService[];
  state: CounterState;
  /** The staff member logged in at the counter, if any. */
  staffId: string | null;
  /** Languages the logged-in staff member speaks. */
  languages: Language[];
  /** The ticket currently called or being served here. */
  currentTicketId: string | null;
  /** Languages of the counter's usual staff (setup); offered when the counter is opened. */
  usualLanguages?: Language[];
}

export const TICKET_STATES = [
  'issued',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'transferred',
  /** Still waiting, called or being served when its hall day closed (the day's close). */
  'expired',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States in which a ticket is waiting to be called. A transferred ticket waits again, in its new place. */
export const WAITING_STATES: readonly TicketState[] = ['issued', 'transferred'];
export const FINAL_STATES: readonly TicketState[] = ['done', 'no_show', 'cancelled', 'expired'];

export function isWaiting(state: TicketState): boolean {
  return WAITING_STATES.includes(state);
}

export interface Ticket {
  id: string;
  /** Hall-local calendar day, YYYY-MM-DD, the number belongs to. */
  day: string;
  /** The service the ticket waits for now (changes on transfer). */
  serviceId: string;
  /** The service whose prefix and number range the code came from (never changes). */
  issuedServiceId: string;
  number: number;
  code: string;
  language: Language;
  /** 绿色通道: 70+, disabled, pregnant, military family. */
  priority: boolean;
  kioskId: string | null;
  state: TicketState;
  issuedAt: Millis;
  /** Place in the queue. Equal to issuedAt; a transfer keeps it so the resident keeps their place. */
  queuedAt: Millis;
  /** When transferred to a specific counter, only that counter may call it. */
  targetCounterId: string | null;
  /** The counter that called or serves it. */
  counterId: string | null;
  /** Every call of the ticket, across transfers (recalls included). */
  callCount: number;
  /** Calls in its current queue: a transfer starts this again at 0 (the no-show rule counts these). */
  queueCallCount: number;
  /** When it last went back into a queue after being called (a transfer); null: never. */
  requeuedAt: Millis | null;
  /** Time waited in queues so far: issue → first call plus each transfer → next call (only waits that ended in a call). */
  waitMs: number;
  /** Waits that came out negative because the clock stepped back, counted as 0 in waitMs. */
  clockSteps: number;
  firstCalledAt: Millis | null;
  lastCalledAt: Millis | null;
  startedAt: Millis | null;
  finishedAt: Millis | null;
}

/** Rules a hall administrator can tune. */
export interface HallPolicy {
  /** IANA time zone used for the ticket day and opening hours. */
  timeZone: string;
  /** Minimum seconds between two calls of the same ticket. */
  recallGapSeconds: number;
  /** A ticket can be marked no-show only after this many calls. */
  noShowAfterCalls: number;
  /** How many recent services are averaged for the wait estimate. */
  serviceTimeSample: number;
  /**
   * Ageing limit: after this many minutes of waiting a ticket is called by any counter that
   * serves its service, even one whose staff do not speak its language (queueOrder.ts).
   */
  agingMinutes: number;
  /** The hall's own opening hours; a service is open only inside them too. null: no hall-wide limit. */
  openingHours: WeeklyHours | null;
}

export const DEFAULT_POLICY: HallPolicy = {
  timeZone: 'Asia/Shanghai',
  recallGapSeconds: 30,
  noShowAfterCalls: 2,
  serviceTimeSample: 10,
  agingMinutes: 20,
  openingHours: null,
};
