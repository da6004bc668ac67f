// Without a valid device token the kiosk shows only this, in all three scripts — never the
// services. An administrator pairs it by opening /kiosk#token=… once (or the Electron shell
// supplies the token).
import { PAGE_LANGUAGES, textDirection } from '../../shared/i18n.js';
import { useAllKioskT } from '../useKioskT.js';

export function PairingScreen({ hasToken }: { hasToken: boolean }) {
  const t = useAllKioskT();
  return (
    <main className="screen screen-pairing" data-screen="pairing" data-testid="pairing">
      {PAGE_LANGUAGES.map((lng) => (
        <section key={lng} className="pairing-lang" lang={lng} dir={textDirection(lng)}>
          <h1>{t[lng]('Pairing.title')}</h1>
          {hasToken && <p className="notice error">{t[lng]('Pairing.invalid')}</p>}
          <p>{t[lng]('Pairing.help')}</p>
        </section>
      ))}
    </main>
  );
}
