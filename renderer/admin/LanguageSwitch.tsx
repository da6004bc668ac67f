// The three UI languages, each label written in its own script so anyone finds theirs.
import { useTranslation } from 'react-i18next';
import type { Lang } from './adminApi.js';

const LABELS: { lang: Lang; label: string }[] = [
  { lang: 'zh', label: '中文' },
  { lang: 'bo', label: 'བོད་ཡིག' },
  { lang: 'ug', label: 'ئۇيغۇرچە' },
];

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (l: Lang) => void }) {
  const { t } = useTranslation('admin');
  return (
    <div className="lang-switch" role="group" aria-label={t('Header.language')}>
      {LABELS.map((l) => (
        <button key={l.lang} type="button" lang={l.lang} aria-pressed={lang === l.lang} onClick={() => onChange(l.lang)}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
