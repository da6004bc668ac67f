// The ticket reference as a QR code, drawn in the page (qrcode → PNG data URL; the CSP allows
// data: images). The reference is ASCII only, so any staff scanner reads it.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function TicketQr({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: 360 }).then(
      (url) => live && setSrc(url),
      (e: unknown) => console.warn('kiosk: QR code failed', e),
    );
    return () => {
      live = false;
    };
  }, [value]);
  return src ? <img className="ticket-qr" src={src} alt={alt} data-testid="ticket-qr" data-value={value} /> : <div className="ticket-qr" />;
}
