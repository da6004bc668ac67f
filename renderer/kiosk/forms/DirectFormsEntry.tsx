// The services screen's way to the forms that need no ticket: "民情意见箱 · 帮办代办, no queuing".
import './forms.css';
import type { PageLanguage } from '../../shared/i18n.js';
import { TapButton } from '../components/TapButton.js';
import { useFormsT } from '../../shared/forms/formsText.js';

export function DirectFormsEntry({ lang, onTap }: { lang: PageLanguage; onTap: () => void }) {
  const t = useFormsT(lang);
  return (
    <TapButton className="tap direct-entry" onTap={onTap} testId="direct-forms">
      <span className="direct-entry-title">{t('Kiosk.direct.entry')}</span>
      <span className="direct-entry-hint">{t('Kiosk.direct.entryHint')}</span>
    </TapButton>
  );
}
