// Staff UI language: Chinese by default; each choice written in its own script.
import { useTranslation } from 'react-i18next';
import { saveUiLanguage } from './session.js';

const CHOICES = [
  { lng: 'zh', label: '中文' },
  { lng: 'bo', label: 'བོད་ཡིག' },
  { lng: 'ug', label: 'ئۇيغۇرچە' },
] as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('counter');
  return (
    <div className="lang-switch" role="group" aria-label={t('Header.uiLanguage')}>
      {CHOICES.map((c) => (
        <button
          key={c.lng}
          type="button"
          lang={c.lng}
          className={i18n.language === c.lng ? 'lang-btn active' : 'lang-btn'}
          aria-pressed={i18n.language === c.lng}
          data-testid={`ui-lang-${c.lng}`}
          onClick={() => {
            saveUiLanguage(c.lng);
            void i18n.changeLanguage(c.lng);
          }}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
