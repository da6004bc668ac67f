// Preview of a ticket exactly as the printer gets it (the server's 1-bit raster as PNG).
// The admin picks one of today's tickets and a paper width.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperWidth } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { fetchImageUrl } from '../image.js';
import { hallDay } from '../stats.js';
import { useResource } from '../useResource.js';

export function TicketPreview({ paperWidth }: { paperWidth: PaperWidth }) {
  const { t } = useTranslation('admin');
  const { api, token, lang, hall } = useAdmin();
  const day = hallDay(new Date(), hall?.timeZone ?? 'Asia/Shanghai');
  const tickets = useResource(() => api.tickets(day), [api, day]);
  const [ticketId, setTicketId] = useState('');
  const [width, setWidth] = useState<PaperWidth>(paperWidth);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setWidth(paperWidth), [paperWidth]);

  // Newest first: the ticket just taken at the kiosk is the one an admin wants to see.
  const list = [...(tickets.data ?? [])].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const selected = ticketId || list[0]?.id || '';

  useEffect(() => {
    if (!selected) return;
    let live = true;
    let made: string | null = null;
    setError(null);
    fetchImageUrl(`/api/tickets/${encodeURIComponent(selected)}/ticket.png?width=${width}`, token, lang).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (e: unknown) => {
        if (!live) return;
        setUrl(null);
        setError(e);
      },
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [selected, width, token, lang]);

  return (
    <section className="card preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('Printer.preview')}</h3>
      <ErrorText error={tickets.error} />
      {tickets.data && list.length === 0 && <p>{t('Printer.previewNoTickets')}</p>}
      {list.length > 0 && (
        <div className="inline-form">
          <label>
            {t('Printer.previewTicket')}
            <select name="previewTicket" value={selected} onChange={(e) => setTicketId(e.target.value)}>
              {list.map((tk) => (
                <option key={tk.id} value={tk.id}>
                  {tk.code}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Printer.paperWidth')}
            <select name="previewWidth" value={width} onChange={(e) => setWidth(Number(e.target.value) === 384 ? 384 : 576)}>
              <option value={576}>{t('Printer.width80')}</option>
              <option value={384}>{t('Printer.width58')}</option>
            </select>
          </label>
        </div>
      )}
      <ErrorText error={error} />
      {url && selected && <img className="ticket-png" src={url} alt={t('Printer.previewAlt')} data-testid="ticket-preview" />}
    </section>
  );
}
