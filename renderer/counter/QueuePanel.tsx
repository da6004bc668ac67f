// Who waits for this counter, grouped by service in the counter's calling order; any ticket
// can be called out of order from here (shortcut C focuses the first one).
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability } from './actions.js';
import type { CounterView, Lang, ServiceView, TicketView } from './types.js';

// "ئۇ" alone reads as the pronoun "he/that": the Uyghur mark is the word itself.
const OWN_SHORT: Record<Lang, string> = { zh: '汉', bo: 'བོད།', ug: 'ئۇيغۇر' };

interface Props {
  counter: CounterView;
  queue: TicketView[];
  services: ServiceView[];
  callSpecific: Availability;
  busy: boolean;
  onCall: (t: TicketView) => void;
}

export const QueuePanel = forwardRef<HTMLDivElement, Props>(function QueuePanel({ counter, queue, services, callSpecific, busy, onCall }, ref) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language as Lang;
  const served = counter.services.map((s) => s.serviceId);
  // Services this counter serves, plus any service a ticket was transferred here from.
  const ids = [...served, ...queue.map((q) => q.serviceId).filter((id) => !served.includes(id))];
  const groups = [...new Set(ids)].map((id) => ({ id, service: services.find((s) => s.id === id), tickets: queue.filter((q) => q.serviceId === id) }));
  return (
    // Focusable and named by its title: once the list overflows (long bo/ug names), arrow keys scroll it.
    <section className="queue" data-testid="queue" ref={ref} tabIndex={0} aria-labelledby="queue-title">
      <h2 id="queue-title">
        {t('Queue.title')} <span className="queue-total">{t('Queue.total', { count: queue.length })}</span>
      </h2>
      {callSpecific.reason && queue.length > 0 ? <p className="action-reason">{t(callSpecific.reason.key, callSpecific.reason.vars ?? {})}</p> : null}
      {groups.map((g) => (
        <div key={g.id} className="queue-group" data-service={g.id}>
          <h3>
            {g.service ? `${g.service.prefix} · ${g.service.names[lang] || g.service.names.zh}` : g.id}
            <span className="queue-count">{t('Queue.total', { count: g.tickets.length })}</span>
          </h3>
          {g.tickets.length === 0 ? (
            <p className="queue-empty">{t('Queue.empty')}</p>
          ) : (
            <ol className="queue-list">
              {g.tickets.map((q) => (
                <li key={q.id} className="queue-item" data-code={q.code}>
                  <span className="queue-code" dir="ltr">
                    {q.code}
                  </span>
                  <span className={`lang-chip lang-${q.language}`} lang={q.language} title={t(`Language.${q.language}`)}>
                    {OWN_SHORT[q.language]}
                  </span>
                  {q.priority ? <span className="priority-chip">{t('Ticket.priority')}</span> : null}
                  {q.targetCounterId === counter.id ? <span className="transfer-chip">{t('Queue.transferredHere')}</span> : null}
                  <button type="button" className="call-this" disabled={!callSpecific.enabled || busy} data-testid={`call-${q.code}`} onClick={() => onCall(q)}>
                    {t('Action.callSpecific')}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
});
