// Row <-> domain mapping, kept apart so each store file stays about queries.
import type { Counter, Language, ServiceItem, Ticket, TicketState, WeeklyHours } from '../core/model.js';

export interface ServiceRow {
  id: string;
  prefix: string;
  name_zh: string;
  name_bo: string;
  name_ug: string;
  number_from: number;
  number_to: number;
  average_minutes: number;
  open_from: string;
  open_to: string;
  active: number;
  sort_order: number;
  /** Migration 0050. */
  form_id: string | null;
  /** Migration 0080: pictogram name, and weekly hours as JSON (null: open_from–open_to daily). */
  icon: string | null;
  hours: string | null;
}

export function toService(r: ServiceRow): ServiceItem {
  return {
    id: r.id,
    prefix: r.prefix,
    names: { zh: r.name_zh, bo: r.name_bo, ug: r.name_ug },
    numberFrom: r.number_from,
    numberTo: r.number_to,
    averageMinutes: r.average_minutes,
    openFrom: r.open_from,
    openTo: r.open_to,
    active: r.active === 1,
    sortOrder: r.sort_order,
    formId: r.form_id ?? null,
    icon: r.icon ?? null,
    hours: r.hours ? (JSON.parse(r.hours) as WeeklyHours) : null,
  };
}

export interface CounterRow {
  id: string;
  number: number;
  name_zh: string;
  name_bo: string;
  name_ug: string;
  state: Counter['state'];
  staff_id: string | null;
  languages: string;
  current_ticket_id: string | null;
  /** Migration 0080. */
  usual_languages?: string;
}

export function toCounter(r: CounterRow, services: Counter['services']): Counter {
  return {
    id: r.id,
    number: r.number,
    names: { zh: r.name_zh, bo: r.name_bo, ug: r.name_ug },
    services,
    state: r.state,
    staffId: r.staff_id,
    languages: JSON.parse(r.languages) as Language[],
    currentTicketId: r.current_ticket_id,
    usualLanguages: r.usual_languages ? (JSON.parse(r.usual_languages) as Language[]) : [],
  };
}

export interface TicketRow {
  id: string;
  day: string;
  service_id: string;
  issued_service_id: string;
  number: number;
  code: string;
  language: Language;
  priority: number;
  kiosk_id: string | null;
  state: TicketState;
  issued_at: number;
  queued_at: number;
  target_counter_id: string | null;
  counter_id: string | null;
  call_count: number;
  queue_call_count: number;
  requeued_at: number | null;
  wait_ms: number;
  clock_steps: number;
  first_called_at: number | null;
  last_called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
}

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    day: r.day,
    serviceId: r.service_id,
    issuedServiceId: r.issued_service_id,
    number: r.number,
    code: r.code,
    language: r.language,
    priority: r.priority === 1,
    kioskId: r.kiosk_id,
    state: r.state,
    issuedAt: r.issued_at,
    queuedAt: r.queued_at,
    targetCounterId: r.target_counter_id,
    counterId: r.counter_id,
    callCount: r.call_count,
    queueCallCount: r.queue_call_count,
    requeuedAt: r.requeued_at,
    waitMs: r.wait_ms,
    clockSteps: r.clock_steps,
    firstCalledAt: r.first_called_at,
    lastCalledAt: r.last_called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export const TICKET_COLUMNS = [
  'id', 'day', 'service_id', 'issued_service_id', 'number', 'code', 'language', 'priority', 'kiosk_id',
  'state', 'issued_at', 'queued_at', 'target_counter_id', 'counter_id', 'call_count', 'first_called_at',
  'last_called_at', 'started_at', 'finished_at', 'queue_call_count', 'requeued_at', 'wait_ms', 'clock_steps',
] as const;

export function ticketValues(t: Ticket): (string | number | null)[] {
  return [
    t.id, t.day, t.serviceId, t.issuedServiceId, t.number, t.code, t.language, t.priority ? 1 : 0, t.kioskId,
    t.state, t.issuedAt, t.queuedAt, t.targetCounterId, t.counterId, t.callCount, t.firstCalledAt,
    t.lastCalledAt, t.startedAt, t.finishedAt, t.queueCallCount, t.requeuedAt, t.waitMs, t.clockSteps,
  ];
}
