// Services (事项): the list in all three scripts, and one form to create or edit a service:
// names, letter prefix, daily number range, opening hours (every day, or per weekday with
// several periods), expected minutes, active, form, order on the kiosk and a pictogram.
// A save is live on every kiosk at once (the server sends a catalog event).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { periodsToText, textToPeriods, useSetupApi, type ServiceSetup } from '../setupApi.js';
import { useResource } from '../useResource.js';
import type { WeekdayJson, WeeklyHoursJson } from '../../shared/wire.js';

export const SCRIPTS: Lang[] = ['zh', 'bo', 'ug'];
export const WEEKDAYS: WeekdayJson[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The column headers over NameCells: the name in each script. */
export function NameHeaders() {
  const { t } = useTranslation('admin');
  return (
    <>
      <th scope="col">{t('Catalog.nameZh')}</th>
      <th scope="col">{t('Catalog.nameBo')}</th>
      <th scope="col">{t('Catalog.nameUg')}</th>
    </>
  );
}

export function NameCells({ names }: { names: Record<Lang, string> }) {
  return (
    <>
      {SCRIPTS.map((l) => (
        <td key={l} lang={l} dir={l === 'ug' ? 'rtl' : 'ltr'}>
          {names[l]}
        </td>
      ))}
    </>
  );
}

/** Three name inputs, each in its own script and direction. */
export function NameInputs(props: { prefix: string; names: Record<Lang, string>; onChange: (n: Record<Lang, string>) => void; max?: number }) {
  const { t } = useTranslation('admin');
  return (
    <>
      {SCRIPTS.map((l) => (
        <label key={l}>
          {t(`Setup.name_${l}`)}
          <input
            name={`${props.prefix}-name-${l}`}
            lang={l}
            dir={l === 'ug' ? 'rtl' : 'ltr'}
            required
            maxLength={l === 'zh' ? 40 : 80}
            value={props.names[l]}
            onChange={(e) => props.onChange({ ...props.names, [l]: e.target.value })}
          />
        </label>
      ))}
    </>
  );
}

/** The names as saved: each script's text without surrounding spaces. */
export function trimNames(names: Record<Lang, string>): Record<Lang, string> {
  return { zh: names.zh.trim(), bo: names.bo.trim(), ug: names.ug.trim() };
}

/** The end of a setup form: the save error, then save (off while saving) and cancel. */
export function FormFooter(props: { error: unknown; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <ErrorText error={props.error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={props.busy}>
          {t('Setup.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('Common.cancel')}
        </button>
      </div>
    </>
  );
}

/** Weekly hours as seven text fields ("08:30-12:00, 14:00-17:30"; empty = closed). */
export function HoursInputs(props: { prefix: string; text: Record<WeekdayJson, string>; onChange: (t: Record<WeekdayJson, string>) => void }) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="hours">
      <legend>{t('Setup.weeklyHours')}</legend>
      <small>{t('Setup.weeklyHoursHint')}</small>
      {WEEKDAYS.map((d) => (
        <label key={d}>
          {t(`Setup.day_${d}`)}
          <input
            name={`${props.prefix}-hours-${d}`}
            dir="ltr"
            placeholder="08:30-12:00, 14:00-17:30"
            value={props.text[d]}
            onChange={(e) => props.onChange({ ...props.text, [d]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}

export function hoursToText(h: WeeklyHoursJson | null | undefined): Record<WeekdayJson, string> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, periodsToText(h?.[d])])) as Record<WeekdayJson, string>;
}

/** null when a field cannot be read (the caller shows which). */
export function textToHours(text: Record<WeekdayJson, string>): { hours: WeeklyHoursJson | null; bad: WeekdayJson | null } {
  const out: WeeklyHoursJson = {};
  for (const d of WEEKDAYS) {
    const p = textToPeriods(text[d]);
    if (p === null) return { hours: null, bad: d };
    if (p.length > 0) out[d] = p;
  }
  return { hours: out, bad: null };
}

interface Draft {
  id: string | null;
  prefix: string;
  names: Record<Lang, string>;
  numberFrom: string;
  numberTo: string;
  averageMinutes: string;
  openFrom: string;
  openTo: string;
  weekly: boolean;
  hoursText: Record<WeekdayJson, string>;
  active: boolean;
  formId: string;
  sortOrder: string;
  icon: string;
}

const emptyDraft = (): Draft => ({
  id: null,
  prefix: '',
  names: { zh: '', bo: '', ug: '' },
  numberFrom: '1',
  numberTo: '999',
  averageMinutes: '10',
  openFrom: '08:30',
  openTo: '17:30',
  weekly: false,
  hoursText: hoursToText(null),
  active: true,
  formId: '',
  sortOrder: '',
  icon: '',
});

function draftOf(s: ServiceInfo): Draft {
  return {
    id: s.id,
    prefix: s.prefix,
    names: { ...s.names },
    numberFrom: String(s.numberFrom ?? 1),
    numberTo: String(s.numberTo ?? 999),
    averageMinutes: String(s.averageMinutes ?? 10),
    openFrom: s.openFrom,
    openTo: s.openTo,
    weekly: !!s.hours,
    hoursText: hoursToText(s.hours),
    active: s.active,
    formId: s.formId ?? '',
    sortOrder: String(s.sortOrder ?? ''),
    icon: s.icon ?? '',
  };
}

export function ServicesSection() {
  const { t } = useTranslation('admin');
  const { api, lang } = useAdmin();
  const setup = useSetupApi();
  const services = useResource(() => api.services(), [api]);
  const pictograms = useResource(() => setup.pictograms(), [setup]);
  const forms = useResource(() => setup.forms(), [setup]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    setSaved(null);
    let hours: WeeklyHoursJson | null = null;
    if (draft.weekly) {
      const r = textToHours(draft.hoursText);
      if (r.bad) {
        setProblem(t('Setup.badHours', { day: t(`Setup.day_${r.bad}`) }));
        return;
      }
      hours = r.hours;
    }
    setProblem(null);
    const body: Partial<ServiceSetup> & Pick<ServiceSetup, 'prefix' | 'names'> = {
      prefix: draft.prefix.trim().toUpperCase(),
      names: trimNames(draft.names),
      numberFrom: Number(draft.numberFrom),
      numberTo: Number(draft.numberTo),
      averageMinutes: Number(draft.averageMinutes),
      openFrom: draft.openFrom,
      openTo: draft.openTo,
      hours,
      active: draft.active,
      formId: draft.formId || null,
      icon: draft.icon || null,
      ...(draft.sortOrder.trim() ? { sortOrder: Number(draft.sortOrder) } : {}),
    };
    setBusy(true);
    try {
      if (draft.id) await setup.updateService(draft.id, body);
      else await setup.createService(body);
      setSaved(body.names[lang] || body.names.zh);
      setDraft(null);
      await services.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">{t('Services.title')}</h2>
      <p className="hint">{t('Services.liveHint')}</p>
      <ErrorText error={services.error} />
      {saved && <p role="status">{t('Setup.saved', { name: saved })}</p>}
      {services.data && (
        <table data-testid="services-table">
          <thead>
            <tr>
              <th scope="col">{t('Services.icon')}</th>
              <th scope="col">{t('Catalog.prefix')}</th>
              <NameHeaders />
              <th scope="col">{t('Catalog.hours')}</th>
              <th scope="col">{t('Catalog.status')}</th>
              <th scope="col">{t('Catalog.waiting')}</th>
              <th scope="col">{t('Setup.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'muted'} data-service-id={s.id}>
                <td>{s.icon ? <img className="pictogram" src={`/pictograms/${encodeURIComponent(s.icon)}.svg`} alt={s.icon} width={32} height={32} /> : '—'}</td>
                <td className="code">{s.prefix}</td>
                <NameCells names={s.names} />
                <td dir="ltr" className="nowrap">
                  {s.hours ? WEEKDAYS.filter((d) => (s.hours?.[d] ?? []).length > 0).map((d) => t(`Setup.dayShort_${d}`)).join(' ') || t('Services.neverOpen') : `${s.openFrom}–${s.openTo}`}
                </td>
                <td>{!s.active ? t('Catalog.inactive') : s.open ? t('Catalog.openNow') : t('Catalog.closedNow')}</td>
                <td>{s.waiting}</td>
                <td>
                  <button type="button" onClick={() => (setDraft(draftOf(s)), setSaved(null), setError(null))}>
                    {t('Setup.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!draft && (
        <button type="button" className="primary" onClick={() => (setDraft(emptyDraft()), setSaved(null), setError(null))}>
          {t('Services.create')}
        </button>
      )}
      {draft && (
        <form className="card setup-form" onSubmit={(e) => void save(e)} aria-label={draft.id ? t('Services.editTitle') : t('Services.create')} noValidate>
          <h3>{draft.id ? t('Services.editTitle') : t('Services.create')}</h3>
          <NameInputs prefix="service" names={draft.names} onChange={(names) => set({ names })} />
          <label>
            {t('Services.prefix')}
            <input name="service-prefix" dir="ltr" maxLength={1} required value={draft.prefix} onChange={(e) => set({ prefix: e.target.value.toUpperCase() })} />
          </label>
          <label>
            {t('Services.numberFrom')}
            <input name="service-number-from" type="number" dir="ltr" min={1} max={999} value={draft.numberFrom} onChange={(e) => set({ numberFrom: e.target.value })} />
          </label>
          <label>
            {t('Services.numberTo')}
            <input name="service-number-to" type="number" dir="ltr" min={1} max={999} value={draft.numberTo} onChange={(e) => set({ numberTo: e.target.value })} />
          </label>
          <label>
            {t('Services.averageMinutes')}
            <input name="service-minutes" type="number" dir="ltr" min={1} max={240} value={draft.averageMinutes} onChange={(e) => set({ averageMinutes: e.target.value })} />
          </label>
          <label>
            {t('Services.sortOrder')}
            <input name="service-order" type="number" dir="ltr" min={0} max={9999} value={draft.sortOrder} onChange={(e) => set({ sortOrder: e.target.value })} />
          </label>
          <label className="check">
            <input name="service-active" type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
            {t('Services.active')}
          </label>
          <label>
            {t('Services.form')}
            <select name="service-form" value={draft.formId} onChange={(e) => set({ formId: e.target.value })}>
              <option value="">{t('Services.noForm')}</option>
              {(forms.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
              {draft.formId && !(forms.data ?? []).some((f) => f.id === draft.formId) && <option value={draft.formId}>{draft.formId}</option>}
            </select>
          </label>
          <fieldset className="pictograms">
            <legend>{t('Services.icon')}</legend>
            <label className="pictogram-choice">
              <input type="radio" name="service-icon" value="" checked={draft.icon === ''} onChange={() => set({ icon: '' })} />
              {t('Services.noIcon')}
            </label>
            {(pictograms.data ?? []).map((p) => (
              <label key={p.name} className="pictogram-choice" title={p.name}>
                <input type="radio" name="service-icon" value={p.name} checked={draft.icon === p.name} onChange={() => set({ icon: p.name })} />
                <img src={p.url} alt={p.name} width={40} height={40} />
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input name="service-weekly" type="checkbox" checked={draft.weekly} onChange={(e) => set({ weekly: e.target.checked })} />
            {t('Setup.useWeeklyHours')}
          </label>
          {draft.weekly ? (
            <HoursInputs prefix="service" text={draft.hoursText} onChange={(hoursText) => set({ hoursText })} />
          ) : (
            <>
              <label>
                {t('Services.openFrom')}
                <input name="service-open-from" dir="ltr" pattern="\d\d:\d\d" placeholder="08:30" value={draft.openFrom} onChange={(e) => set({ openFrom: e.target.value })} />
              </label>
              <label>
                {t('Services.openTo')}
                <input name="service-open-to" dir="ltr" pattern="\d\d:\d\d" placeholder="17:30" value={draft.openTo} onChange={(e) => set({ openTo: e.target.value })} />
              </label>
            </>
          )}
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <FormFooter error={error} busy={busy} onCancel={() => setDraft(null)} />
        </form>
      )}
    </section>
  );
}
