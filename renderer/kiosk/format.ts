// Numbers and clock times written the way each language expects (Intl), in the hall's time zone.
import type { PageLanguage } from '../shared/i18n.js';

const LOCALES: Record<PageLanguage, string> = { zh: 'zh-CN', bo: 'bo-CN', ug: 'ug-CN' };

export function formatCount(n: number, lang: PageLanguage): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
}

/** Hours and minutes of an ISO timestamp in the hall's zone; the raw value if it is not a date. */
export function formatClock(iso: string, lang: PageLanguage, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  } catch {
    // An unknown zone name from a misconfigured hall: the kiosk's own zone is better than nothing.
    return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  }
}
