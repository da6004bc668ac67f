// Statistics for a day or a range (admin): JSON for the admin page's charts and tables, and
// the same figures as an XLSX workbook (exceljs): one sheet per table, Chinese headers,
// numbers stored as numbers. The counting itself is electron/core/statistics/figures.ts.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { STAT_COLUMNS, figureValues } from '../../../core/statistics/columns.js';
import type { Figures } from '../../../core/statistics/figures.js';
import { computeStats, validRange, type HallStats, type StatsTicket } from '../../../core/stats.js';
import { today } from '../../../core/usecases/today.js';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';

type StatsRow = Omit<StatsTicket, 'priority'> & { priority: number };

/** Longest range one request may ask for (a year of a busy hall is about a million tickets). */
export const MAX_RANGE_DAYS = 366;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

async function range(ctx: ServerContext, q: URLSearchParams): Promise<{ from: string; to: string }> {
  const day = await today(ctx.store.reads, ctx.deps.clock);
  const from = q.get('from') ?? q.get('day') ?? day;
  const to = q.get('to') ?? from;
  if (!Day.safeParse(from).success || !Day.safeParse(to).success || !validRange(from, to, MAX_RANGE_DAYS)) {
    throw new HttpError(400, 'BAD_REQUEST', { issues: [{ path: 'from', problem: `from..to: YYYY-MM-DD, from ≤ to, at most ${MAX_RANGE_DAYS} days` }] });
  }
  return { from, to };
}

async function submissionCounts(ctx: ServerContext, from: string, to: string): Promise<{ formId: string; count: number }[]> {
  const table = await ctx.db.reader.get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'submissions'");
  if (!table?.n) return [];
  return ctx.db.reader.all<{ formId: string; count: number }>(
    'SELECT form_id AS formId, COUNT(*) AS count FROM submissions WHERE day BETWEEN ? AND ? GROUP BY form_id',
    [from, to],
  );
}

export async function loadStats(ctx: ServerContext, from: string, to: string): Promise<HallStats> {
  const [rows, submissions, services, counters, policy] = await Promise.all([
    // Only the columns the figures need: a month of a busy hall is some 90 000 rows.
    ctx.db.reader.all<StatsRow>(
      `SELECT day, service_id AS serviceId, issued_service_id AS issuedServiceId, counter_id AS counterId, language, state,
         priority, issued_at AS issuedAt, first_called_at AS firstCalledAt, started_at AS startedAt, finished_at AS finishedAt,
         call_count AS callCount, wait_ms AS waitMs, clock_steps AS clockSteps
       FROM tickets WHERE day BETWEEN ? AND ?`,
      [from, to],
    ),
    submissionCounts(ctx, from, to),
    ctx.store.reads.listServices(),
    ctx.store.reads.listCounters(),
    ctx.store.reads.getPolicy(),
  ]);
  return computeStats({
    from,
    to,
    timeZone: policy.timeZone,
    tickets: rows.map((r) => ({ ...r, priority: r.priority === 1 })),
    submissions,
    serviceOrder: services.map((s) => s.id),
    counterOrder: counters.map((c) => c.id),
  });
}

const LANGUAGE_NAMES = { zh: '汉语', bo: '藏语', ug: '维吾尔语' } as const;

/**
 * The workbook: one sheet per table, each with the label column(s) and then every statistics
 * column (core/statistics/columns.ts) under its Chinese header, values exactly as the API
 * gives them (durations in seconds, rounded once to 0.1 s by the core).
 */
export async function statsWorkbook(ctx: ServerContext, s: HallStats): Promise<Buffer> {
  const [services, counters] = await Promise.all([ctx.store.reads.listServices(), ctx.store.reads.listCounters()]);
  const serviceName = new Map(services.map((x) => [x.id, x.names.zh]));
  const servicePrefix = new Map(services.map((x) => [x.id, x.prefix]));
  const counterName = new Map(counters.map((c) => [c.id, c.names.zh]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hall Kiosk';
  const headers = STAT_COLUMNS.map((c) => c.label);
  const sheet = (name: string, labels: string[], rows: { label: (string | number)[]; figures: Figures }[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([...labels, ...headers]).font = { bold: true };
    for (const r of rows) ws.addRow([...r.label, ...figureValues(r.figures)]);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('按事项', ['事项', '前缀'], s.byService.map((r) => ({ label: [serviceName.get(r.serviceId) ?? r.serviceId, servicePrefix.get(r.serviceId) ?? ''], figures: r })));
  sheet('按窗口', ['窗口'], s.byCounter.map((r) => ({ label: [counterName.get(r.counterId) ?? r.counterId], figures: r })));
  sheet('按小时', ['小时'], s.byHour.map((r) => ({ label: [r.hour], figures: r })));
  sheet('语言', ['语言'], s.byLanguage.map((r) => ({ label: [LANGUAGE_NAMES[r.language]], figures: r })));
  sheet('按日', ['日期'], s.byDay.map((r) => ({ label: [r.day], figures: r })));
  sheet('合计', ['起始日', '结束日'], [{ label: [s.from, s.to], figures: s.totals }]);
  const forms = wb.addWorksheet('表单');
  forms.addRow(['表单', '提交数']).font = { bold: true };
  for (const f of s.byForm) forms.addRow([f.formId, f.submissions]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function registerStatsRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/stats', { access: ['admin'] }, async (req) => {
    const { from, to } = await range(ctx, req.query);
    return { status: 200, json: await loadStats(ctx, from, to) };
  });

  router.add('GET', '/api/stats.xlsx', { access: ['admin'] }, async (req) => {
    const { from, to } = await range(ctx, req.query);
    const body = await statsWorkbook(ctx, await loadStats(ctx, from, to));
    return {
      status: 200,
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      headers: { 'Content-Disposition': `attachment; filename="hall-stats-${from}_${to}.xlsx"`, 'Cache-Control': 'no-store' },
    };
  });
}
