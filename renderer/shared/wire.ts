// The hall API's JSON shapes as every page reads them — one copy, matching the server's
// electron/server/dto.ts and the route files. Pages alias these instead of redeclaring them.

export type Lang = 'zh' | 'bo' | 'ug';
export type Names = Record<Lang, string>;
export type TicketState = 'issued' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'transferred' | 'expired';

export interface StaffJson {
  id: string;
  username: string;
  role: 'staff' | 'admin';
}

/** GET /api/services */
export interface ServiceJson {
  id: string;
  prefix: string;
  names: Names;
  waiting: number;
  estimatedWaitMinutes: number;
  open: boolean;
  openFrom: string;
  openTo: string;
  active: boolean;
  /** Setup (admin issue): pictogram name (/pictograms/<icon>.svg), weekly hours, today's periods. */
  icon?: string | null;
  hours?: WeeklyHoursJson | null;
  todayHours?: [string, string][];
  numberFrom?: number;
  numberTo?: number;
  averageMinutes?: number;
  sortOrder?: number;
  formId?: string | null;
}

export type WeekdayJson = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type WeeklyHoursJson = Partial<Record<WeekdayJson, [string, string][]>>;

/** GET /api/counters */
export interface CounterJson {
  id: string;
  number: number;
  names: Names;
  services: { serviceId: string; weight: number }[];
  state: 'closed' | 'open' | 'paused';
  staffId: string | null;
  languages: Lang[];
  currentTicketId: string | null;
  /** Languages of the counter's usual staff (setup). */
  usualLanguages?: Lang[];
}

/** GET /api/tickets, GET /api/tickets/:id and the ticket in verb answers and events. */
export interface TicketJson {
  id: string;
  code: string;
  day: string;
  serviceId: string;
  issuedServiceId: string;
  number: number;
  language: Lang;
  priority: boolean;
  state: TicketState;
  kioskId: string | null;
  counterId: string | null;
  targetCounterId: string | null;
  /** Every call of the ticket, across transfers. */
  callCount: number;
  /** Calls in its current queue (since its last transfer): the no-show rule counts these. */
  queueCallCount: number;
  issuedAt: string;
  firstCalledAt: string | null;
  lastCalledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}
