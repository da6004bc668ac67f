// Times on every page are the hall's local times, never the browser's: a counter PC or a
// display set to another zone (or to UTC, as fresh installs often are) must still show
// 09:05 when the hall's clock says 09:05. Pages learn the zone from GET /api/hall and
// record it here once; formatting then needs no zone argument threaded through every view.

let hallZone: string | undefined;

/** Called by a page after GET /api/hall (and again when a catalog event says it changed). */
export function setHallTimeZone(timeZone: string | undefined): void {
  if (timeZone && isZone(timeZone)) hallZone = timeZone;
}

export function hallTimeZone(): string | undefined {
  return hallZone;
}

function isZone(z: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: z });
    return true;
  } catch {
    return false;
  }
}

/** An ISO time or epoch ms as a Date; null for nothing, or for text that is not a time. */
export function instantOf(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The wall-clock fields of an instant in a zone: two digits each (four for the year), 24-hour.
 * Throws a RangeError for a zone the browser does not know.
 */
export function zonedFields(d: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * HH:MM (or HH:MM:SS, or YYYY-MM-DD HH:MM) of an ISO time or epoch ms in the hall's zone.
 * Before the zone is known it says so with UTC plus a "Z", rather than guessing the browser's.
 */
export function formatHallTime(
  value: string | number | null | undefined,
  opts: { seconds?: boolean; date?: boolean } = {},
  timeZone: string | undefined = hallZone,
): string {
  const d = instantOf(value);
  if (!d) return '—';
  const f = zonedFields(d, timeZone ?? 'UTC');
  let out = `${f.hour}:${f.minute}${opts.seconds ? `:${f.second}` : ''}`;
  if (opts.date) out = `${f.year}-${f.month}-${f.day} ${out}`;
  return timeZone ? out : `${out}Z`;
}
