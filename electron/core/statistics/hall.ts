// The admin's statistics for a day or a range: every table of the admin page and the
// workbook, all rows made by figures.ts (StatisticsBook) with the same columns.
import { LANGUAGES, type Language } from '../model.js';
import { emptyFigures, StatisticsBook, type Figures, type StatRow, type StatTicket } from './figures.js';

export interface HallStats {
  from: string;
  to: string;
  totals: Figures;
  /** Per service: taken for it, and the outcome of the tickets it served as. */
  byService: ({ serviceId: string } & Figures)[];
  /** Per counter: the tickets whose last counter it is. */
  byCounter: ({ counterId: string } & Figures)[];
  /** 24 rows, hour 0–23 of the hall-local day of issue, summed over the range. */
  byHour: ({ hour: number } & Figures)[];
  byLanguage: ({ language: Language } & Figures)[];
  byDay: ({ day: string } & Figures)[];
  byForm: { formId: string; submissions: number }[];
}

export interface StatsInput {
  from: string;
  to: string;
  timeZone: string;
  tickets: Iterable<StatTicket>;
  /** Submissions per form over the range (counted by the adapter; answers never leave the store). */
  submissions: readonly { formId: string; count: number }[];
  /** Service ids in display order (the kiosk order); services without tickets still get a row. */
  serviceOrder?: readonly string[];
  counterOrder?: readonly string[];
}

function figuresOf(r: StatRow): Figures {
  const { day: _day, scope: _scope, key: _key, ...f } = r;
  return f;
}

export function computeStats(input: StatsInput): HallStats {
  const book = new StatisticsBook({ timeZone: input.timeZone, perDay: false });
  for (const t of input.tickets) book.add(t);
  const rows = book.rows();
  const of = (scope: StatRow['scope']) => new Map(rows.filter((r) => r.scope === scope).map((r) => [r.key, figuresOf(r)]));
  const ordered = (m: Map<string, Figures>, order: readonly string[] | undefined) => [...new Set([...(order ?? []), ...m.keys()])];
  const services = of('service');
  const counters = of('counter');
  const hours = of('hour');
  const languages = of('language');
  const days = of('day');
  return {
    from: input.from,
    to: input.to,
    totals: of('total').get('*') ?? emptyFigures(),
    byService: ordered(services, input.serviceOrder).map((id) => ({ serviceId: id, ...(services.get(id) ?? emptyFigures()) })),
    byCounter: ordered(counters, input.counterOrder).map((id) => ({ counterId: id, ...(counters.get(id) ?? emptyFigures()) })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...(hours.get(String(hour).padStart(2, '0')) ?? emptyFigures()) })),
    byLanguage: LANGUAGES.map((language) => ({ language, ...(languages.get(language) ?? emptyFigures()) })),
    byDay: [...days.keys()].sort().map((day) => ({ day, ...days.get(day)! })),
    byForm: [...input.submissions].sort((a, b) => b.count - a.count || (a.formId < b.formId ? -1 : 1)).map((s) => ({ formId: s.formId, submissions: s.count })),
  };
}
