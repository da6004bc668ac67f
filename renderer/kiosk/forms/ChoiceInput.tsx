// Choices as big buttons (one answer, or several toggled on and off), yes/no as two big
// buttons, and consent as a big tick box under the consent text. The chosen answer is shown
// as pressed; the resident goes on with "next", so a stray tap never skips a question.
import type { TFunction } from 'i18next';
import type { AnswerValue, FormField } from '../../../electron/core/forms/definition.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { Paged } from '../components/Paged.js';
import { TapButton } from '../components/TapButton.js';

export interface ChoiceInputProps {
  field: FormField;
  lang: PageLanguage;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  t: TFunction;
}

export function ChoiceInput({ field, lang, value, onChange, t }: ChoiceInputProps) {
  if (field.type === 'yesno') {
    return (
      <div className="form-choices yesno">
        {[true, false].map((v) => (
          <TapButton key={String(v)} className={`tap choice${value === v ? ' on' : ''}`} ariaPressed={value === v} onTap={() => onChange(v)} testId={`form-${v ? 'yes' : 'no'}`}>
            {t(v ? 'Kiosk.yes' : 'Kiosk.no')}
          </TapButton>
        ))}
      </div>
    );
  }
  if (field.type === 'consent') {
    const on = value === true;
    return (
      <TapButton className={`tap consent${on ? ' on' : ''}`} ariaPressed={on} onTap={() => onChange(on ? undefined : true)} testId="form-consent">
        <span className="consent-box" aria-hidden="true">
          {on ? '✓' : '\u00A0'}
        </span>
        <span>{t('Kiosk.consentAgree')}</span>
      </TapButton>
    );
  }
  const multi = field.type === 'multichoice';
  const picked = multi ? (Array.isArray(value) ? value : []) : [];
  const choices = field.choices ?? [];
  // The first chosen answer's page is shown first (back to a question already answered).
  const firstOn = choices.findIndex((c) => (multi ? picked.includes(c.code) : value === c.code));
  return (
    <Paged
      lang={lang}
      count={choices.length}
      className={`form-choices${multi ? ' multi' : ''}`}
      testId="form-choices"
      initialIndex={Math.max(0, firstOn)}
      renderItem={(i, measuring) => {
        const c = choices[i]!;
        const on = multi ? picked.includes(c.code) : value === c.code;
        const tap = () => {
          if (!multi) return onChange(c.code);
          const nextPicked = on ? picked.filter((x) => x !== c.code) : [...picked, c.code];
          onChange(nextPicked.length ? nextPicked : undefined);
        };
        return (
          <TapButton key={c.code} className={`tap choice${on ? ' on' : ''}`} ariaPressed={on} onTap={tap} testId={measuring ? undefined : `form-choice-${c.code}`}>
            {multi && (
              <span className="consent-box" aria-hidden="true">
                {on ? '✓' : '\u00A0'}
              </span>
            )}
            <span>{c.label[lang]}</span>
          </TapButton>
        );
      }}
    />
  );
}
