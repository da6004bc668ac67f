// The hall API's shapes as the counter console reads them (see the server's dto.ts).
import type { CounterJson, ServiceJson, StaffJson, TicketJson } from '../shared/wire.js';

export type { Lang, Names, TicketState } from '../shared/wire.js';
export type TicketView = TicketJson;
export type CounterView = CounterJson;
export type StaffView = StaffJson;

export type ServiceView = Pick<ServiceJson, 'id' | 'prefix' | 'names' | 'waiting' | 'active'>;

/** The calling rules the console needs to explain a disabled button. */
export interface CounterPolicy {
  recallGapSeconds: number;
  noShowAfterCalls: number;
}
