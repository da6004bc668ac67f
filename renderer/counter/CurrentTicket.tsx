// The ticket at the counter: big code, a clear badge of the resident's language (so staff
// greet them in it, written in that language's own script), priority, service and times.
import { useTranslation } from 'react-i18next';
import { formatHallTime } from '../shared/hallClock.js';
import type { Lang, ServiceView, TicketView } from './types.js';

/** Each language named in its own script, whatever the UI language. */
const OWN_NAME: Record<Lang, string> = { zh: '汉语', bo: 'བོད་སྐད།', ug: 'ئۇيغۇرچە' };

/** In the hall's time zone (GET /api/hall), not the counter PC's. */
function time(iso: string | null): string {
  return iso ? formatHallTime(iso, { seconds: true }) : '—';
}

export function CurrentTicket({ ticket, service }: { ticket: TicketView | null; service: ServiceView | undefined }) {
  const { t, i18n } = useTranslation('counter');
  if (!ticket || (ticket.state !== 'called' && ticket.state !== 'serving')) {
    return (
      <section className="current empty" data-testid="current-ticket" data-code="">
        <h2>{t('Ticket.title')}</h2>
        <p className="current-none">{t('Ticket.none')}</p>
      </section>
    );
  }
  const lang = i18n.language as Lang;
  return (
    <section className={`current state-${ticket.state}`} data-testid="current-ticket" data-code={ticket.code} data-state={ticket.state}>
      <h2>{t('Ticket.title')}</h2>
      <div className="current-head">
        <span className="current-code" dir="ltr">
          {ticket.code}
        </span>
        <span className={`lang-badge lang-${ticket.language}`} data-testid="language-badge" data-lang={ticket.language}>
          <span className="lang-badge-caption">{t('Ticket.language')}</span>
          <span lang={ticket.language} dir={ticket.language === 'ug' ? 'rtl' : 'ltr'} className="lang-badge-name">
            {OWN_NAME[ticket.language]}
          </span>
          {ticket.language !== lang ? <span className="lang-badge-ui">{t(`Language.${ticket.language}`)}</span> : null}
        </span>
        {ticket.priority ? (
          <span className="priority-mark" data-testid="priority-mark">
            {t('Ticket.priority')}
          </span>
        ) : null}
      </div>
      <p className="current-service">{service ? `${service.prefix} · ${service.names[lang] || service.names.zh}` : ''}</p>
      <p className="current-state">
        {t(`State.${ticket.state}`)} · {t('Ticket.calls', { count: ticket.callCount })}
      </p>
      <dl className="times">
        <dt>{t('Ticket.issuedAt')}</dt>
        <dd dir="ltr">{time(ticket.issuedAt)}</dd>
        <dt>{t('Ticket.firstCalledAt')}</dt>
        <dd dir="ltr">{time(ticket.firstCalledAt)}</dd>
        <dt>{t('Ticket.lastCalledAt')}</dt>
        <dd dir="ltr">{time(ticket.lastCalledAt)}</dd>
        <dt>{t('Ticket.startedAt')}</dt>
        <dd dir="ltr">{time(ticket.startedAt)}</dd>
      </dl>
    </section>
  );
}
