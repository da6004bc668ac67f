// Statistics for a day or a range: the server's figures (GET /api/stats, computed only by
// electron/core/statistics/figures.ts) as one full table per service with the day's total,
// then charts with the per-counter, per-hour, per-language and per-day tables, all with the
// same columns (core/statistics/columns.ts), a help text defining each column, and the XLSX
// download. While the range reaches today, the figures refresh on ticket events (at most
// once a second) and every minute, so today's view keeps itself current.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHallEvents } from '../../shared/events.js';
import type { Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { EChart, type ChartOption } from '../../shared/EChart.js';
import { ErrorText } from '../ErrorText.js';
import { formatNumber } from '../format.js';
import { downloadWithToken, useSetupApi, type StatsJson } from '../setupApi.js';
import { hallDay, STAT_COLUMNS, statsTableRows, type Figures } from '../stats.js';
import { useResource } from '../useResource.js';

const REFRESH_DEBOUNCE_MS = 1_000;
const REFRESH_EVERY_MS = 60_000;
const LANGS: Lang[] = ['zh', 'bo', 'ug'];

export function StatsSection() {
  const { t } = useTranslation('admin');
  const { api, token, lang, hall } = useAdmin();
  const setup = useSetupApi();
  const zone = hall?.timeZone ?? 'Asia/Shanghai';
  const today = hallDay(new Date(), zone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const range = useResource(() => setup.stats(from, to), [setup, from, to]);
  const services = useResource(() => api.services(), [api]);
  const counters = useResource(() => api.counters(), [api]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const live = to >= today;
  const reloadRange = range.reload;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const connection = useHallEvents(token, (e) => {
    if (e.type === 'catalog') {
      void services.reload();
      void counters.reload();
    }
    if (!live || (e.type !== 'hello' && e.type !== 'ticket')) return;
    // Many events arrive in a burst when the hall is busy: refetch once per second at most.
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void reloadRange();
    }, REFRESH_DEBOUNCE_MS);
  });
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void reloadRange(), REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [live, reloadRange]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const order: ServiceInfo[] = services.data ?? [];
  const name = useMemo(() => {
    const m = new Map(order.map((s) => [s.id, `${s.prefix} ${s.names[lang]}`]));
    return (id: string) => m.get(id) ?? id;
  }, [order, lang]);
  const counterName = useMemo(() => {
    const m = new Map((counters.data ?? []).map((c) => [c.id, c.names[lang]]));
    return (id: string) => m.get(id) ?? id;
  }, [counters.data, lang]);

  const download = async () => {
    setDownloadError(null);
    try {
      await downloadWithToken(`/api/stats.xlsx?from=${from}&to=${to}`, token, `hall-stats-${from}_${to}.xlsx`);
    } catch (e) {
      setDownloadError(e);
    }
  };

  const setRange = (f: string, tt: string) => {
    setFrom(f);
    setTo(tt < f ? f : tt);
  };

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('Stats.title')}</h2>
      <div className="inline-form">
        <label>
          {t('Stats.from')}
          <input type="date" name="statsFrom" dir="ltr" value={from} max={today} onChange={(e) => e.target.value && setRange(e.target.value, to)} />
        </label>
        <label>
          {t('Stats.to')}
          <input type="date" name="statsTo" dir="ltr" value={to} min={from} max={today} onChange={(e) => e.target.value && setRange(from, e.target.value)} />
        </label>
        <button type="button" onClick={() => setRange(today, today)}>
          {t('Stats.today')}
        </button>
        <button type="button" onClick={() => void reloadRange()}>
          {t('Stats.refresh')}
        </button>
        <button type="button" className="primary" onClick={() => void download()}>
          {t('Stats.downloadXlsx')}
        </button>
        <span className={`live ${connection}`} role="status">
          {t(`Stats.live_${connection}`)}
        </span>
      </div>
      <ErrorText error={range.error ?? services.error ?? downloadError} />
      {range.data && (
        <StatsTable
          testId="stats-table"
          labelHeader={t('Stats.service')}
          rows={range.data.byService.map((r) => ({ key: r.serviceId, label: name(r.serviceId), figures: r }))}
          total={{ key: 'total', label: t('Stats.total'), figures: range.data.totals }}
        />
      )}
      {range.data && <RangeView stats={range.data} name={name} counterName={counterName} />}
      <StatsHelp />
    </section>
  );
}

const ACCENT = '#0b4f9c';

function RangeView({ stats, name, counterName }: { stats: StatsJson; name: (id: string) => string; counterName: (id: string) => string }) {
  const { t } = useTranslation('admin');
  const { lang } = useAdmin();
  const n = (v: number) => formatNumber(v, lang);

  const serviceChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: stats.byService.map((r) => name(r.serviceId)) },
      series: [{ type: 'bar', name: t('Stats.col_taken'), data: stats.byService.map((r) => r.taken), itemStyle: { color: ACCENT } }],
    }),
    [stats, name, t],
  );
  const hourChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: stats.byHour.map((h) => String(h.hour).padStart(2, '0')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('Stats.col_taken'), data: stats.byHour.map((h) => h.taken), itemStyle: { color: '#2f7d4f' } }],
    }),
    [stats, t],
  );
  const languageChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: stats.byLanguage.map((l) => ({ name: t(`Setup.lang_${l.language}`), value: l.taken })),
        },
      ],
    }),
    [stats, t],
  );
  const busiest = stats.byHour.reduce((best, h) => (h.taken > best.taken ? h : best), { hour: -1, taken: 0 });

  return (
    <div data-testid="stats-range">
      <p>
        {t('Stats.rangeSummary', {
          tickets: n(stats.totals.taken),
          done: n(stats.totals.served),
          noShow: n(stats.totals.noShow),
        })}
        {busiest.hour >= 0 && ` ${t('Stats.busiestHour', { hour: `\u2066${String(busiest.hour).padStart(2, '0')}:00\u2069` })}`}
      </p>
      <h3>{t('Stats.byService')}</h3>
      <div className="stats-grid">
        <EChart option={serviceChart} label={t('Stats.byService')} testId="chart-services" />
        <StatsTable
          testId="stats-services"
          labelHeader={t('Stats.service')}
          rows={stats.byService.map((r) => ({ key: r.serviceId, label: name(r.serviceId), figures: r }))}
        />
      </div>
      <h3>{t('Stats.byHour')}</h3>
      <div className="stats-grid">
        <EChart option={hourChart} label={t('Stats.byHour')} testId="chart-hours" />
        <StatsTable
          testId="stats-counters"
          caption={t('Stats.byCounter')}
          labelHeader={t('Stats.counter')}
          rows={stats.byCounter.map((r) => ({ key: r.counterId, label: counterName(r.counterId), figures: r }))}
        />
      </div>
      <h3>{t('Stats.byDay')}</h3>
      <StatsTable testId="stats-days" labelHeader={t('Stats.day')} rows={stats.byDay.map((r) => ({ key: r.day, label: r.day, figures: r }))} />
      <h3>{t('Stats.languagesAndForms')}</h3>
      <div className="stats-grid">
        <EChart option={languageChart} label={t('Stats.languages')} testId="chart-languages" />
        <div>
          <StatsTable
            testId="stats-languages"
            labelHeader={t('Stats.language')}
            rows={LANGS.map((l) => ({ key: l, label: t(`Setup.lang_${l}`), figures: stats.byLanguage.find((x) => x.language === l)! }))}
          />
          <table data-testid="stats-forms">
            <thead>
              <tr>
                <th scope="col">{t('Stats.form')}</th>
                <th scope="col">{t('Stats.submissions')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byForm.length === 0 && (
                <tr>
                  <td colSpan={2}>{t('Stats.noForms')}</td>
                </tr>
              )}
              {stats.byForm.map((f) => (
                <tr key={f.formId}>
                  <td dir="ltr">{f.formId}</td>
                  <td>{n(f.submissions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

/**
 * One statistics table: a label column, then every statistics column (core/statistics/
 * columns.ts) in the shared order. Cells carry data-col (the figure's name) and rows
 * data-service-id (the row's key) for the page's tests.
 */
function StatsTable(props: {
  testId: string;
  caption?: string;
  labelHeader: string;
  rows: { key: string; label: string; figures: Figures }[];
  total?: { key: string; label: string; figures: Figures };
}) {
  const { t } = useTranslation('admin');
  const { lang } = useAdmin();
  const format = (v: number, digits: number) => formatNumber(v, lang, digits);
  const body = statsTableRows(props.rows, format);
  const foot = props.total ? statsTableRows([props.total], format) : [];
  const row = (r: (typeof body)[number], header: boolean) => (
    <tr key={r.key} data-service-id={r.key}>
      {header ? <th scope="row">{r.label}</th> : <td>{r.label}</td>}
      {r.cells.map((c) => (
        <td key={c.field} data-col={c.field}>
          {c.text}
        </td>
      ))}
    </tr>
  );
  // The table is wider than the page on narrow screens: the scroll box takes keyboard focus
  // (arrow keys scroll it) and is named by the table's caption or first column's header.
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={props.caption ?? props.labelHeader}>
      <table data-testid={props.testId}>
        {props.caption !== undefined && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            {STAT_COLUMNS.map((c) => (
              <th scope="col" key={c.field} title={t(`Stats.help_${c.field}`)}>
                {t(`Stats.col_${c.field}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body.map((r) => row(r, false))}</tbody>
        {foot.length > 0 && <tfoot>{foot.map((r) => row(r, true))}</tfoot>}
      </table>
    </div>
  );
}

/** What every column means, in the page's language (the same words as docs/export.md). */
function StatsHelp() {
  const { t } = useTranslation('admin');
  return (
    <details data-testid="stats-help">
      <summary>{t('Stats.helpTitle')}</summary>
      <p>{t('Stats.helpIntro')}</p>
      <dl>
        {STAT_COLUMNS.map((c) => (
          <div key={c.field}>
            <dt>{t(`Stats.col_${c.field}`)}</dt>
            <dd>{t(`Stats.help_${c.field}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
