// The district page: login; late halls at the top; a day/week/month view across halls with a
// chart and its table; 好差评 per hall and service; open low-rating follow-ups; quarantined
// batches; submissions by hall, form and day, opened one at a time (each read audited by the
// server) and downloaded per form as XLSX or CSV.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, call, download, saveToken, savedToken } from './api.js';
import { AdminSection } from './AdminSection.js';
import { EChart } from '../shared/EChart.js';

type Lang = 'zh' | 'bo' | 'ug';
interface Hall { id: string; names: Record<Lang, string>; fingerprint: string; lastBatchAt: number | null; lastBatchId: string | null; late: boolean }
interface Figures { tickets: number; served: number; noShows: number; waitMeanSeconds: number | null; waitP90Seconds: number | null; ratings: number; ratingMean: number | null }
interface Point extends Figures { period: string; hallId: string }
interface Line extends Figures { hallId: string; serviceId: string }
interface Followup { hallId: string; id: string; serviceId: string | null; score: number | null; openedAt: number }
interface Quarantined { id: string; receivedAt: number; fileName: string; hallId: string | null; code: string }
interface SubmissionMeta { id: string; formId: string; day: string; createdAt: number; purged: boolean }
interface Submission { id: string; formId: string; answers: Record<string, unknown> | null }

const today = () => new Date().toISOString().slice(0, 10);
const monthStart = () => `${today().slice(0, 7)}-01`;
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 10) / 10));
const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 1000) / 10}%` : '—');
const time = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

function Login({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState('');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const r = await call<{ token: string }>('POST', '/api/session', i18n.language, { username: f.get('username'), password: f.get('password') });
      saveToken(r.token);
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="row" aria-label={t('login.title')}>
      <label>{t('login.username')} <input name="username" autoComplete="username" /></label>
      <label>{t('login.password')} <input name="password" type="password" autoComplete="current-password" /></label>
      <button type="submit">{t('login.submit')}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

function useLoad<T>(path: string | null, lang: string, onAuthLost: () => void): [T | null, string, () => void] {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    call<T>('GET', path, lang).then(
      (d) => live && (setData(d), setError('')),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiFailure && e.status === 401) onAuthLost();
        setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [path, lang, n, onAuthLost]);
  return [data, error, () => setN((x) => x + 1)];
}

export function App() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [authed, setAuthed] = useState(savedToken() !== null);
  const lost = useCallback(() => setAuthed(false), []);
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const [by, setBy] = useState<'day' | 'week' | 'month'>('day');
  const q = `from=${from}&to=${to}`;
  const [halls, , reloadHalls] = useLoad<Hall[]>(authed ? '/api/halls' : null, lang, lost);
  const [me] = useLoad<{ role?: string }>(authed ? '/api/me' : null, lang, lost);
  const [series, seriesError] = useLoad<{ points: Point[] }>(authed ? `/api/series?${q}&by=${by}` : null, lang, lost);
  const [report] = useLoad<{ lines: Line[] }>(authed ? `/api/report?${q}` : null, lang, lost);
  const [followups] = useLoad<Followup[]>(authed ? '/api/followups' : null, lang, lost);
  const [quarantine] = useLoad<Quarantined[]>(authed ? '/api/quarantine' : null, lang, lost);
  const [subHall, setSubHall] = useState('');
  const [subDay, setSubDay] = useState(today());
  const [subForm, setSubForm] = useState('');
  const [subs] = useLoad<SubmissionMeta[]>(authed && subHall ? `/api/submissions?hall=${encodeURIComponent(subHall)}&day=${subDay}` : null, lang, lost);
  const [opened, setOpened] = useState<Submission | null>(null);
  const [openError, setOpenError] = useState('');

  const setLang = (l: Lang) => {
    localStorage.setItem('district.lang', l);
    void i18n.changeLanguage(l);
  };
  const hallName = useCallback((id: string) => halls?.find((h) => h.id === id)?.names[lang] ?? id, [halls, lang]);
  const totals = useMemo(() => {
    const byHall = new Map<string, Figures>();
    for (const p of series?.points ?? []) {
      const x = byHall.get(p.hallId) ?? { tickets: 0, served: 0, noShows: 0, waitMeanSeconds: null, waitP90Seconds: null, ratings: 0, ratingMean: null };
      byHall.set(p.hallId, { ...x, tickets: x.tickets + p.tickets, served: x.served + p.served, noShows: x.noShows + p.noShows, ratings: x.ratings + p.ratings });
    }
    return byHall;
  }, [series]);
  const periods = useMemo(() => [...new Set((series?.points ?? []).map((p) => p.period))], [series]);
  const hallIds = useMemo(() => [...new Set((series?.points ?? []).map((p) => p.hallId))], [series]);
  const chart = useMemo(
    () => ({
      tooltip: {},
      legend: {},
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: hallIds.map((h) => ({ type: 'bar', name: hallName(h), stack: 'tickets', data: periods.map((p) => series?.points.find((x) => x.hallId === h && x.period === p)?.tickets ?? 0) })),
    }),
    [periods, hallIds, series, hallName],
  );
  const forms = useMemo(() => [...new Set((subs ?? []).map((s) => s.formId))], [subs]);
  const open = async (s: SubmissionMeta) => {
    try {
      setOpened(await call<Submission>('GET', `/api/submissions/${encodeURIComponent(subHall)}/${s.day}/${encodeURIComponent(s.id)}`, lang));
      setOpenError('');
    } catch (e) {
      setOpenError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="district">
      <header>
        <h1>{t('title')}</h1>
        <div className="row" role="group" aria-label={t('language')}>
          {(['zh', 'bo', 'ug'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l}>{t(`languages.${l}`)}</button>
          ))}
          {authed && <button type="button" onClick={() => (saveToken(null), setAuthed(false))}>{t('login.logout')}</button>}
        </div>
      </header>
      {!authed ? (
        <Login onDone={() => setAuthed(true)} />
      ) : (
        <>
          <section aria-labelledby="halls-h">
            <h2 id="halls-h">{t('halls.title')}</h2>
            <table data-testid="halls">
              <thead><tr><th>{t('halls.name')}</th><th>{t('halls.lastBatch')}</th><th>{t('halls.status')}</th></tr></thead>
              <tbody>
                {(halls ?? []).map((h) => (
                  <tr key={h.id} className={h.late ? 'late' : ''} data-hall={h.id} data-late={h.late}>
                    <td>{h.names[lang]}</td>
                    <td><bdi>{time(h.lastBatchAt)}</bdi></td>
                    <td>{h.late ? t('halls.late') : t('halls.onTime')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {me?.role === 'admin' && <AdminSection onEnrolled={reloadHalls} />}

          <section aria-labelledby="view-h">
            <h2 id="view-h">{t('view.title')}</h2>
            <div className="row">
              <label>{t('view.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="from" /></label>
              <label>{t('view.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="to" /></label>
              <select value={by} onChange={(e) => setBy(e.target.value as typeof by)} aria-label={t('view.by')} data-testid="by">
                <option value="day">{t('view.day')}</option>
                <option value="week">{t('view.week')}</option>
                <option value="month">{t('view.month')}</option>
              </select>
              <button type="button" onClick={() => void download(`/api/report.xlsx?${q}`, `district-report-${from}-${to}.xlsx`)}>{t('view.downloadReport')}</button>
            </div>
            {seriesError && <p className="error" role="alert">{seriesError}</p>}
            <EChart option={chart} label={t('view.chart')} />
            <table data-testid="totals">
              <thead><tr><th>{t('halls.name')}</th><th>{t('fig.tickets')}</th><th>{t('fig.served')}</th><th>{t('fig.noShowRate')}</th><th>{t('fig.ratings')}</th></tr></thead>
              <tbody>
                {[...totals].map(([h, f]) => (
                  <tr key={h} data-hall={h}><td>{hallName(h)}</td><td data-col="tickets">{f.tickets}</td><td data-col="served">{f.served}</td><td>{pct(f.noShows, f.tickets)}</td><td>{f.ratings}</td></tr>
                ))}
              </tbody>
            </table>
            <h3>{t('view.byService')}</h3>
            <table data-testid="report">
              <thead><tr><th>{t('halls.name')}</th><th>{t('fig.service')}</th><th>{t('fig.tickets')}</th><th>{t('fig.waitMean')}</th><th>{t('fig.waitP90')}</th><th>{t('fig.noShowRate')}</th><th>{t('fig.ratingMean')}</th></tr></thead>
              <tbody>
                {(report?.lines ?? []).map((l) => (
                  <tr key={`${l.hallId}/${l.serviceId}`}>
                    <td>{hallName(l.hallId)}</td><td><bdi>{l.serviceId}</bdi></td><td>{l.tickets}</td><td>{fmt(l.waitMeanSeconds)}</td><td>{fmt(l.waitP90Seconds)}</td><td>{pct(l.noShows, l.tickets)}</td><td>{fmt(l.ratingMean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="fu-h">
            <h2 id="fu-h">{t('followups.title')}</h2>
            <p data-testid="followups-count">{t('followups.open', { count: followups?.length ?? 0 })}</p>
            <table>
              <tbody>
                {(followups ?? []).slice(0, 50).map((f) => (
                  <tr key={`${f.hallId}/${f.id}`}><td>{hallName(f.hallId)}</td><td><bdi>{f.serviceId}</bdi></td><td>{f.score}</td><td><bdi>{time(f.openedAt)}</bdi></td></tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="q-h">
            <h2 id="q-h">{t('quarantine.title')}</h2>
            <table data-testid="quarantine">
              <tbody>
                {(quarantine ?? []).map((x) => (
                  <tr key={x.id}><td><bdi>{time(x.receivedAt)}</bdi></td><td><bdi>{x.fileName}</bdi></td><td>{t(`quarantine.codes.${x.code}`, { defaultValue: x.code })}</td></tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="s-h">
            <h2 id="s-h">{t('submissions.title')}</h2>
            <div className="row">
              <select value={subHall} onChange={(e) => (setSubHall(e.target.value), setOpened(null))} aria-label={t('halls.name')} data-testid="sub-hall">
                <option value="">{t('submissions.pickHall')}</option>
                {(halls ?? []).map((h) => <option key={h.id} value={h.id}>{h.names[lang]}</option>)}
              </select>
              <input type="date" value={subDay} onChange={(e) => setSubDay(e.target.value)} aria-label={t('submissions.day')} data-testid="sub-day" />
              <select value={subForm} onChange={(e) => setSubForm(e.target.value)} aria-label={t('submissions.form')}>
                <option value="">{t('submissions.allForms')}</option>
                {forms.map((f) => <option key={f} value={f}>{f}</option>)}
              </select>
              {subHall && subForm && (
                <>
                  <button type="button" onClick={() => void download(`/api/submissions/download?hall=${encodeURIComponent(subHall)}&form=${encodeURIComponent(subForm)}&from=${subDay}&to=${subDay}&format=xlsx`, `${subForm}-${subDay}.xlsx`)}>{t('submissions.downloadXlsx')}</button>
                  <button type="button" onClick={() => void download(`/api/submissions/download?hall=${encodeURIComponent(subHall)}&form=${encodeURIComponent(subForm)}&from=${subDay}&to=${subDay}&format=csv`, `${subForm}-${subDay}.csv`)}>{t('submissions.downloadCsv')}</button>
                </>
              )}
            </div>
            <table data-testid="submissions">
              <tbody>
                {(subs ?? []).filter((s) => !subForm || s.formId === subForm).map((s) => (
                  <tr key={s.id}>
                    <td><bdi>{s.formId}</bdi></td><td><bdi>{time(s.createdAt)}</bdi></td>
                    <td><button type="button" disabled={s.purged} onClick={() => void open(s)} data-open={s.id}>{s.purged ? t('submissions.purged') : t('submissions.open')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {openError && <p className="error" role="alert">{openError}</p>}
            {opened && (
              <dl className="answers" data-testid="answers">
                {Object.entries(opened.answers ?? {}).map(([k, v]) => (
                  <div key={k}><dt><bdi>{k}</bdi></dt><dd><bdi>{Array.isArray(v) ? v.join('; ') : String(v)}</bdi></dd></div>
                ))}
              </dl>
            )}
          </section>
        </>
      )}
    </div>
  );
}
