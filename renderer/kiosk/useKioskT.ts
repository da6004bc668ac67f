// Strings in a given language, independent of i18next's current language: the attract and
// language screens show all three at once, and every other screen names its language
// explicitly so a screen never renders one frame in the previous resident's language.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PageLanguage } from '../shared/i18n.js';

export function useKioskT(lang: PageLanguage): TFunction {
  const { i18n } = useTranslation('kiosk');
  return i18n.getFixedT(lang, 'kiosk');
}

export function useAllKioskT(): Record<PageLanguage, TFunction> {
  const { i18n } = useTranslation('kiosk');
  return { zh: i18n.getFixedT('zh', 'kiosk'), bo: i18n.getFixedT('bo', 'kiosk'), ug: i18n.getFixedT('ug', 'kiosk') };
}
