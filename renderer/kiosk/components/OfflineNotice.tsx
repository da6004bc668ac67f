// Shown wherever the hall server cannot be reached. The kiosk keeps retrying on its own, so
// the resident is only asked to wait, never shown an error code.
import type { PageLanguage } from '../../shared/i18n.js';
import { useKioskT } from '../useKioskT.js';

export function OfflineNotice({ lang }: { lang: PageLanguage }) {
  const t = useKioskT(lang);
  return (
    <p className="notice offline" role="status" data-testid="offline-notice" lang={lang}>
      {t('Offline.message')}
    </p>
  );
}
