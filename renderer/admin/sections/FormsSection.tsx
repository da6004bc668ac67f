// Forms: every stored form with its versions (the newest active one is what kiosks show),
// XLSForm workbook upload (refusals listed by sheet, row and column) and download,
// activation, and how many days personal answers are kept after a confirmed export.
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import type { Lang, Localized } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { saveBlob } from '../setupApi.js';
import { useAction } from '../useAction.js';
import { useResource } from '../useResource.js';

/** GET /api/forms/all */
interface FormVersionJson {
  id: string;
  version: number;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  definition: { title: Localized; serviceId: string | null; fields: unknown[]; allowWithoutTicket: boolean };
}
interface FormsAllJson {
  retentionDays: number;
  forms: FormVersionJson[];
}
/** The details of a 422 FORM_IMPORT_FAILED. */
interface WorkbookProblem {
  sheet: string;
  row: number;
  column: string;
  cell?: string;
  message: string;
}

const MAX_UPLOAD = 2 * 1024 * 1024;

function groupById(list: FormVersionJson[]): [string, FormVersionJson[]][] {
  const groups = new Map<string, FormVersionJson[]>();
  for (const f of list) groups.set(f.id, [...(groups.get(f.id) ?? []), f]);
  return [...groups.entries()].map(([id, versions]) => [id, versions.sort((a, b) => b.version - a.version)]);
}

export function FormsSection() {
  const { t } = useTranslation('admin');
  const { client, token, lang } = useAdmin();
  const forms = useResource(() => client.request<FormsAllJson>('GET', '/api/forms/all'), [client]);
  const { error, setError, notice, busy, act: run } = useAction(forms.reload);
  const [problems, setProblems] = useState<WorkbookProblem[] | null>(null);
  const [days, setDays] = useState('');

  const stored = forms.data?.retentionDays;
  useEffect(() => {
    if (stored !== undefined) setDays(String(stored));
  }, [stored]);

  const act = (fn: () => Promise<string | null>) => {
    setProblems(null);
    return run(fn);
  };

  const upload = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void act(async () => {
      if (file.size > MAX_UPLOAD) throw new Error(t('Forms.tooLarge'));
      // The workbook goes as raw bytes; the JSON client cannot carry them.
      const res = await fetch('/api/forms/import', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Accept-Language': lang },
        body: await file.arrayBuffer(),
      });
      const body = (await res.json().catch(() => null)) as { id?: string; version?: number; error?: { code: string; message: string; details?: { problems?: WorkbookProblem[] } } } | null;
      if (!res.ok) {
        setProblems(body?.error?.details?.problems ?? null);
        throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText);
      }
      return t('Forms.imported', { id: body?.id ?? '', version: body?.version ?? '' });
    });
  };

  const download = (f: FormVersionJson) =>
    void act(async () => {
      const res = await fetch(`/api/forms/${encodeURIComponent(f.id)}/workbook.xlsx?version=${f.version}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang } });
      if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
      saveBlob(await res.blob(), `${f.id}-v${f.version}.xlsx`);
      return null;
    });

  const setActive = (f: FormVersionJson, active: boolean) =>
    void act(async () => {
      await client.request('PATCH', `/api/forms/${encodeURIComponent(f.id)}`, { active, version: f.version });
      return t(active ? 'Forms.activated' : 'Forms.deactivated', { id: f.id, version: f.version });
    });

  const saveRetention = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 0 || n > 3650) {
      setError(new Error(t('Forms.retentionInvalid')));
      return;
    }
    void act(async () => {
      await client.request('PUT', '/api/forms/retention', { days: n });
      return t('Forms.retentionSaved', { days: n });
    });
  };

  const groups = groupById(forms.data?.forms ?? []);
  const title = (f: FormVersionJson) => f.definition.title[lang as Lang] || f.definition.title.zh;

  return (
    <section aria-labelledby="forms-title">
      <h2 id="forms-title">{t('Forms.title')}</h2>
      <p className="hint">{t('Forms.hint')}</p>

      <div className="card actions">
        <label>
          {t('Forms.upload')}
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} onChange={upload} data-testid="forms-upload" />
        </label>
        <small>{t('Forms.uploadHint')}</small>
      </div>

      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error ?? forms.error} />
      {error instanceof Error && !(error instanceof ApiError) && error.message && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {problems && problems.length > 0 && (
        <table className="problems" data-testid="forms-problems">
          <caption>{t('Forms.problems')}</caption>
          <thead>
            <tr>
              <th>{t('Forms.sheet')}</th>
              <th>{t('Forms.row')}</th>
              <th>{t('Forms.column')}</th>
              <th>{t('Forms.message')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td dir="ltr">{p.sheet || '—'}</td>
                <td dir="ltr">{p.row || '—'}</td>
                <td dir="ltr">{p.cell ? `${p.column} (${p.cell})` : p.column || '—'}</td>
                <td dir="ltr">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <table data-testid="forms-table">
        <thead>
          <tr>
            <th>{t('Forms.form')}</th>
            <th>{t('Forms.version')}</th>
            <th>{t('Forms.state')}</th>
            <th>{t('Forms.created')}</th>
            <th>{t('Forms.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.flatMap(([id, versions]) => {
            const served = versions.find((v) => v.active)?.version ?? null;
            return versions.map((f, i) => (
              <tr key={`${id}-${f.version}`} data-form={id} data-version={f.version}>
                {i === 0 && (
                  <td rowSpan={versions.length}>
                    <strong>{title(f)}</strong>
                    <br />
                    <small dir="ltr">{id}</small>
                  </td>
                )}
                <td dir="ltr">{f.version}</td>
                <td>{f.version === served ? t('Forms.served') : f.active ? t('Forms.active') : t('Forms.inactive')}</td>
                <td dir="ltr" className="nowrap">
                  {formatTime(f.createdAt)}
                  {f.createdBy ? ` · ${f.createdBy}` : ''}
                </td>
                <td>
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => download(f)}>
                      {t('Forms.download')}
                    </button>
                    <button type="button" disabled={busy} onClick={() => setActive(f, !f.active)}>
                      {f.active ? t('Forms.deactivate') : t('Forms.activate')}
                    </button>
                  </div>
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>

      <form className="card inline-form" onSubmit={saveRetention} aria-label={t('Forms.retention')} noValidate>
        <label>
          {t('Forms.retention')}
          <input name="retentionDays" type="number" min={0} max={3650} step={1} dir="ltr" value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('Forms.saveRetention')}
        </button>
        <small>{t('Forms.retentionHint')}</small>
      </form>
    </section>
  );
}
