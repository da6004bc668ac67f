// When the export runs: a local time of day in the hall's time zone ("02:00"). A run is
// missed when the latest scheduled moment has passed since the last run started (the hall
// machine was off at 02:00): then one catch-up run happens at start-up.
import { hallDay, hallTime } from '../numbering.js';

export const DEFAULT_SCHEDULE = '02:00';
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidSchedule(s: string): boolean {
  return HHMM.test(s);
}

/** The croner pattern for a daily "HH:MM": "M H * * *". */
export function cronPattern(schedule: string): string {
  const m = HHMM.exec(schedule);
  if (!m) throw new Error(`not a time of day: ${schedule}`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/** The previous calendar day of a YYYY-MM-DD (pure date arithmetic, no time zone). */
export function previousDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The latest scheduled moment at or before now, as a hall-local "YYYY-MM-DD HH:MM" (local
 * strings compare in time order within one zone).
 */
export function latestScheduled(now: number, schedule: string, timeZone: string): string {
  const day = hallDay(now, timeZone);
  const time = hallTime(now, timeZone);
  return time >= schedule ? `${day} ${schedule}` : `${previousDay(day)} ${schedule}`;
}

/**
 * True when a run should happen now because the scheduled one was missed. `lastStart` is
 * when the latest run (of any trigger) started, or when the scheduler first ran on this hall
 * if no run ever happened: a new hall does not export at its very first start.
 */
export function runMissed(lastStart: number, now: number, schedule: string, timeZone: string): boolean {
  const last = `${hallDay(lastStart, timeZone)} ${hallTime(lastStart, timeZone)}`;
  return last < latestScheduled(now, schedule, timeZone);
}
