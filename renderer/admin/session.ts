// The admin session lives in sessionStorage: it survives a reload but not closing the tab,
// so a shared hall PC does not stay logged in as admin.
import type { Session } from './adminApi.js';

const KEY = 'hall.admin.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.token === 'string' && s.staff ? (s as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

const LANG_KEY = 'hall.admin.lang';

export function loadLang(): 'zh' | 'bo' | 'ug' {
  const l = localStorage.getItem(LANG_KEY);
  return l === 'bo' || l === 'ug' ? l : 'zh';
}

export function saveLang(l: string): void {
  localStorage.setItem(LANG_KEY, l);
}
