// Shown once right after a device is created: the pairing URL (with the token in the
// fragment, so it never reaches a server log) as text and as a QR code to scan with the
// device's camera or to type in. The server keeps only the token's hash, so once this card
// is closed the token cannot be shown again.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../adminApi.js';

export function pairingUrl(origin: string, role: Device['role'], token: string): string {
  // A rating pad's page is /rate.
  return `${origin}/${role === 'rater' ? 'rate' : role}#token=${encodeURIComponent(token)}`;
}

/** A pairing URL on a loopback host only works on this very machine, not on a kiosk across the hall. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

export function PairingCard(props: { name: string; role: Device['role']; token: string; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const url = pairingUrl(location.origin, props.role, props.token);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 320 }).then(
      (d) => live && setQr(d),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [url]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card pairing" aria-labelledby="pairing-title" data-testid="pairing">
      <h3 id="pairing-title">{t('Devices.pairingTitle', { name: props.name })}</h3>
      <p className="warning">{t('Devices.tokenOnce')}</p>
      <div className="pairing-body">
        {qr && <img className="qr" src={qr} alt={t('Devices.qrAlt')} width={240} height={240} />}
        <div className="pairing-text">
          <label>
            {t('Devices.pairingUrl')}
            <input readOnly dir="ltr" value={url} onFocus={(e) => e.currentTarget.select()} data-testid="pairing-url" />
          </label>
          <p>{t(props.role === 'kiosk' ? 'Devices.howToPairKiosk' : props.role === 'rater' ? 'Devices.howToPairRater' : 'Devices.howToPairDisplay')}</p>
          {isLoopbackHost(location.hostname) && (
            <p className="warning" data-testid="loopback-warning">
              {t('Devices.loopbackWarning')}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => void copy()}>
              {t('Devices.copy')}
            </button>
            {copied && <span role="status">{t('Devices.copied')}</span>}
            <button type="button" className="primary" onClick={props.onClose}>
              {t('Devices.donePairing')}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
