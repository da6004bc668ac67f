// Recent print jobs with their failure reasons. Jobs carry ticket ids, not codes: codes are
// looked up once per ticket and kept, so the 5-second poll does not refetch them.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';

function useTicketCodes(jobs: readonly PrintJob[]): Map<string, string> {
  const { api } = useAdmin();
  const [codes, setCodes] = useState<Map<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const missing = [...new Set(jobs.map((j) => j.ticketId).filter((id): id is string => id !== null))].filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.current.add(id);
    let live = true;
    void Promise.allSettled(missing.map((id) => api.ticket(id))).then((results) => {
      if (!live) return;
      setCodes((old) => {
        const next = new Map(old);
        results.forEach((r, i) => {
          if (r.status === 'fulfilled') next.set(missing[i]!, r.value.code);
          else asked.current.delete(missing[i]!); // try again on the next poll
        });
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [api, jobs]);
  return codes;
}

export function PrintJobsTable({ jobs, onReprinted }: { jobs: PrintJob[]; onReprinted: () => Promise<void> }) {
  const { t } = useTranslation('admin');
  const { api, hall } = useAdmin();
  const codes = useTicketCodes(jobs);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reprint = async (ticketId: string) => {
    setBusy(ticketId);
    setError(null);
    try {
      await api.reprint(ticketId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      await onReprinted();
    }
  };

  if (jobs.length === 0) return <p>{t('Printer.noJobs')}</p>;
  // Only the newest job of a ticket offers a reprint: older failures were already retried.
  const newestOfTicket = new Set<number>();
  const seen = new Set<string>();
  for (const j of [...jobs].sort((a, b) => b.id - a.id)) {
    if (j.ticketId && !seen.has(j.ticketId)) {
      seen.add(j.ticketId);
      newestOfTicket.add(j.id);
    }
  }
  return (
    <>
      <ErrorText error={error} />
      <table data-testid="jobs-table">
        <thead>
          <tr>
            <th scope="col">{t('Printer.jobTime')}</th>
            <th scope="col">{t('Printer.jobTicket')}</th>
            <th scope="col">{t('Printer.jobState')}</th>
            <th scope="col">{t('Printer.jobReason')}</th>
            <th scope="col">{t('Devices.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} className={j.state === 'failed' ? 'failed' : undefined} data-job-state={j.state}>
              <td>{formatTime(j.updatedAt ?? j.createdAt, hall?.timeZone)}</td>
              <td className="code">{j.kind === 'test' ? t('Printer.testJob') : j.ticketId ? (codes.get(j.ticketId) ?? '…') : '—'}</td>
              <td>{t(`Printer.job_${j.state}`, { defaultValue: j.state })}</td>
              <td>{j.reason ? t(`Printer.reason_${j.reason}`, { defaultValue: j.reason }) : ''}</td>
              <td>
                {j.kind === 'ticket' && j.ticketId && j.state === 'failed' && newestOfTicket.has(j.id) && (
                  <button type="button" disabled={busy !== null} onClick={() => void reprint(j.ticketId!)}>
                    {t('Printer.reprint')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
