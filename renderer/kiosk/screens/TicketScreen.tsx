// The ticket: big number, service, people ahead, estimated wait, time, QR code with the
// ticket reference, and "done". When the printer failed (or had not printed by the time
// the server answered) the resident is told to show this screen to staff.
import type { ReactNode } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { ServiceName } from '../components/ServiceName.js';
import { TapButton } from '../components/TapButton.js';
import { TicketQr } from '../components/TicketQr.js';
import { formatClock, formatCount } from '../format.js';
import type { IssuedTicket, KioskService } from '../kioskApi.js';
import { useKioskT } from '../useKioskT.js';

export interface TicketScreenProps {
  lang: PageLanguage;
  ticket: IssuedTicket;
  service: KioskService;
  timeZone: string | undefined;
  onDone: () => void;
  /** What became of the form sent with the ticket, when there was one. */
  formNote?: ReactNode;
}

export function TicketScreen({ lang, ticket, service, timeZone, onDone, formNote }: TicketScreenProps) {
  const t = useKioskT(lang);
  const printNote =
    ticket.print.state === 'printed' ? 'Ticket.printed' : ticket.print.state === 'none' ? 'Ticket.noPrinter' : 'Ticket.showStaff';
  return (
    <ScreenFrame lang={lang} screen="ticket" title={t('Ticket.title')} speakCode={ticket.code} speakService={service.id}>
      <div className="ticket" data-testid="ticket" data-ticket-id={ticket.id} data-print={ticket.print.state}>
        <div className="ticket-info">
        <p className="ticket-code" lang="en" dir="ltr" data-testid="ticket-code">
          {ticket.code}
        </p>
        {ticket.priority && <p className="ticket-priority">{t('Ticket.priority')}</p>}
        <ServiceName className="ticket-service" names={service.names} lang={lang} />
        <p className="ticket-line" data-testid="ticket-ahead">
          {t('Ticket.ahead', { n: formatCount(ticket.ahead, lang) })}
        </p>
        <p className="ticket-line">{t('Ticket.estimate', { minutes: formatCount(ticket.estimatedWaitMinutes, lang) })}</p>
        <p className="ticket-line small">{t('Ticket.issuedAt', { time: formatClock(ticket.issuedAt, lang, timeZone) })}</p>
        <p className={`notice${printNote === 'Ticket.showStaff' ? ' warn' : ''}`} role="status" data-testid="ticket-print-note">
          {t(printNote)}
        </p>
        {formNote}
        </div>
        {/* Beside the number in landscape, below it in portrait: the QR code and "done" are always on screen. */}
        <div className="ticket-side">
          <div className="ticket-qr-row">
            <TicketQr value={ticket.statusUrl ?? ticket.id} alt={t('Ticket.qrAlt')} />
          </div>
          <TapButton className="tap primary done" onTap={onDone} testId="ticket-done">
            {t('Ticket.done')}
          </TapButton>
        </div>
      </div>
    </ScreenFrame>
  );
}
