// Calendar days as "YYYY-MM-DD" strings: real dates and the bounds a definition may write.
// Pure calendar arithmetic in UTC; "today" always comes from the caller.

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day (no 30 February), years 1000–9999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Adds days to a "YYYY-MM-DD" day (calendar arithmetic in UTC, no clock involved). */
export function addDays(day: string, days: number): string {
  const m = DATE_RE.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** A date bound as written in a definition: "YYYY-MM-DD", "today", "today+N" or "today-N" (days). */
export const DATE_BOUND_RE = /^(?:\d{4}-\d{2}-\d{2}|today(?:[+-]\d{1,5})?)$/;

/** The day a date bound stands for, or undefined when it is malformed. */
export function resolveDateBound(bound: string, today: string): string | undefined {
  if (bound === 'today') return today;
  const rel = /^today([+-]\d{1,5})$/.exec(bound);
  if (rel) return addDays(today, Number(rel[1]));
  return isDateString(bound) ? bound : undefined;
}
