// The translation review page's rows: one per key with its zh, bo and ug entries, and the
// search / "not yet reviewed" filter. Pure, so it is tested without a browser.
import type { TranslationEntry } from './adminApi.js';

export const REVIEW_LANGS = ['bo', 'ug'] as const;
export type ReviewLang = (typeof REVIEW_LANGS)[number];

export interface Row {
  ns: string;
  key: string;
  zh: TranslationEntry;
  bo?: TranslationEntry;
  ug?: TranslationEntry;
}

/** One row per key, in the order the server lists them (namespace, then file order). */
export function groupRows(entries: TranslationEntry[]): Row[] {
  const rows = new Map<string, Row>();
  for (const e of entries) {
    if (e.orphaned) continue;
    const id = `${e.ns}\u0000${e.key}`;
    if (e.lang === 'zh') rows.set(id, { ns: e.ns, key: e.key, zh: e });
  }
  for (const e of entries) {
    if (e.orphaned || e.lang === 'zh') continue;
    const row = rows.get(`${e.ns}\u0000${e.key}`);
    if (row) row[e.lang] = e;
  }
  return [...rows.values()];
}

export function rowMatches(row: Row, query: string, unreviewedOnly: boolean, ns: string): boolean {
  if (ns && row.ns !== ns) return false;
  if (unreviewedOnly && REVIEW_LANGS.every((l) => row[l]?.reviewedAt)) return false;
  const plain = (s: string) => s.replace(/[\u2066-\u2069]/gu, '').toLowerCase();
  const q = plain(query.trim());
  if (!q) return true;
  // Bidi isolates are invisible: a search typed without them still finds "{{n}} كىشى".
  return [row.key, `${row.ns}/${row.key}`, row.zh.text, row.bo?.text ?? '', row.ug?.text ?? ''].some((s) => plain(s).includes(q));
}
