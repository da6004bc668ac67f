// When the personal part of a submission must go: a configurable number of days after the
// export confirmed its delivery to the district. Never before: a submission the export has
// not confirmed (exportedAt null) is kept, so nothing is lost if the export is late.
import type { Millis } from '../model.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_RETENTION_DAYS = 3650;

export interface RetentionState {
  id: string;
  exportedAt: Millis | null;
  purgedAt: Millis | null;
}

/** The latest export time that is due at `now`: exported_at + days ≤ now. */
export function retentionCutoff(now: Millis, days: number): Millis {
  return now - days * DAY_MS;
}

export function isDueForPurge(s: RetentionState, days: number, now: Millis): boolean {
  return s.purgedAt === null && s.exportedAt !== null && s.exportedAt + days * DAY_MS <= now;
}

/** The ids of the submissions whose personal answers are due to be erased. */
export function dueForPurge(list: readonly RetentionState[], days: number, now: Millis): string[] {
  return list.filter((s) => isDueForPurge(s, days, now)).map((s) => s.id);
}

export function isValidRetentionDays(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_RETENTION_DAYS;
}
