// Number and time formatting that follows the page language.
import { hallTimeZone, instantOf, zonedFields } from '../shared/hallClock.js';
import type { Lang } from './adminApi.js';

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', bo: 'bo-CN', ug: 'ug-CN' };

export function formatNumber(n: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(n);
}

// Left-to-right isolate: a date inside Uyghur (rtl) text keeps its own order.
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * A timestamp (ISO string or epoch ms) as YYYY-MM-DD HH:MM:SS in the hall's time zone.
 * One numeric form for all three languages: ICU has no full date patterns for bo and ug
 * and would fall back to the US month/day order, which nobody in the hall reads.
 */
export function formatTime(value: string | number | null | undefined, timeZone: string | undefined = hallTimeZone() ?? 'UTC'): string {
  const d = instantOf(value);
  if (!d) return '—';
  let f: ReturnType<typeof zonedFields>;
  try {
    f = zonedFields(d, timeZone);
  } catch {
    return LRI + d.toISOString() + PDI;
  }
  return `${LRI}${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}${PDI}`;
}
