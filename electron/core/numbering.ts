// Ticket numbers: per service, per hall-local day, prefix + 3 digits (A001).
// The day is computed in the hall's time zone so numbering restarts at local midnight.
import { DomainError } from './errors.js';
import { WEEKDAYS, type Millis, type ServiceItem, type Weekday, type WeeklyHours } from './model.js';

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
      weekday: 'short',
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

/**
 * The last millisecond of a hall-local day (YYYY-MM-DD): the moment just before the hall's
 * next midnight. Found by bisection over the 30 hours around UTC midnight, so it holds for
 * every offset (−12 … +14 h) and for days that a daylight-saving change shortens or lengthens.
 */
export function hallDayEnd(day: string, timeZone: string): Millis {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  // Invariant: hallDay(lo) ≤ day < hallDay(hi).
  let lo = nextMidnightUtc - 15 * 3_600_000;
  let hi = nextMidnightUtc + 15 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (hallDay(mid, timeZone) <= day) lo = mid;
    else hi = mid;
  }
  return lo;
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

/** The hall-local weekday, mon … sun. */
export function hallWeekday(at: Millis, timeZone: string): Weekday {
  const w = parts(at, timeZone).weekday?.slice(0, 3).toLowerCase() as Weekday | undefined;
  return w && (WEEKDAYS as readonly string[]).includes(w) ? w : 'mon';
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "HH:MM" from 00:00 to 24:00. */
export function isClockTime(value: string): boolean {
  return HHMM.test(value);
}

/** Periods that are well formed: each from < to, in order, not overlapping. */
export function areValidPeriods(periods: readonly (readonly [string, string])[]): boolean {
  let last = '';
  for (const [from, to] of periods) {
    if (!isClockTime(from) || !isClockTime(to) || from >= to || from < last) return false;
    last = to;
  }
  return true;
}

function inPeriods(periods: readonly (readonly [string, string])[] | undefined, time: string): boolean {
  return (periods ?? []).some(([from, to]) => time >= from && time < to);
}

/** Whether a weekly timetable is open at this weekday and local time (a day not listed is closed). */
export function weeklyOpen(hours: WeeklyHours, day: Weekday, time: string): boolean {
  return inPeriods(hours[day], time);
}

/**
 * Whether the service is open at this moment, in the hall's local time: by its weekly hours
 * when it has them, else by openFrom–openTo every day; and inside the hall's own weekly hours
 * when the hall has set them.
 */
export function isOpenAt(
  service: Pick<ServiceItem, 'openFrom' | 'openTo'> & { hours?: WeeklyHours | null },
  at: Millis,
  timeZone: string,
  hallHours: WeeklyHours | null = null,
): boolean {
  const t = hallTime(at, timeZone);
  const day = hallWeekday(at, timeZone);
  if (hallHours && !weeklyOpen(hallHours, day, t)) return false;
  if (service.hours) return weeklyOpen(service.hours, day, t);
  return t >= service.openFrom && t < service.openTo;
}

/** Today's opening periods of a service (for the kiosk's "opens at" line), hall hours not applied. */
export function periodsOn(service: Pick<ServiceItem, 'openFrom' | 'openTo'> & { hours?: WeeklyHours | null }, day: Weekday): [string, string][] {
  if (service.hours) return (service.hours[day] ?? []).map(([a, b]) => [a, b]);
  return [[service.openFrom, service.openTo]];
}
