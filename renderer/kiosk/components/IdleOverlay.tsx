// "Still there?" — shown over any screen after the idle time, counting down to the wipe.
// Any touch dismisses it (the idle hook listens for it); the button makes that obvious.
import type { PageLanguage } from '../../shared/i18n.js';
import { formatCount } from '../format.js';
import { useKioskT } from '../useKioskT.js';
import { TapButton } from './TapButton.js';

export function IdleOverlay({ lang, secondsLeft, onContinue }: { lang: PageLanguage; secondsLeft: number; onContinue: () => void }) {
  const t = useKioskT(lang);
  return (
    <div className="idle-overlay" role="alertdialog" aria-modal="true" data-testid="idle-overlay">
      <div className="idle-box">
        <h2>{t('Idle.title')}</h2>
        <p className="idle-count" data-testid="idle-seconds">
          {formatCount(secondsLeft, lang)}
        </p>
        <p>{t('Idle.countdown', { seconds: formatCount(secondsLeft, lang) })}</p>
        <TapButton className="tap primary" onTap={onContinue} testId="idle-continue">
          {t('Idle.continue')}
        </TapButton>
      </div>
    </div>
  );
}
