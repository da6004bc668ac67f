// How the personal-data key is protected. When Electron found no OS secret store
// (safeStorage backend basic_text) the key is only obfuscated on disk: the hall stores no
// personal data until an admin has read this warning and acknowledged the risk.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { useResource } from '../useResource.js';

export function SecurityNotice() {
  const { t } = useTranslation('admin');
  const { api, hall } = useAdmin();
  const security = useResource(() => api.security(), [api]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A hall server without the security endpoint (an older build) simply has no notice.
  if (security.error instanceof ApiError && security.error.status === 404) return null;
  if (security.error) return <ErrorText error={security.error} />;
  const key = security.data?.personalDataKey;
  if (!key) return null;
  const storage = security.data?.personalDataStorage;
  const dataKey = security.data?.dataKey;

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.acknowledgeRisk();
      await security.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // The keyring has no key for the records already sealed (the shell's wrapped key is gone):
  // the same sentence `npm run serve` prints when it refuses to start.
  if (storage?.missing) {
    return (
      <section className="security-warning" role="alert" aria-labelledby="security-title" data-testid="data-key-missing">
        <h2 id="security-title">{t('Security.keyMissingTitle')}</h2>
        <p>{t('Security.keyMissingBody', { keyId: storage.missing.keyIds.join(', '), path: storage.missing.lookedIn })}</p>
      </section>
    );
  }
  if (key.protection === 'basic_text' && !key.acknowledged) {
    return (
      <section className="security-warning" role="alert" aria-labelledby="security-title" data-testid="security-warning">
        <h2 id="security-title">{t('Security.warningTitle')}</h2>
        <p>{t('Security.warningBody')}</p>
        <p>{t('Security.warningConsequence')}</p>
        <p>{t('Security.warningFix')}</p>
        <ErrorText error={error} />
        <button type="button" className="danger" disabled={busy} onClick={() => void acknowledge()}>
          {t('Security.acknowledge')}
        </button>
      </section>
    );
  }
  if (key.protection === 'unavailable') {
    // Nothing to acknowledge: without any encryption the hall cannot store personal data.
    return (
      <section className="security-warning" role="alert" aria-labelledby="security-title" data-testid="security-warning">
        <h2 id="security-title">{t('Security.unavailableTitle')}</h2>
        <p>{t('Security.unavailableBody')}</p>
        <p>{t('Security.warningFix')}</p>
      </section>
    );
  }
  const acknowledgedLine =
    key.protection === 'basic_text'
      ? key.acknowledgedBy
        ? t('Security.acknowledgedBy', { by: key.acknowledgedBy, at: formatTime(key.acknowledgedAt, hall?.timeZone) })
        : t('Security.acknowledged')
      : null;
  return (
    <>
      <p className={`security-line ${key.protection === 'os' ? 'ok' : 'warn'}`} data-testid="security-line" data-protection={key.protection}>
        {t(`Security.protection_${key.protection}`)}
        {acknowledgedLine && ` ${acknowledgedLine}`}
      </p>
      {dataKey?.keyId && (
        <p className={`security-line ${dataKey.backup ? 'ok' : 'warn'}`} data-testid="data-key-line" data-backup={dataKey.backup ? 'yes' : 'no'}>
          {t('Security.keyFingerprint', { keyId: dataKey.keyId })}{' '}
          {dataKey.backup ? t('Security.keyBackedUp', { at: formatTime(new Date(dataKey.backup.at).toISOString(), hall?.timeZone) }) : t('Security.keyNotBackedUp')}
          {dataKey.rotation && ` ${t('Security.keyRotating', { keyId: dataKey.rotation.toKeyId })}`}
        </p>
      )}
    </>
  );
}
