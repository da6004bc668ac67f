// Strings of the forms namespace (resources/locales/*/forms.json) in a given language, and
// the validator's options built from the same files: the kiosk checks each screen with the
// same code and the same messages as the server.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formMessagesFrom, type FormMessages, type ValidateOptions } from '../../../electron/core/forms/validate.js';
import type { PageLanguage } from '../i18n.js';

export function useFormsT(lang: PageLanguage): TFunction {
  const { i18n } = useTranslation('forms');
  return i18n.getFixedT(lang, 'forms');
}

/** The hall-local day "YYYY-MM-DD" (bounds written "today", ID birth dates). */
export function hallToday(timeZone: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    // An unknown zone name from a misconfigured hall: the kiosk's own day.
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

export function useValidateOptions(lang: PageLanguage, timeZone: string | undefined): ValidateOptions {
  const { i18n } = useTranslation('forms');
  const messages: FormMessages = useMemo(() => {
    const errors = (l: PageLanguage) => (i18n.getResourceBundle(l, 'forms') as { Errors?: Record<string, unknown> } | undefined)?.Errors;
    return formMessagesFrom({ zh: errors('zh'), bo: errors('bo'), ug: errors('ug') });
  }, [i18n]);
  // The day is read when the screen renders: a kiosk left on overnight moves on with the date.
  return { lang, today: hallToday(timeZone), messages };
}
