// Today's numbers per service, computed here from the day's tickets. It refetches when a
// ticket changes (WebSocket) so the table stays current while the hall is busy.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHallEvents } from '../../shared/events.js';
import type { Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatNumber } from '../format.js';
import { hallDay, statsByService, totalStats, type ServiceStats } from '../stats.js';
import { useResource } from '../useResource.js';

const REFRESH_DEBOUNCE_MS = 1_000;

export function StatsSection() {
  const { t } = useTranslation('admin');
  const { api, token, lang, hall } = useAdmin();
  const today = hallDay(new Date(), hall?.timeZone ?? 'Asia/Shanghai');
  const [day, setDay] = useState(today);
  const tickets = useResource(() => api.tickets(day), [api, day]);
  const services = useResource(() => api.services(), [api]);
  const { reload } = tickets;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const connection = useHallEvents(token, (e) => {
    if (e.type !== 'hello' && e.type !== 'ticket') return;
    // Many events arrive in a burst when the hall is busy: refetch once per second at most.
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void reload();
    }, REFRESH_DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const rows = statsByService(tickets.data ?? []);
  const order: ServiceInfo[] = services.data ?? [];
  const known = new Set(order.map((s) => s.id));
  const extra = [...rows.keys()].filter((id) => !known.has(id));
  const total = totalStats(tickets.data ?? []);

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('Stats.title')}</h2>
      <div className="inline-form">
        <label>
          {t('Stats.day')}
          <input type="date" name="statsDay" dir="ltr" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
        <button type="button" onClick={() => void reload()}>
          {t('Stats.refresh')}
        </button>
        <span className={`live ${connection}`} role="status">
          {t(`Stats.live_${connection}`)}
        </span>
      </div>
      <ErrorText error={tickets.error ?? services.error} />
      {tickets.data && (
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
      )}
    </section>
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
