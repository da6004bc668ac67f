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

export function phoneText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  return lookup(PHONE[lang], key, vars);
}

/** Sets the page's language and direction (Uyghur reads right to left). */
export function setPageLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ug' ? 'rtl' : 'ltr';
}
