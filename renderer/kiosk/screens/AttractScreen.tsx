// The screen nobody chose a language for yet: the hall's name and "touch to start" in all
// three scripts. The whole screen is one button.
import { useRef } from 'react';
import { PAGE_LANGUAGES, textDirection } from '../../shared/i18n.js';
import { useFitScreen } from '../layout/useFitScreen.js';
import { OfflineNotice } from '../components/OfflineNotice.js';
import { SpeakerButton } from '../components/SpeakerButton.js';
import { TapButton } from '../components/TapButton.js';
import type { Names } from '../kioskApi.js';
import { useAllKioskT } from '../useKioskT.js';

export interface AttractScreenProps {
  hallName: Names | null;
  /** The services are loaded: a tap goes straight to tiles (data-ready, read by bench/kiosk.bench.ts). */
  ready: boolean;
  offline: boolean;
  onStart: () => void;
}

export function AttractScreen({ hallName, ready, offline, onStart }: AttractScreenProps) {
  const t = useAllKioskT();
  const ref = useRef<HTMLElement>(null);
  useFitScreen(ref);
  return (
    <main ref={ref} className="screen screen-attract" data-screen="attract" data-ready={ready ? '' : undefined}>
      <SpeakerButton screen="attract" languages={PAGE_LANGUAGES} label={PAGE_LANGUAGES.map((l) => t[l]('Speaker.label')).join(' / ')} />
      <TapButton className="attract-tap" onTap={onStart} testId="attract-start">
        {PAGE_LANGUAGES.map((lng) => (
          <span key={lng} className="attract-lang" lang={lng} dir={textDirection(lng)}>
            <span className="attract-hall">{hallName?.[lng] || t[lng]('Attract.hallFallback')}</span>
            <span className="attract-start">{t[lng]('Attract.touchToStart')}</span>
          </span>
        ))}
      </TapButton>
      {offline && (
        <div className="attract-offline" data-testid="attract-offline">
          {PAGE_LANGUAGES.map((lng) => (
            <OfflineNotice key={lng} lang={lng} />
          ))}
        </div>
      )}
    </main>
  );
}
