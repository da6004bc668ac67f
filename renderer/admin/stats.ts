// The admin page's statistics tables. The figures come from the server (GET /api/stats),
// computed by electron/core/statistics/figures.ts — the page computes nothing itself, it only
// lays the rows out in the shared column order (core/statistics/columns.ts) and formats them.
// Pure functions so they are tested without a browser.
import { hallDay as coreHallDay, isValidTimeZone } from '../../electron/core/numbering.js';
import { STAT_COLUMNS, type StatColumn } from '../../electron/core/statistics/columns.js';
import type { Figures } from '../../electron/core/statistics/figures.js';

export { STAT_COLUMNS, type StatColumn };
export type { Figures };

export interface StatsTableRow {
  key: string;
  label: string;
  /** One text per column of STAT_COLUMNS, in that order. */
  cells: { field: StatColumn['field']; text: string }[];
}

/**
 * The rows of one statistics table as the page shows them: counts as whole numbers,
 * durations in seconds with one decimal (as the core rounded them), '—' for a duration over
 * no tickets. `format` is the page's number format (formatNumber in the page's language).
 */
export function statsTableRows(
  rows: readonly { key: string; label: string; figures: Figures }[],
  format: (n: number, fractionDigits: number) => string,
): StatsTableRow[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    cells: STAT_COLUMNS.map((c) => {
      const v = r.figures[c.field];
      return { field: c.field, text: v === null ? '—' : format(v, c.seconds ? 1 : 0) };
    }),
  }));
}

/** YYYY-MM-DD of `now` in the hall's time zone: the core's own rule, so the page and the
 * server agree on which day a ticket belongs to. An unknown zone falls back to UTC. */
export function hallDay(now: Date, timeZone: string): string {
  return coreHallDay(now.getTime(), isValidTimeZone(timeZone) ? timeZone : 'UTC');
}
