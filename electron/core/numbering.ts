// Ticket numbers: per service, per hall-local day, prefix + 3 digits (A001).
// The day is computed in the hall's time zone so numbering restarts at local midnight.
import { DomainError } from './errors.js';
import type { Millis, ServiceItem } from './model.js';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Millis, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) out[p.type] = p.value;
  return out;
}

/** The hall-local calendar day, YYYY-MM-DD. */
export function hallDay(at: Millis, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The hall-local time of day, HH:MM. */
export function hallTime(at: Millis, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.hour}:${p.minute}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function formatCode(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/**
 * The number to hand out next, given the highest number already issued today for this
 * service (null when none). Refuses once the day's range is used up.
 */
export function nextNumber(service: Pick<ServiceItem, 'numberFrom' | 'numberTo' | 'prefix'>, lastToday: number | null): number {
  const n = lastToday === null ? service.numberFrom : lastToday + 1;
  if (n > service.numberTo) {
    throw new DomainError('DAILY_LIMIT_REACHED', `Service ${service.prefix} has issued all of today's numbers.`);
  }
  return n;
}

/** Whether the service is open at this moment, by its local opening hours. */
export function isOpenAt(service: Pick<ServiceItem, 'openFrom' | 'openTo'>, at: Millis, timeZone: string): boolean {
  const t = hallTime(at, timeZone);
  return t >= service.openFrom && t < service.openTo;
}
