// The ticket printer: live status (polled, because DLE EOT is only read on request),
// address and paper width, test print, recent jobs with failure reasons, ticket preview.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperWidth, PrinterInfo, PrinterState, PrintOutcome } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { printerAddressProblem } from '../printerAddress.js';
import { useAction } from '../useAction.js';
import { useResource } from '../useResource.js';
import { PrintJobsTable } from './PrintJobsTable.js';
import { TicketPreview } from './TicketPreview.js';

const POLL_MS = 5_000;
const STATE_CLASS: Record<PrinterState, 'ok' | 'warn' | 'bad'> = {
  ready: 'ok',
  offline: 'bad',
  paper_out: 'bad',
  cover_open: 'bad',
  printer_error: 'bad',
  unreachable: 'bad',
  unknown: 'warn',
  no_printer: 'warn',
};

export function PrinterSection() {
  const { t } = useTranslation('admin');
  const { api, lang, hall } = useAdmin();
  const printer = useResource(() => api.printer(), [api]);
  const { reload } = printer;
  const [address, setAddress] = useState('');
  const [paperWidth, setPaperWidth] = useState<PaperWidth>(576);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { error, notice, busy, act } = useAction(reload);

  useEffect(() => {
    const id = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(id);
  }, [reload]);

  // The form follows the server until the admin starts editing it.
  const config = printer.data?.config;
  useEffect(() => {
    if (!config || dirty) return;
    setAddress(config.address ?? '');
    setPaperWidth(config.paperWidth === 384 ? 384 : 576);
  }, [config, dirty]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const p = printerAddressProblem(address);
    setProblem(p ? t(p === 'port' ? 'Printer.badPort' : 'Printer.badAddress') : null);
    if (p) return;
    void act(async () => {
      await api.savePrinter(address.trim() || null, paperWidth);
      setDirty(false);
      return t('Printer.saved');
    });
  };

  const outcomeText = (o: PrintOutcome): string =>
    o.state === 'printed'
      ? t('Printer.testPrinted')
      : o.state === 'failed'
        ? t('Printer.testFailed', { reason: t(`Printer.reason_${o.reason ?? 'printer_error'}`, { defaultValue: o.reason ?? '' }) })
        : t('Printer.testQueued');

  return (
    <section aria-labelledby="printer-title">
      <h2 id="printer-title">{t('Printer.title')}</h2>
      <ErrorText error={printer.error} />
      {printer.data && <PrinterStatusLine info={printer.data} timeZone={hall?.timeZone} />}
      <div className="actions">
        <button type="button" disabled={busy || !config?.address} onClick={() => void act(async () => (await api.printer(true), null))}>
          {t('Printer.checkNow')}
        </button>
      </div>
      <form className="card" onSubmit={save} aria-label={t('Printer.settings')}>
        <div className="field">
          <label>
            {t('Printer.address')}
            <input
              name="printerAddress"
              dir="ltr"
              placeholder="tcp://192.168.1.50:9100"
              aria-describedby="printer-address-hint"
              value={address}
              onChange={(e) => {
                setAddress(e.target.value);
                setDirty(true);
              }}
            />
          </label>
          <small id="printer-address-hint">{t('Printer.addressHint')}</small>
        </div>
        <fieldset>
          <legend>{t('Printer.paperWidth')}</legend>
          {([576, 384] as const).map((w) => (
            <label key={w} className="radio">
              <input
                type="radio"
                name="paperWidth"
                value={w}
                checked={paperWidth === w}
                onChange={() => {
                  setPaperWidth(w);
                  setDirty(true);
                }}
              />
              {t(w === 576 ? 'Printer.width80' : 'Printer.width58')}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('Printer.save')}
          </button>
          <button type="button" disabled={busy || !config?.address || dirty} onClick={() => void act(async () => outcomeText((await api.testPrint(lang)).print))}>
            {t('Printer.testPrint')}
          </button>
        </div>
        {notice && (
          <p role="status" data-testid="printer-notice">
            {notice}
          </p>
        )}
        <ErrorText error={error} />
      </form>
      <h3>{t('Printer.jobs')}</h3>
      {printer.data && <PrintJobsTable jobs={printer.data.jobs} onReprinted={reload} />}
      <TicketPreview paperWidth={config?.paperWidth === 384 ? 384 : 576} />
    </section>
  );
}

function PrinterStatusLine({ info, timeZone }: { info: PrinterInfo; timeZone: string | undefined }) {
  const { t } = useTranslation('admin');
  const { state, reason, paperNearEnd, checkedAt } = info.status;
  return (
    <div>
      <p className={`status-badge ${STATE_CLASS[state] ?? 'warn'}`} role="status" data-testid="printer-state" data-state={state}>
        {t('Printer.status')}: <strong>{t(`Printer.state_${state}`, { defaultValue: state })}</strong>
        {state === 'unreachable' && reason && ` — ${t(`Printer.reason_${reason}`, { defaultValue: reason })}`}
      </p>
      {paperNearEnd && <p className="warning">{t('Printer.paperNearEnd')}</p>}
      {checkedAt !== null && <p className="hint">{t('Printer.checkedAt', { time: formatTime(checkedAt, timeZone) })}</p>}
    </div>
  );
}
