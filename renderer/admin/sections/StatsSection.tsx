// Statistics for a day or a range. A single day shows the live per-service table computed
// from the day's tickets (renderer/admin/stats.ts); every range shows the server's figures
// (GET /api/stats, electron/core/stats.ts) as charts with tables beside them, and offers the
// XLSX download. While the range reaches today, both refresh on ticket events (at most once
// a second) and every minute, so today's view keeps itself current.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHallEvents } from '../../shared/events.js';
import type { Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { EChart, type ChartOption } from '../EChart.js';
import { ErrorText } from '../ErrorText.js';
import { formatNumber } from '../format.js';
import { downloadWithToken, useSetupApi, type StatsJson, type TimeSummary } from '../setupApi.js';
import { hallDay, statsByService, totalStats, type ServiceStats } from '../stats.js';
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
  const single = from === to;
  const tickets = useResource(() => (single ? api.tickets(from) : Promise.resolve([])), [api, from, single]);
  const range = useResource(() => setup.stats(from, to), [setup, from, to]);
  const services = useResource(() => api.services(), [api]);
  const counters = useResource(() => api.counters(), [api]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const live = to >= today;
  const reloadTickets = tickets.reload;
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
      void reloadTickets();
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
        <button type="button" onClick={() => (void reloadTickets(), void reloadRange())}>
          {t('Stats.refresh')}
        </button>
        <button type="button" className="primary" onClick={() => void download()}>
          {t('Stats.downloadXlsx')}
        </button>
        <span className={`live ${connection}`} role="status">
          {t(`Stats.live_${connection}`)}
        </span>
      </div>
      <ErrorText error={tickets.error ?? range.error ?? services.error ?? downloadError} />
      {single && tickets.data && <DayTable tickets={tickets.data} order={order} lang={lang} />}
      {range.data && <RangeView stats={range.data} name={name} counterName={counterName} />}
    </section>
  );
}

function DayTable({ tickets, order, lang }: { tickets: NonNullable<Parameters<typeof statsByService>[0]>; order: ServiceInfo[]; lang: Lang }) {
  const { t } = useTranslation('admin');
  const rows = statsByService(tickets);
  const known = new Set(order.map((s) => s.id));
  const extra = [...rows.keys()].filter((id) => !known.has(id));
  const total = totalStats(tickets);
  return (
    <table data-testid="stats-table">
      <thead>
        <tr>
          <th scope="col">{t('Stats.service')}</th>
          <th scope="col">{t('Stats.issued')}</th>
          <th scope="col">{t('Stats.waiting')}</th>
          <th scope="col">{t('Stats.inProgress')}</th>
          <th scope="col">{t('Stats.done')}</th>
          <th scope="col">{t('Stats.noShow')}</th>
          <th scope="col">{t('Stats.cancelled')}</th>
          <th scope="col">{t('Stats.avgWait')}</th>
          <th scope="col">{t('Stats.avgService')}</th>
        </tr>
      </thead>
      <tbody>
        {order.map((s) => (
          <StatsRow key={s.id} label={`${s.prefix} ${s.names[lang]}`} stats={rows.get(s.id)} serviceId={s.id} lang={lang} />
        ))}
        {extra.map((id) => (
          <StatsRow key={id} label={id} stats={rows.get(id)} serviceId={id} lang={lang} />
        ))}
      </tbody>
      <tfoot>
        <StatsRow label={t('Stats.total')} stats={total} serviceId="total" lang={lang} header />
      </tfoot>
    </table>
  );
}

function StatsRow(props: { label: string; stats: ServiceStats | undefined; serviceId: string; lang: Lang; header?: boolean }) {
  const s = props.stats;
  const n = (v: number | undefined) => formatNumber(v ?? 0, props.lang);
  const m = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, props.lang, 1));
  const Label = props.header ? 'th' : 'td';
  return (
    <tr data-service-id={props.serviceId}>
      <Label scope={props.header ? 'row' : undefined}>{props.label}</Label>
      <td data-col="issued">{n(s?.issued)}</td>
      <td data-col="waiting">{n(s?.waiting)}</td>
      <td data-col="inProgress">{n(s?.inProgress)}</td>
      <td data-col="done">{n(s?.done)}</td>
      <td data-col="noShow">{n(s?.noShow)}</td>
      <td data-col="cancelled">{n(s?.cancelled)}</td>
      <td data-col="avgWait">{m(s?.avgWaitMinutes)}</td>
      <td data-col="avgService">{m(s?.avgServiceMinutes)}</td>
    </tr>
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
      series: [{ type: 'bar', name: t('Stats.issued'), data: stats.byService.map((r) => r.tickets), itemStyle: { color: ACCENT } }],
    }),
    [stats, name, t],
  );
  const hourChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: stats.byHour.map((h) => String(h.hour).padStart(2, '0')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('Stats.issued'), data: stats.byHour.map((h) => h.tickets), itemStyle: { color: '#2f7d4f' } }],
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
          data: stats.byLanguage.map((l) => ({ name: t(`Setup.lang_${l.language}`), value: l.tickets })),
        },
      ],
    }),
    [stats, t],
  );
  const busiest = stats.byHour.reduce((best, h) => (h.tickets > best.tickets ? h : best), { hour: -1, tickets: 0 });

  return (
    <div data-testid="stats-range">
      <p>
        {t('Stats.rangeSummary', {
          tickets: n(stats.totals.tickets),
          done: n(stats.totals.done),
          noShow: n(stats.totals.noShow),
        })}
        {busiest.hour >= 0 && ` ${t('Stats.busiestHour', { hour: `\u2066${String(busiest.hour).padStart(2, '0')}:00\u2069` })}`}
      </p>
      <h3>{t('Stats.byService')}</h3>
      <div className="stats-grid">
        <EChart option={serviceChart} label={t('Stats.byService')} testId="chart-services" />
        <GroupTable
          testId="stats-services"
          labelHeader={t('Stats.service')}
          rows={stats.byService.map((r) => ({ key: r.serviceId, label: name(r.serviceId), serviceId: r.serviceId, figures: r }))}
        />
      </div>
      <h3>{t('Stats.byHour')}</h3>
      <div className="stats-grid">
        <EChart option={hourChart} label={t('Stats.byHour')} testId="chart-hours" />
        <GroupTable
          testId="stats-counters"
          caption={t('Stats.byCounter')}
          labelHeader={t('Stats.counter')}
          rows={stats.byCounter.map((r) => ({ key: r.counterId, label: counterName(r.counterId), figures: r }))}
        />
      </div>
      <h3>{t('Stats.languagesAndForms')}</h3>
      <div className="stats-grid">
        <EChart option={languageChart} label={t('Stats.languages')} testId="chart-languages" />
        <div>
          <table data-testid="stats-languages">
            <thead>
              <tr>
                <th scope="col">{t('Stats.language')}</th>
                <th scope="col">{t('Stats.issued')}</th>
              </tr>
            </thead>
            <tbody>
              {LANGS.map((l) => (
                <tr key={l}>
                  <td>{t(`Setup.lang_${l}`)}</td>
                  <td>{n(stats.byLanguage.find((x) => x.language === l)?.tickets ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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

interface GroupFigures {
  tickets: number;
  done: number;
  noShow: number;
  wait: TimeSummary;
  service: TimeSummary;
}

/** One range table (per service or per counter): the same columns for either grouping. A
 *  service row carries its id for the page's tests; a counter row carries none. */
function GroupTable(props: {
  testId: string;
  caption?: string;
  labelHeader: string;
  rows: { key: string; label: string; serviceId?: string; figures: GroupFigures }[];
}) {
  const { t } = useTranslation('admin');
  const { lang } = useAdmin();
  const n = (v: number) => formatNumber(v, lang);
  const m = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 1));
  return (
    <table data-testid={props.testId}>
      {props.caption !== undefined && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{props.labelHeader}</th>
          <th scope="col">{t('Stats.issued')}</th>
          <th scope="col">{t('Stats.done')}</th>
          <th scope="col">{t('Stats.noShow')}</th>
          <th scope="col">{t('Stats.avgWait')}</th>
          <th scope="col">{t('Stats.p90Wait')}</th>
          <th scope="col">{t('Stats.avgService')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ key, label, serviceId, figures: r }) => (
          <tr key={key} data-service-id={serviceId}>
            <td>{label}</td>
            <td data-col={serviceId === undefined ? undefined : 'tickets'}>{n(r.tickets)}</td>
            <td>{n(r.done)}</td>
            <td>{n(r.noShow)}</td>
            <td>{m(r.wait.meanMinutes)}</td>
            <td>{m(r.wait.p90Minutes)}</td>
            <td>{m(r.service.meanMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
