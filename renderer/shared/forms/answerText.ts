// An answer as words in one language: choices by their label, yes/no and consent in words,
// everything else as entered. Used by the kiosk's review screen (resident's language) and the
// counter (Chinese). Plain strings only: they are rendered as text, never as HTML.
import type { AnswerValue, FormField } from '../../../electron/core/forms/definition.js';
import type { PageLanguage } from '../i18n.js';

export interface AnswerWords {
  yes: string;
  no: string;
  agreed: string;
  notAgreed: string;
}

export function answerText(field: FormField, value: AnswerValue | undefined, lang: PageLanguage, words: AnswerWords): string | null {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const label = (code: string) => field.choices?.find((c) => c.code === code)?.label[lang] ?? code;
  switch (field.type) {
    case 'choice':
      return label(String(value));
    case 'multichoice':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(lang === 'zh' ? '、' : lang === 'ug' ? '، ' : ' ། ');
    case 'yesno':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'consent':
      return value === true ? words.agreed : words.notAgreed;
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
