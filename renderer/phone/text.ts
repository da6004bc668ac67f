// Strings of the phone page and the rating pad, in the ticket's language, from
// resources/locales/*/{phone,rate}.json. Values carry bidi isolates around {{slots}}.
import bo from '../../resources/locales/bo/phone.json' with { type: 'json' };
import ug from '../../resources/locales/ug/phone.json' with { type: 'json' };
import zh from '../../resources/locales/zh/phone.json' with { type: 'json' };

export type Lang = 'zh' | 'bo' | 'ug';
export const LANGS: readonly Lang[] = ['zh', 'bo', 'ug'];

type Tree = { [k: string]: string | Tree };
const PHONE: Record<Lang, Tree> = { zh, bo, ug };

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'bo' || v === 'ug';
}

export function lookup(tree: Tree, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  let s = typeof node === 'string' ? node : key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{{${k}}}`, String(v));
  return s;
}

/**
 * Replaces the bundled texts of one namespace with the hall's reviewed ones (the server's
 * merged locale, GET /locales/<lang>/<ns>.json), so an edit on the admin page's translation
 * review shows here after a reload; the bundled texts stay when the server does not answer
 * within 3 s.
 */
export async function loadServerTexts<T>(ns: string, into: Record<Lang, T>): Promise<void> {
  await Promise.all(
    LANGS.map(async (l) => {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), 3000);
      try {
        const res = await fetch(`/locales/${l}/${ns}.json`, { cache: 'no-cache', signal: ctl.signal });
        const body: unknown = res.ok ? await res.json() : null;
        if (body && typeof body === 'object' && !Array.isArray(body)) into[l] = body as T;
      } catch {
        // Offline or slow: the bundled texts stay.
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/** The phone page's texts as the hall reviewed them (see loadServerTexts). */
export const loadPhoneTexts = (): Promise<void> => loadServerTexts('phone', PHONE);

export function phoneText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  return lookup(PHONE[lang], key, vars);
}

/** Sets the page's language and direction (Uyghur reads right to left). */
export function setPageLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ug' ? 'rtl' : 'ltr';
}
