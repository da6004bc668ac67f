// i18next set-up shared by the pages. Resources are JSON files in resources/locales/<lng>/
// (one namespace per page, keys Screen.element), bundled into each page at build time as
// the offline fallback and replaced at start-up by the server's merged texts (see below).
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

/**
 * The hall's texts for one namespace: the server's merged locale (shipped texts plus the
 * hall's reviewed overrides, GET /locales/<lng>/<ns>.json), or null when the server cannot
 * be reached in time — the page then keeps the texts bundled at build time.
 */
export async function fetchServerTexts(lng: string, ns: string, timeoutMs = 3000): Promise<Record<string, unknown> | null> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetch(`/locales/${encodeURIComponent(lng)}/${encodeURIComponent(ns)}.json`, { cache: 'no-cache', signal: ctl.signal });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The bundled resources with every namespace replaced by the server's merged texts where it answered. */
export async function withServerTexts(resources: Resource): Promise<Resource> {
  const jobs = Object.entries(resources).flatMap(([lng, byNs]) =>
    Object.keys(byNs).map(async (ns) => ({ lng, ns, texts: await fetchServerTexts(lng, ns) })),
  );
  const out: Resource = Object.fromEntries(Object.entries(resources).map(([lng, byNs]) => [lng, { ...byNs }]));
  for (const { lng, ns, texts } of await Promise.all(jobs)) if (texts) out[lng]![ns] = texts as Resource[string][string];
  return out;
}

export async function setupI18n(resources: Resource, namespaces: string[], lng: PageLanguage = 'zh'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    // Reviewed translations are edited on the admin page and served merged: a page reload
    // shows an edit without restarting anything.
    resources: await withServerTexts(resources),
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
