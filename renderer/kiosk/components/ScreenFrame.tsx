// The frame of every resident screen after the language choice: a title, optional back and
// home buttons at the top (mirrored for Uyghur by the document's dir), and the content.
// The speaker button has its own column at the head's inline end, beside the nav and the
// title (speaker.css), so a long title or an RTL one wraps before it instead of running under it.
import { useRef, type ReactNode } from 'react';
import { useFitScreen } from '../layout/useFitScreen.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { useKioskT } from '../useKioskT.js';
import { SpeakerButton } from './SpeakerButton.js';
import { TapButton } from './TapButton.js';

export interface ScreenFrameProps {
  lang: PageLanguage;
  screen: string;
  title: string;
  onBack?: () => void;
  onHome?: () => void;
  /** A ticket code and service the screen's spoken guidance reads out (the ticket screen). */
  speakCode?: string;
  speakService?: string;
  children: ReactNode;
}

export function ScreenFrame({ lang, screen, title, onBack, onHome, speakCode, speakService, children }: ScreenFrameProps) {
  const t = useKioskT(lang);
  const ref = useRef<HTMLElement>(null);
  useFitScreen(ref);
  return (
    <main ref={ref} className={`screen screen-${screen}`} data-screen={screen} lang={lang}>
      <header className={`screen-head${onBack || onHome ? '' : ' no-nav'}`}>
        {(onBack || onHome) && (
          <nav className="screen-nav">
            {onBack && (
              <TapButton className="tap nav" onTap={onBack} testId="nav-back">
                {t('Nav.back')}
              </TapButton>
            )}
            {onHome && (
              <TapButton className="tap nav" onTap={onHome} testId="nav-home">
                {t('Nav.home')}
              </TapButton>
            )}
          </nav>
        )}
        <SpeakerButton screen={screen} languages={[lang]} code={speakCode} serviceId={speakService} label={t('Speaker.label')} />
        <h1 className="screen-title">{title}</h1>
      </header>
      <div className="screen-body">{children}</div>
    </main>
  );
}
