// Transfer the current ticket to another service (keeps its place in line) or to a specific
// counter. A native <dialog> so focus and Escape behave as staff expect.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterView, Lang, ServiceView, TicketView } from './types.js';

interface Props {
  ticket: TicketView;
  counter: CounterView;
  services: ServiceView[];
  counters: CounterView[];
  onTransfer: (to: { serviceId?: string; counterId?: string }) => void;
  onClose: () => void;
}

export function TransferDialog({ ticket, counter, services, counters, onTransfer, onClose }: Props) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language as Lang;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="transfer-dialog" data-testid="transfer-dialog" onCancel={onClose}>
      <h2>{t('Transfer.title', { code: ticket.code })}</h2>
      <h3>{t('Transfer.toService')}</h3>
      <div className="transfer-options">
        {services
          .filter((s) => s.active && s.id !== ticket.serviceId)
          .map((s) => (
            <button key={s.id} type="button" className="big" data-testid={`transfer-service-${s.prefix}`} onClick={() => onTransfer({ serviceId: s.id })}>
              {s.prefix} · {s.names[lang] || s.names.zh}
            </button>
          ))}
      </div>
      <h3>{t('Transfer.toCounter')}</h3>
      <div className="transfer-options">
        {counters
          .filter((c) => c.id !== counter.id)
          .map((c) => (
            <button key={c.id} type="button" className="big" data-testid={`transfer-counter-${c.number}`} onClick={() => onTransfer({ counterId: c.id })}>
              {t('Header.counter', { n: c.number })}
              {c.state !== 'open' ? <span className="muted"> ({t(`CounterState.${c.state}`)})</span> : null}
            </button>
          ))}
      </div>
      <button type="button" className="big plain" data-testid="transfer-cancel" onClick={onClose}>
        {t('Transfer.cancel')}
      </button>
    </dialog>
  );
}
