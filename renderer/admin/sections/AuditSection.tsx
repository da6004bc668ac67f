// The audit log: one hall-local day at a time, filtered by person and by kind (logins, setup
// changes, counters opened and closed, prints, submission reads, exports, purges).
// Read-only: the log itself is append-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { useSetupApi } from '../setupApi.js';
import { hallDay } from '../stats.js';
import { useResource } from '../useResource.js';

/** Kinds offered in the filter: an action prefix ending in '.' matches the whole family. */
export const AUDIT_KINDS = ['login.', 'login.failed', 'setup.', 'counter.', 'print.', 'submission.', 'export.', 'purge.', 'translation.', 'forms.'] as const;

/** A short, readable line of the details: changed fields before → after, else key: value. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const b = detail.before as Record<string, unknown> | null | undefined;
  const a = detail.after as Record<string, unknown> | null | undefined;
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (a && typeof a === 'object') {
    return Object.keys(a)
      .map((k) => (b && typeof b === 'object' && k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`))
      .join('; ');
  }
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
}

export function AuditSection() {
  const { t } = useTranslation('admin');
  const { hall } = useAdmin();
  const setup = useSetupApi();
  const zone = hall?.timeZone ?? 'Asia/Shanghai';
  const today = hallDay(new Date(), zone);
  const [day, setDay] = useState(today);
  const [actor, setActor] = useState('');
  const [kind, setKind] = useState('');
  const staff = useResource(() => setup.staff(), [setup]);
  const entries = useResource(() => setup.audit(day, actor, kind), [setup, day, actor, kind]);

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('Audit.title')}</h2>
      <p className="hint">{t('Audit.appendOnly')}</p>
      <div className="inline-form">
        <label>
          {t('Audit.day')}
          <input type="date" name="auditDay" dir="ltr" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
        <label>
          {t('Audit.person')}
          <select name="auditActor" value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t('Audit.everyone')}</option>
            {(staff.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.username}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Audit.kind')}
          <select name="auditKind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('Audit.allKinds')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`Audit.kind_${k.replace(/\.$/, '').replace('.', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void entries.reload()}>
          {t('Stats.refresh')}
        </button>
      </div>
      <ErrorText error={entries.error ?? staff.error} />
      {entries.data && entries.data.length === 0 && <p>{t('Audit.none')}</p>}
      {entries.data && entries.data.length > 0 && (
        <table data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('Audit.at')}</th>
              <th scope="col">{t('Audit.person')}</th>
              <th scope="col">{t('Audit.action')}</th>
              <th scope="col">{t('Audit.target')}</th>
              <th scope="col">{t('Audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td className="nowrap">{formatTime(e.at, zone)}</td>
                <td dir="auto">{e.actor.name ?? t(`Audit.actor_${e.actor.kind}`)}</td>
                <td className="code" dir="ltr">
                  {e.action}
                </td>
                <td className="code" dir="ltr">
                  {e.target ?? ''}
                </td>
                <td dir="auto" className="detail">
                  {describeDetail(e.detail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
