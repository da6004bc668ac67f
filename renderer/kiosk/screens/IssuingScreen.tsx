// While the ticket is being issued (normally a blink), and when it could not be: the
// server's reason is already in the resident's language (Accept-Language).
import type { PageLanguage } from '../../shared/i18n.js';
import { OfflineNotice } from '../components/OfflineNotice.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useKioskT } from '../useKioskT.js';

export function IssuingScreen({ lang, offline }: { lang: PageLanguage; offline: boolean }) {
  const t = useKioskT(lang);
  return (
    <ScreenFrame lang={lang} screen="issuing" title={t('Issuing.title')}>
      {offline ? <OfflineNotice lang={lang} /> : <p className="notice">{t('Issuing.wait')}</p>}
    </ScreenFrame>
  );
}

export function IssueFailedScreen({ lang, message, onBack, onHome }: { lang: PageLanguage; message: string; onBack: () => void; onHome: () => void }) {
  const t = useKioskT(lang);
  return (
    <ScreenFrame lang={lang} screen="issue-failed" title={t('IssueFailed.title')} onBack={onBack} onHome={onHome}>
      {message && (
        <p className="notice error" role="alert" data-testid="issue-failed-message">
          {message}
        </p>
      )}
      <p className="notice">{t('IssueFailed.help')}</p>
    </ScreenFrame>
  );
}
