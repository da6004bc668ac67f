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

/**
 * HH:MM (or HH:MM:SS, or YYYY-MM-DD HH:MM) of an ISO time or epoch ms in the hall's zone.
 * Before the zone is known it says so with UTC plus a "Z", rather than guessing the browser's.
 */
export function formatHallTime(
  value: string | number | null | undefined,
  opts: { seconds?: boolean; date?: boolean } = {},
  timeZone: string | undefined = hallZone,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  const zone = timeZone ?? 'UTC';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  let out = `${get('hour')}:${get('minute')}${opts.seconds ? `:${get('second')}` : ''}`;
  if (opts.date) out = `${get('year')}-${get('month')}-${get('day')} ${out}`;
  return timeZone ? out : `${out}Z`;
}
