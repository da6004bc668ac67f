// The hall API's shapes as the counter console reads them (see the server's dto.ts).
export type Lang = 'zh' | 'bo' | 'ug';
export type Names = Record<Lang, string>;
export type TicketState = 'issued' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'transferred';

export interface TicketView {
  id: string;
  code: string;
  serviceId: string;
  language: Lang;
  priority: boolean;
  state: TicketState;
  counterId: string | null;
  targetCounterId: string | null;
  callCount: number;
  issuedAt: string;
  firstCalledAt: string | null;
  lastCalledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CounterView {
  id: string;
  number: number;
  names: Names;
  services: { serviceId: string; weight: number }[];
  state: 'closed' | 'open' | 'paused';
  staffId: string | null;
  languages: Lang[];
  currentTicketId: string | null;
}

export interface ServiceView {
  id: string;
  prefix: string;
  names: Names;
  waiting: number;
  active: boolean;
}

export interface StaffView {
  id: string;
  username: string;
  role: 'staff' | 'admin';
}

/** The calling rules the console needs to explain a disabled button. */
export interface CounterPolicy {
  recallGapSeconds: number;
  noShowAfterCalls: number;
}
