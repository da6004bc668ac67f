// The daily statistics file that travels with each batch: per day × (day, service, counter,
// hour, language), the columns of core/statistics/columns.ts, computed by
// core/statistics/figures.ts — the same module as the admin page's figures. Fed one ticket
// at a time while the tickets file streams out; no ticket is kept.
import { STAT_COLUMNS, figuresJson, figureValues } from '../statistics/columns.js';
import { StatisticsBook, type StatRow } from '../statistics/figures.js';
import type { Column, FileSpec } from './records.js';

export type { StatRow } from '../statistics/figures.js';

/** Per-day statistics for the export: every row names its hall day. */
export class DailyStatistics extends StatisticsBook {
  constructor(timeZone: string) {
    super({ timeZone, perDay: true });
  }
}

const COLUMNS: Column[] = [
  { code: 'day', label: '日期' },
  { code: 'scope', label: '统计维度' },
  { code: 'key', label: '事项、窗口、时段或语言' },
  ...STAT_COLUMNS.map((c) => ({ code: c.code, label: c.label })),
];

export const STATISTICS_FILE: FileSpec<StatRow> = {
  columns: COLUMNS,
  csv: (r) => [r.day, r.scope, r.key, ...figureValues(r)],
  // The JSON keys of earlier releases for the first eight columns (tickets, noShows, meanWaitSeconds…).
  json: (r) => ({ day: r.day, scope: r.scope, key: r.key, ...figuresJson(r) }),
};
