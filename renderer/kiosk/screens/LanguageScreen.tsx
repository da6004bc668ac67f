// Language choice: one big button per language, each labelled in its own script
// (中文, བོད་ཡིག, ئۇيغۇرچە), under the prompt written in all three.
import { PAGE_LANGUAGES, textDirection, type PageLanguage } from '../../shared/i18n.js';
import { SpeakerButton } from '../components/SpeakerButton.js';
import { TapButton } from '../components/TapButton.js';
import { useAllKioskT } from '../useKioskT.js';

export function LanguageScreen({ onChoose, onBack }: { onChoose: (lang: PageLanguage) => void; onBack: () => void }) {
  const t = useAllKioskT();
  return (
    <main className="screen screen-language" data-screen="language">
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
      <nav className="screen-nav">
        <TapButton className="tap nav" onTap={onBack} testId="nav-back">
          {PAGE_LANGUAGES.map((lng) => (
            <span key={lng} lang={lng} dir={textDirection(lng)} className="nav-multi">
              {t[lng]('Nav.back')}
            </span>
          ))}
        </TapButton>
      </nav>
    </main>
  );
}
