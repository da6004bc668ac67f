// Statistics live in core/statistics/ (figures.ts defines every number); this module keeps
// the shared range check the statistics and audit routes use.
export { computeStats, type HallStats, type StatsInput } from './statistics/hall.js';
export type { StatTicket as StatsTicket } from './statistics/figures.js';

/** Whether from..to is a valid range of calendar days (YYYY-MM-DD, from ≤ to, at most maxDays). */
export function validRange(from: string, to: string, maxDays: number): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(from) || !re.test(to) || from > to) return false;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  // Date.parse accepts 2026-02-31 by rolling over; a round trip refuses it.
  if (new Date(a).toISOString().slice(0, 10) !== from || new Date(b).toISOString().slice(0, 10) !== to) return false;
  return (b - a) / 86_400_000 + 1 <= maxDays;
}
