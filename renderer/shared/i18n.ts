// i18next set-up shared by the pages. Resources are JSON files in resources/locales/<lng>/
// (one namespace per page, keys Screen.element), bundled into each page at build time.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const PAGE_LANGUAGES = ['zh', 'bo', 'ug'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export function textDirection(lng: string): 'rtl' | 'ltr' {
  return lng === 'ug' ? 'rtl' : 'ltr';
}

/** <html lang dir> follow the language: Uyghur pages are right-to-left. */
export function applyDocumentLanguage(lng: PageLanguage): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = textDirection(lng);
}

export async function setupI18n(resources: Resource, namespaces: string[], lng: PageLanguage = 'zh'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    ns: namespaces,
    defaultNS: namespaces[0],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.on('languageChanged', (l) => applyDocumentLanguage(l as PageLanguage));
  applyDocumentLanguage(lng);
  return instance;
}
