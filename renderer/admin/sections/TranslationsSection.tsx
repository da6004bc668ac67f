// Translation review: every key of every namespace with its Chinese source and the Tibetan
// and Uyghur texts, editable in place by a native speaker. Saving stores an override on the
// server (live at the next page load everywhere); saving the text unchanged marks it
// reviewed. Overrides travel between halls as one JSON file; overrides whose key this
// version no longer ships are listed, never dropped. Voice clips have their own section.
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { translationApi, type TranslationEntry, type TranslationImportResult } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { saveBlob } from '../setupApi.js';
import { useResource } from '../useResource.js';
import { groupRows, REVIEW_LANGS, rowMatches, type ReviewLang } from '../translationRows.js';

const PAGE = 60;

function download(name: string, text: string): void {
  saveBlob(new Blob([text], { type: 'application/json' }), name);
}

function TextCell({ entry, onSaved }: { entry: TranslationEntry; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('admin');
  const { client, hall } = useAdmin();
  const api = useMemo(() => translationApi(client), [client]);
  const [draft, setDraft] = useState(entry.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [base, setBase] = useState(entry.text);
  // A reload after someone else's save brings a new text: follow it unless mid-edit.
  if (entry.text !== base) {
    setBase(entry.text);
    if (draft === base) setDraft(entry.text);
  }
  const changed = draft !== entry.text;
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const id = `${entry.lang}-${entry.ns}-${entry.key}`;
  return (
    <td className="translation-cell" data-lang={entry.lang}>
      <textarea
        aria-label={`${entry.lang} ${entry.ns} ${entry.key}`}
        data-testid={`tr-${id}`}
        lang={entry.lang}
        dir={entry.lang === 'ug' ? 'rtl' : 'ltr'}
        rows={Math.min(6, Math.max(2, Math.ceil([...draft].length / 40)))}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="translation-actions">
        {changed ? (
          <>
            <button type="button" className="primary" disabled={busy} data-testid={`save-${id}`} onClick={() => void run(() => api.save(entry.lang, entry.ns, entry.key, draft))}>
              {t('Translations.save')}
            </button>
            <button type="button" disabled={busy} onClick={() => setDraft(entry.text)}>
              {t('Common.cancel')}
            </button>
          </>
        ) : (
          !entry.reviewedAt && (
            <button type="button" disabled={busy} data-testid={`approve-${id}`} onClick={() => void run(() => api.save(entry.lang, entry.ns, entry.key, entry.text))}>
              {t('Translations.approve')}
            </button>
          )
        )}
        {entry.overridden && !changed && (
          <button type="button" disabled={busy} onClick={() => void run(() => api.revert(entry.lang, entry.ns, entry.key))}>
            {t('Translations.revert')}
          </button>
        )}
      </div>
      <small className="translation-mark">
        {entry.reviewedAt ? t('Translations.reviewedBy', { by: entry.reviewedBy ?? '—', at: formatTime(entry.reviewedAt, hall?.timeZone) }) : t('Translations.notReviewed')}
        {entry.overridden ? ` · ${t('Translations.overridden')}` : ''}
      </small>
      <ErrorText error={error} />
    </td>
  );
}

export function TranslationsSection() {
  const { t } = useTranslation('admin');
  const { client, hall } = useAdmin();
  const api = useMemo(() => translationApi(client), [client]);
  const list = useResource(() => api.list(), [api]);
  const [query, setQuery] = useState('');
  const [ns, setNs] = useState('');
  const [unreviewedOnly, setUnreviewedOnly] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<unknown>(null);
  const [badFile, setBadFile] = useState(false);
  const [imported, setImported] = useState<TranslationImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const entries = list.data ?? [];
  const rows = useMemo(() => groupRows(entries), [entries]);
  const namespaces = useMemo(() => [...new Set(rows.map((r) => r.ns))], [rows]);
  const matching = useMemo(() => rows.filter((r) => rowMatches(r, query, unreviewedOnly, ns)), [rows, query, unreviewedOnly, ns]);
  const orphans = entries.filter((e) => e.orphaned);

  const exportFile = async () => {
    setError(null);
    try {
      download('translation-overrides.json', JSON.stringify(await api.exportFile(), null, 2));
    } catch (e) {
      setError(e);
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setBadFile(false);
    setImported(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setBadFile(true);
      return;
    }
    try {
      setImported(await api.importFile(parsed));
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const removeOrphan = async (o: TranslationEntry) => {
    setError(null);
    try {
      await api.revert(o.lang, o.ns, o.key);
      await list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="translations-title" className="translations">
      <h2 id="translations-title">{t('Translations.title')}</h2>
      <p>{t('Translations.intro')}</p>
      <div className="card inline-form">
        <label>
          {t('Translations.search')}
          <input type="search" name="translationSearch" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} />
        </label>
        <label>
          {t('Translations.namespace')}
          <select name="translationNs" value={ns} onChange={(e) => { setNs(e.target.value); setShown(PAGE); }}>
            <option value="">{t('Translations.allNamespaces')}</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="unreviewedOnly" checked={unreviewedOnly} onChange={(e) => { setUnreviewedOnly(e.target.checked); setShown(PAGE); }} />
          {t('Translations.unreviewedOnly')}
        </label>
        <button type="button" onClick={() => void exportFile()}>
          {t('Translations.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('Translations.import')}
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="translations-import" onChange={(e) => void importFile(e)} />
      </div>
      <ErrorText error={error ?? list.error} />
      {badFile && (
        <p className="error" role="alert">
          {t('Translations.badFile')}
        </p>
      )}
      {imported && (
        <div className="card" role="status">
          <p>{t('Translations.imported', { applied: imported.applied, changed: imported.changed })}</p>
          {imported.skipped.length > 0 && (
            <>
              <p>{t('Translations.skipped', { count: imported.skipped.length })}</p>
              <ul>
                {imported.skipped.map((s) => (
                  <li key={`${s.lang}/${s.ns}/${s.key}`}>
                    <code>
                      {s.lang}/{s.ns}/{s.key}
                    </code>{' '}
                    — {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {orphans.length > 0 && (
        <div className="card" data-testid="orphans">
          <h3>{t('Translations.orphansTitle')}</h3>
          <p>{t('Translations.orphansIntro')}</p>
          <table>
            <tbody>
              {orphans.map((o) => (
                <tr key={`${o.lang}/${o.ns}/${o.key}`}>
                  <td>
                    <code>
                      {o.lang}/{o.ns}/{o.key}
                    </code>
                  </td>
                  <td lang={o.lang} dir={o.lang === 'ug' ? 'rtl' : 'ltr'}>
                    {o.text}
                  </td>
                  <td>{o.reviewedAt ? t('Translations.reviewedBy', { by: o.reviewedBy ?? '—', at: formatTime(o.reviewedAt, hall?.timeZone) }) : ''}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => void removeOrphan(o)}>
                      {t('Translations.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('Translations.showing', { shown: Math.min(shown, matching.length), total: matching.length })}</p>
      <table className="translations-table">
        <thead>
          <tr>
            <th>{t('Translations.key')}</th>
            <th>{t('Translations.source')}</th>
            <th lang="bo">བོད་ཡིག</th>
            <th lang="ug" dir="rtl">
              ئۇيغۇرچە
            </th>
          </tr>
        </thead>
        <tbody>
          {matching.slice(0, shown).map((r) => (
            <tr key={`${r.ns}/${r.key}`} data-key={`${r.ns}/${r.key}`}>
              <td>
                <code>{r.ns}</code>
                <br />
                <code>{r.key}</code>
              </td>
              <td lang="zh">{r.zh.text}</td>
              {REVIEW_LANGS.map((l: ReviewLang) => {
                const e = r[l];
                return e ? <TextCell key={l} entry={e} onSaved={list.reload} /> : <td key={l}>—</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {matching.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('Translations.showMore')}
        </button>
      )}
    </section>
  );
}
