// The staff session of this browser tab. sessionStorage: a reload keeps the login, closing
// the tab forgets it, and two tabs (two consoles) each hold their own.
import type { StaffView } from './types.js';

export interface StaffSession {
  token: string;
  staff: StaffView;
}

const KEY = 'hall.counter.session';
const LANG_KEY = 'hall.counter.lang';

export function loadSession(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as StaffSession) : null;
    return s && typeof s.token === 'string' && s.staff ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: StaffSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

/** The staff member's UI language stays with the PC (localStorage), Chinese by default. */
export function loadUiLanguage(): 'zh' | 'bo' | 'ug' {
  const v = localStorage.getItem(LANG_KEY);
  return v === 'bo' || v === 'ug' ? v : 'zh';
}

export function saveUiLanguage(lng: 'zh' | 'bo' | 'ug'): void {
  localStorage.setItem(LANG_KEY, lng);
}
