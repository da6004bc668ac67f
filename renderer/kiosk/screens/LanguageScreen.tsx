// Language choice: one big button per language, each labelled in its own script
// (中文, བོད་ཡིག, ئۇيغۇرچە), under the prompt written in all three; and the large-text switch
// (大字 / ཡི་གེ་ཆེ། / چوڭ خەت): bigger type and a stronger palette for the rest of this visit.
import { useRef } from 'react';
import { PAGE_LANGUAGES, textDirection, type PageLanguage } from '../../shared/i18n.js';
import { SpeakerButton } from '../components/SpeakerButton.js';
import { TapButton } from '../components/TapButton.js';
import { useFitScreen } from '../layout/useFitScreen.js';
import { useAllKioskT } from '../useKioskT.js';

export interface LanguageScreenProps {
  onChoose: (lang: PageLanguage) => void;
  onBack: () => void;
  largeText: boolean;
  onLargeText: (on: boolean) => void;
}

export function LanguageScreen({ onChoose, onBack, largeText, onLargeText }: LanguageScreenProps) {
  const t = useAllKioskT();
  const ref = useRef<HTMLElement>(null);
  useFitScreen(ref);
  return (
    <main ref={ref} className="screen screen-language" data-screen="language">
      {/* Says the three choices, each in its own language. */}
      <header className="screen-head no-nav centred">
        <SpeakerButton screen="language" languages={PAGE_LANGUAGES} label={PAGE_LANGUAGES.map((l) => t[l]('Speaker.label')).join(' / ')} />
        <h1 className="screen-title language-prompt">
          {PAGE_LANGUAGES.map((lng) => (
            <span key={lng} lang={lng} dir={textDirection(lng)}>
              {t[lng]('Language.prompt')}
            </span>
          ))}
        </h1>
      </header>
      <div className="language-buttons">
        {PAGE_LANGUAGES.map((lng) => (
          <TapButton key={lng} className="tap language" lang={lng} dir={textDirection(lng)} onTap={() => onChoose(lng)} testId={`language-${lng}`}>
            {t[lng]('Language.name')}
          </TapButton>
        ))}
      </div>
      <nav className="screen-nav language-nav">
        <TapButton className="tap nav" onTap={onBack} testId="nav-back">
          {PAGE_LANGUAGES.map((lng) => (
            <span key={lng} lang={lng} dir={textDirection(lng)} className="nav-multi">
              {t[lng]('Nav.back')}
            </span>
          ))}
        </TapButton>
        <TapButton className={`tap large-text${largeText ? ' on' : ''}`} ariaPressed={largeText} onTap={() => onLargeText(!largeText)} testId="large-text">
          <span className="large-text-mark" aria-hidden="true">
            {largeText ? '✓' : '\u00A0'}
          </span>
          <span className="large-text-labels">
            {PAGE_LANGUAGES.map((lng) => (
              <span key={lng} lang={lng} dir={textDirection(lng)} className="large-text-label">
                {t[lng]('Language.largeText')}
              </span>
            ))}
          </span>
        </TapButton>
      </nav>
    </main>
  );
}
