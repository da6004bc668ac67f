// A board label in all three scripts at once: the hall's TV speaks to everyone.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

const LANGS = ['zh', 'bo', 'ug'] as const;

// Memoized: the board re-renders on every call and queue event; its labels rarely change.
export const Tri = memo(function Tri({ k, vars, className }: { k: string; vars?: Record<string, string | number>; className?: string }) {
  const { i18n } = useTranslation('display');
  return (
    <span className={`tri ${className ?? ''}`}>
      {LANGS.map((lng) => (
        <span key={lng} lang={lng} dir={lng === 'ug' ? 'rtl' : 'ltr'} className={`tri-${lng}`}>
          {i18n.getFixedT(lng, 'display')(k, vars ?? {})}
        </span>
      ))}
    </span>
  );
});

/** A name the server gives in the three scripts (hall, service, counter). */
export const TriText = memo(function TriText({ text, className }: { text: { zh: string; bo: string; ug: string }; className?: string }) {
  return (
    <span className={`tri ${className ?? ''}`}>
      {LANGS.map((lng) => (
        <span key={lng} lang={lng} dir={lng === 'ug' ? 'rtl' : 'ltr'} className={`tri-${lng}`}>
          {text[lng]}
        </span>
      ))}
    </span>
  );
});
