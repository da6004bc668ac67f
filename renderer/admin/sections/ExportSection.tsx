// The nightly export to the district: delivery targets (folders, URLs), the district's public
// key (pasted or read from a file; its fingerprint shown to compare by phone), the schedule,
// the hall's own public key for the district, the history of runs, and "export now" with a
// progress bar fed by GET /api/export/status.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useResource } from '../useResource.js';

type Target = { kind: 'folder'; path: string } | { kind: 'url'; url: string };

interface ExportSettingsJson {
  schedule: string;
  targets: Target[];
  districtKey: string | null;
  district: { fingerprint: string; userIds: string[] } | null;
  nextRun: string | null;
  pendingBatch: { id: string; status: string; createdAt: number; confirmed: string[] } | null;
}

interface RunJson {
  id: string;
  startedAt: number;
  finishedAt: number | null;
  trigger: string;
  batchId: string | null;
  result: 'delivered' | 'nothing' | 'failed' | null;
  error: string | null;
  counts: Record<string, number> | null;
}

interface StatusJson {
  running: { stage: string; fraction: number; batchId: string | null } | null;
}

function fingerprintText(hex: string): string {
  return hex.replace(/(.{4})/g, '$1 ').trim();
}

function totalRecords(counts: Record<string, number> | null): number {
  if (!counts) return 0;
  return Object.entries(counts)
    .filter(([name]) => name.endsWith('.csv'))
    .reduce((a, [, n]) => a + n, 0);
}

export function ExportSection() {
  const { t } = useTranslation('admin');
  const { client } = useAdmin();
  const settings = useResource(() => client.request<ExportSettingsJson>('GET', '/api/export/settings'), [client]);
  const runs = useResource(() => client.request<RunJson[]>('GET', '/api/export/runs?limit=30'), [client]);
  const hallKey = useResource(() => client.request<{ hallId?: string; publicKey: string; fingerprint: string }>('GET', '/api/export/hall-key'), [client]);
  const [targetsText, setTargetsText] = useState('');
  const [schedule, setSchedule] = useState('02:00');
  const [districtKey, setDistrictKey] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [running, setRunning] = useState<StatusJson['running']>(null);
  const [runError, setRunError] = useState<unknown>(null);

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setSchedule(s.schedule);
    setTargetsText(s.targets.map((x) => (x.kind === 'folder' ? x.path : x.url)).join('\n'));
    setDistrictKey(s.districtKey ?? '');
  }, [settings.data]);

  // While a run is going, poll its progress; when it ends, refresh the history.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void client
        .request<StatusJson>('GET', '/api/export/status')
        .then((s) => {
          setRunning(s.running);
          if (!s.running) {
            void runs.reload();
            void settings.reload();
          }
        })
        .catch(() => undefined);
    }, 700);
    return () => clearInterval(timer);
  }, [running, client, runs, settings]);

  const save = async () => {
    setSaveError(null);
    setSaved(false);
    const targets: Target[] = targetsText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => (/^https?:\/\//i.test(l) ? { kind: 'url', url: l } : { kind: 'folder', path: l }));
    try {
      await client.request('PUT', '/api/export/settings', { schedule, targets, districtKey });
      setSaved(true);
      await settings.reload();
    } catch (e) {
      setSaveError(e);
    }
  };

  const readKeyFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setDistrictKey(await file.text());
  };

  const runNow = async () => {
    setRunError(null);
    try {
      await client.request('POST', '/api/export/run', {});
      setRunning({ stage: 'planning', fraction: 0.02, batchId: null });
    } catch (e) {
      setRunError(e);
    }
  };

  const s = settings.data;
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('Export.title')}</h2>
      <ErrorText error={settings.error} />

      <div className="card">
        <h3>{t('Export.now')}</h3>
        <button type="button" onClick={() => void runNow()} disabled={running !== null}>
          {t('Export.runNow')}
        </button>
        {running ? (
          <p>
            <progress max={1} value={running.fraction} aria-label={t('Export.progress')} /> {t(`Export.stage.${running.stage}`)}
          </p>
        ) : null}
        <ErrorText error={runError} />
        {s?.nextRun ? (
          <p className="hint">
            {t('Export.nextRun')}: <span dir="ltr">{new Date(s.nextRun).toLocaleString()}</span>
          </p>
        ) : null}
        {s?.pendingBatch ? (
          <p className="hint">
            {t('Export.pending')}: <code dir="ltr">{s.pendingBatch.id}</code>
          </p>
        ) : null}
      </div>

      <div className="card">
        <h3>{t('Export.settings')}</h3>
        <label>
          {t('Export.schedule')}
          <input type="time" value={schedule} onChange={(e) => setSchedule(e.target.value)} dir="ltr" />
        </label>
        <label>
          {t('Export.targets')}
          <textarea rows={3} value={targetsText} onChange={(e) => setTargetsText(e.target.value)} dir="ltr" placeholder="/media/usb/district&#10;https://district.example/batches" />
        </label>
        <p className="hint">{t('Export.targetsHint')}</p>
        <label>
          {t('Export.districtKey')}
          <textarea rows={6} value={districtKey} onChange={(e) => setDistrictKey(e.target.value)} dir="ltr" spellCheck={false} />
        </label>
        <label>
          {t('Export.districtKeyFile')}
          <input type="file" accept=".asc,.gpg,.pub,text/plain" onChange={(e) => void readKeyFile(e)} />
        </label>
        {s?.district ? (
          <p>
            {t('Export.districtFingerprint')}: <code dir="ltr" className="fingerprint">{fingerprintText(s.district.fingerprint)}</code>
          </p>
        ) : null}
        <button type="button" onClick={() => void save()}>
          {t('Export.save')}
        </button>
        {saved ? <p role="status">{t('Export.saved')}</p> : null}
        <ErrorText error={saveError} />
      </div>

      <div className="card">
        <h3>{t('Export.hallKey')}</h3>
        <ErrorText error={hallKey.error} />
        {hallKey.data ? (
          <>
            <p>
              {t('Export.hallFingerprint')}: <code dir="ltr" className="fingerprint">{fingerprintText(hallKey.data.fingerprint)}</code>
            </p>
            {hallKey.data.hallId ? (
              <p>
                {t('Export.hallIdForDistrict')}: <code dir="ltr" data-testid="hall-id">{hallKey.data.hallId}</code>
              </p>
            ) : null}
            <textarea readOnly rows={8} cols={72} value={hallKey.data.publicKey} dir="ltr" aria-label={t('Export.hallKey')} />
            <p className="hint">{t('Export.hallKeyHint')}</p>
          </>
        ) : null}
      </div>

      <div className="card">
        <h3>{t('Export.history')}</h3>
        <ErrorText error={runs.error} />
        <table>
          <thead>
            <tr>
              <th>{t('Export.when')}</th>
              <th>{t('Export.trigger')}</th>
              <th>{t('Export.batch')}</th>
              <th>{t('Export.records')}</th>
              <th>{t('Export.result')}</th>
            </tr>
          </thead>
          <tbody>
            {(runs.data ?? []).map((r) => (
              <tr key={r.id} className={r.result === 'failed' ? 'error' : undefined}>
                <td dir="ltr">{new Date(r.startedAt).toLocaleString()}</td>
                <td>{t(`Export.triggers.${r.trigger}`)}</td>
                <td>
                  <code dir="ltr">{r.batchId ?? '—'}</code>
                </td>
                <td dir="ltr">{totalRecords(r.counts)}</td>
                <td>
                  {r.result ? t(`Export.results.${r.result}`) : t('Export.results.running')}
                  {r.error ? <div className="error">{r.error}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
