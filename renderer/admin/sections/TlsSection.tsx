// TLS on the hall's LAN: whether the server runs HTTPS, the hall CA certificate to download
// for counter PCs, and its SHA-256 fingerprint to compare with the one the hall machine shows.
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useResource } from '../useResource.js';

interface TlsInfo {
  enabled: boolean;
  caFingerprint: string | null;
  names: string[];
}

export function TlsSection() {
  const { t } = useTranslation('admin');
  const { client } = useAdmin();
  const info = useResource(() => client.request<TlsInfo>('GET', '/api/tls'), [client]);
  const data = info.data;
  return (
    <section aria-labelledby="tls-title">
      <h2 id="tls-title">{t('Tls.title')}</h2>
      {info.error ? <ErrorText error={info.error} /> : null}
      {data && !data.enabled ? <p className="hint">{t('Tls.off')}</p> : null}
      {data?.enabled ? (
        <>
          <p>{t('Tls.on')}</p>
          <dl>
            <dt>{t('Tls.fingerprint')}</dt>
            <dd>
              <code dir="ltr" className="fingerprint">
                {data.caFingerprint}
              </code>
            </dd>
            <dt>{t('Tls.names')}</dt>
            <dd dir="ltr">{data.names.join(', ')}</dd>
          </dl>
          <p>
            <a href="/api/tls/ca.pem" download="hall-ca.pem">
              {t('Tls.download')}
            </a>
          </p>
          <p className="hint">{t('Tls.compare')}</p>
        </>
      ) : null}
    </section>
  );
}
