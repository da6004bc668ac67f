// Counters (窗口): number, names, the services each serves with a weight (higher = preferred
// when several wait), and the languages of its usual staff. Live at once on every counter.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterInfo, Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useSetupApi } from '../setupApi.js';
import { useResource } from '../useResource.js';
import { FormFooter, NameCells, NameHeaders, NameInputs, SCRIPTS, trimNames } from './ServicesSection.js';

interface Draft {
  id: string | null;
  number: string;
  names: Record<Lang, string>;
  /** serviceId → weight as typed; absent = not served. */
  weights: Record<string, string>;
  usualLanguages: Lang[];
}

function draftOf(c: CounterInfo): Draft {
  return {
    id: c.id,
    number: String(c.number),
    names: { ...c.names },
    weights: Object.fromEntries(c.services.map((s) => [s.serviceId, String(s.weight)])),
    usualLanguages: c.usualLanguages ?? [],
  };
}

const emptyDraft = (next: number): Draft => ({ id: null, number: String(next), names: { zh: '', bo: '', ug: '' }, weights: {}, usualLanguages: ['zh'] });

export function CountersSection() {
  const { t } = useTranslation('admin');
  const { api, lang } = useAdmin();
  const setup = useSetupApi();
  const counters = useResource(() => api.counters(), [api]);
  const services = useResource(() => api.services(), [api]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byId = new Map<string, ServiceInfo>((services.data ?? []).map((s) => [s.id, s]));
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    const body = {
      number: Number(draft.number),
      names: trimNames(draft.names),
      services: Object.entries(draft.weights).map(([serviceId, w]) => ({ serviceId, weight: Number(w) })),
    };
    setBusy(true);
    try {
      if (draft.id) await setup.updateCounter(draft.id, { ...body, usualLanguages: draft.usualLanguages });
      else {
        const created = await setup.createCounter(body);
        await setup.updateCounter(created.id, { usualLanguages: draft.usualLanguages });
      }
      setDraft(null);
      await counters.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const sorted = [...(counters.data ?? [])].sort((a, b) => a.number - b.number);
  return (
    <section aria-labelledby="counters-title">
      <h2 id="counters-title">{t('Counters.title')}</h2>
      <p className="hint">{t('Counters.weightHint')}</p>
      <ErrorText error={counters.error ?? services.error} />
      {counters.data && (
        <table data-testid="counters-table">
          <thead>
            <tr>
              <th scope="col">{t('Catalog.counterNumber')}</th>
              <NameHeaders />
              <th scope="col">{t('Catalog.servesServices')}</th>
              <th scope="col">{t('Counters.usualLanguages')}</th>
              <th scope="col">{t('Catalog.counterState')}</th>
              <th scope="col">{t('Setup.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id} data-counter-id={c.id}>
                <td className="code">{c.number}</td>
                <NameCells names={c.names} />
                <td>
                  <ul className="plain">
                    {c.services.map((cs) => {
                      const s = byId.get(cs.serviceId);
                      return (
                        <li key={cs.serviceId}>
                          {s ? `${s.prefix} ${s.names[lang]}` : cs.serviceId} · {t('Catalog.weight', { weight: cs.weight })}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>{(c.usualLanguages ?? []).map((l) => t(`Setup.lang_${l}`)).join('、') || '—'}</td>
                <td>{t(`Catalog.state_${c.state}`)}</td>
                <td>
                  <button type="button" onClick={() => (setDraft(draftOf(c)), setError(null))}>
                    {t('Setup.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!draft && (
        <button type="button" className="primary" onClick={() => setDraft(emptyDraft(sorted.reduce((m, c) => Math.max(m, c.number), 0) + 1))}>
          {t('Counters.create')}
        </button>
      )}
      {draft && (
        <form className="card setup-form" onSubmit={(e) => void save(e)} aria-label={draft.id ? t('Counters.editTitle') : t('Counters.create')} noValidate>
          <h3>{draft.id ? t('Counters.editTitle') : t('Counters.create')}</h3>
          <label>
            {t('Catalog.counterNumber')}
            <input name="counter-number" type="number" dir="ltr" min={1} max={999} value={draft.number} onChange={(e) => set({ number: e.target.value })} />
          </label>
          <NameInputs prefix="counter" names={draft.names} onChange={(names) => set({ names })} />
          <fieldset>
            <legend>{t('Catalog.servesServices')}</legend>
            {(services.data ?? []).map((s) => {
              const on = s.id in draft.weights;
              return (
                <div key={s.id} className="service-weight">
                  <label className="check">
                    <input
                      type="checkbox"
                      name={`counter-serves-${s.id}`}
                      checked={on}
                      onChange={(e) => {
                        const weights = { ...draft.weights };
                        if (e.target.checked) weights[s.id] = '1';
                        else delete weights[s.id];
                        set({ weights });
                      }}
                    />
                    {s.prefix} {s.names[lang]}
                  </label>
                  {on && (
                    <label>
                      {t('Counters.weight')}
                      <input
                        type="number"
                        name={`counter-weight-${s.id}`}
                        dir="ltr"
                        min={0}
                        max={100}
                        value={draft.weights[s.id]}
                        onChange={(e) => set({ weights: { ...draft.weights, [s.id]: e.target.value } })}
                      />
                    </label>
                  )}
                </div>
              );
            })}
          </fieldset>
          <fieldset>
            <legend>{t('Counters.usualLanguages')}</legend>
            {SCRIPTS.map((l) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  name={`counter-lang-${l}`}
                  checked={draft.usualLanguages.includes(l)}
                  onChange={(e) => set({ usualLanguages: e.target.checked ? [...draft.usualLanguages, l] : draft.usualLanguages.filter((x) => x !== l) })}
                />
                {t(`Setup.lang_${l}`)}
              </label>
            ))}
          </fieldset>
          <FormFooter error={error} busy={busy} onCancel={() => setDraft(null)} />
        </form>
      )}
    </section>
  );
}
