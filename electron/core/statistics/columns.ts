// The statistics columns, in one order for every place that shows them: the admin API's
// tables, the admin page, the workbook and the export's statistics file. `code` is the
// export's CSV column (the first eight keep the codes of earlier releases, in their places,
// so a reader of older batches keeps working; the rest were added by issue 19), `label` the
// Chinese header (the CSV's second header row and the workbook), `i18n` the admin page's
// header and help (admin.json Stats.col_<field>, Stats.help_<field>).
import type { Figures } from './figures.js';

export interface StatColumn {
  field: keyof Figures;
  code: string;
  label: string;
  /** The key in the export's JSON Lines (the first eight as in earlier releases). */
  json: string;
  /** A duration in seconds (mean or p90) rather than a count. */
  seconds: boolean;
}

export const STAT_COLUMNS: readonly StatColumn[] = [
  { field: 'taken', code: 'tickets', label: '取号数', json: 'tickets', seconds: false },
  { field: 'served', code: 'served', label: '办结数', json: 'served', seconds: false },
  { field: 'noShow', code: 'no_shows', label: '过号数', json: 'noShows', seconds: false },
  { field: 'cancelled', code: 'cancelled', label: '取消数', json: 'cancelled', seconds: false },
  { field: 'expired', code: 'expired', label: '过期数', json: 'expired', seconds: false },
  { field: 'waitMeanSeconds', code: 'mean_wait_seconds', label: '平均累计等候（秒）', json: 'meanWaitSeconds', seconds: true },
  { field: 'waitP90Seconds', code: 'p90_wait_seconds', label: '90%累计等候（秒）', json: 'p90WaitSeconds', seconds: true },
  { field: 'serviceMeanSeconds', code: 'mean_service_seconds', label: '平均办理（秒）', json: 'meanServiceSeconds', seconds: true },
  { field: 'servedAs', code: 'served_as', label: '按最终事项计数', json: 'servedAs', seconds: false },
  { field: 'waiting', code: 'waiting', label: '等候中', json: 'waiting', seconds: false },
  { field: 'called', code: 'called', label: '已叫号未办结', json: 'called', seconds: false },
  { field: 'priority', code: 'priority', label: '绿色通道', json: 'priority', seconds: false },
  { field: 'serviceP90Seconds', code: 'p90_service_seconds', label: '90%办理（秒）', json: 'p90ServiceSeconds', seconds: true },
  { field: 'firstCallMeanSeconds', code: 'mean_first_call_seconds', label: '平均首次叫号等候（秒）', json: 'meanFirstCallSeconds', seconds: true },
  { field: 'firstCallP90Seconds', code: 'p90_first_call_seconds', label: '90%首次叫号等候（秒）', json: 'p90FirstCallSeconds', seconds: true },
  { field: 'calls', code: 'calls', label: '叫号次数', json: 'calls', seconds: false },
  { field: 'clockSteps', code: 'clock_steps', label: '时钟回拨票数', json: 'clockSteps', seconds: false },
];

/** A row as the export's JSON Lines object: its JSON keys, in column order. */
export function figuresJson(f: Figures): Record<string, number | null> {
  return Object.fromEntries(STAT_COLUMNS.map((c) => [c.json, f[c.field]]));
}

/** A row's values in column order (null for a duration over no tickets). */
export function figureValues(f: Figures): (number | null)[] {
  return STAT_COLUMNS.map((c) => f[c.field]);
}
