// 绿色通道: asks whether the resident is 70 or older, disabled, pregnant or from a military
// family. Each answer is also the "take ticket" tap (when the service has no form), so both
// buttons lock on the first tap: five fast taps still ask for one ticket, and the request
// carries an Idempotency-Key besides.
import { useRef, useState } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { ServiceName } from '../components/ServiceName.js';
import { TapButton } from '../components/TapButton.js';
import type { KioskService } from '../kioskApi.js';
import { useKioskT } from '../useKioskT.js';

export interface PriorityScreenProps {
  lang: PageLanguage;
  service: KioskService;
  onAnswer: (priority: boolean) => void;
  onBack: () => void;
  onHome: () => void;
}

export function PriorityScreen({ lang, service, onAnswer, onBack, onHome }: PriorityScreenProps) {
  const t = useKioskT(lang);
  // The ref stops a second tap even before React has re-rendered the disabled buttons.
  const answered = useRef(false);
  const [locked, setLocked] = useState(false);
  const answer = (priority: boolean) => {
    if (answered.current) return;
    answered.current = true;
    setLocked(true);
    onAnswer(priority);
  };
  const takeLabel = service.formId ? '' : t('Priority.takesTicket');
  return (
    <ScreenFrame lang={lang} screen="priority" title={t('Priority.title')} onBack={onBack} onHome={onHome}>
      <ServiceName className="priority-service" names={service.names} lang={lang} />
      <p className="priority-who">{t('Priority.who')}</p>
      <div className="priority-buttons">
        <TapButton className="tap primary priority-yes" disabled={locked} onTap={() => answer(true)} testId="priority-yes">
          <span>{t('Priority.yes')}</span>
          {takeLabel && <span className="take-ticket">{takeLabel}</span>}
        </TapButton>
        <TapButton className="tap primary priority-no" disabled={locked} onTap={() => answer(false)} testId="priority-no">
          <span>{t('Priority.no')}</span>
          {takeLabel && <span className="take-ticket">{takeLabel}</span>}
        </TapButton>
      </div>
    </ScreenFrame>
  );
}
