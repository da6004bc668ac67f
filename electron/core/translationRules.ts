// What a reviewed translation must keep: the rules for accepting a hall's edit of a locale
// text, and the merge of shipped texts with a hall's overrides. Pure: no I/O.

/** Longest accepted text, in code points (the longest shipped text is about a fifth of it). */
export const MAX_TRANSLATION_LENGTH = 1000;

/** The {{name}} slots the code fills in (i18next syntax, optional format after a comma). */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^{},\s]+)\s*(?:,[^{}]*)?\}\}/g)) names.add(m[1]!);
  return [...names].sort();
}

export type TranslationProblem =
  | { code: 'TRANSLATION_EMPTY' }
  | { code: 'TRANSLATION_TOO_LONG'; max: number }
  | { code: 'TRANSLATION_PLACEHOLDERS'; missing: string[]; unknown: string[] };

/**
 * Why a proposed text cannot replace a key whose Chinese source is `source`, or null when it
 * can. Every slot of the source must stay (a dropped {{code}} would hide the ticket number)
 * and no new slot may appear (the code would never fill it).
 */
export function checkTranslation(source: string, text: string): TranslationProblem | null {
  if (text.trim().length === 0) return { code: 'TRANSLATION_EMPTY' };
  if ([...text].length > MAX_TRANSLATION_LENGTH) return { code: 'TRANSLATION_TOO_LONG', max: MAX_TRANSLATION_LENGTH };
  const want = placeholders(source);
  const have = placeholders(text);
  const missing = want.filter((p) => !have.includes(p));
  const unknown = have.filter((p) => !want.includes(p));
  if (missing.length > 0 || unknown.length > 0) return { code: 'TRANSLATION_PLACEHOLDERS', missing, unknown };
  return null;
}

const FSI = '\u2068';
const PDI = '\u2069';
const TOKEN = String.raw`(?:\{\{[^{}]+\}\}|[0-9A-Za-z\u0F20-\u0F33]+)`;
/** A number, time, date, code or {{slot}}: tokens joined by – / : . - _ @ + without words between. */
const RUN = new RegExp(String.raw`/?${TOKEN}(?:(?:\s*[–/]\s*|[-:.,_@+/]+)${TOKEN})*`, 'gu');
const ISOLATED = /[\u2066-\u2068][^\u2069]*\u2069/gu;

/**
 * Wraps every number, time, date, code and {{slot}} of a Tibetan or Uyghur text in a
 * first-strong isolate (U+2068 … U+2069), leaving runs already isolated alone. Reviewers
 * cannot type these invisible marks, yet without them an Uyghur line shows "09:00–17:00"
 * as "17:00–09:00"; the server adds them to every bo/ug text it stores.
 */
export function isolateNumbers(text: string): string {
  const wrap = (segment: string) => segment.replace(RUN, (run) => (/[0-9\u0F20-\u0F33]|\{\{/u.test(run) ? FSI + run + PDI : run));
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ISOLATED)) {
    out += wrap(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + wrap(text.slice(last));
}

export type NestedTexts = { [k: string]: string | NestedTexts };

/** "Services.closedHours" → text, for every string leaf of a locale file. */
export function flattenTexts(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flattenTexts(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

/**
 * The shipped locale with the overrides whose keys exist in it applied; overrides of
 * unknown keys are left out here (the catalog reports them as orphaned).
 */
export function applyOverrides(shipped: NestedTexts, overrides: ReadonlyMap<string, string>): NestedTexts {
  const walk = (node: NestedTexts, prefix: string): NestedTexts => {
    const out: NestedTexts = {};
    for (const [k, v] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out[k] = typeof v === 'string' ? (overrides.get(path) ?? v) : walk(v, path);
    }
    return out;
  };
  return walk(shipped, '');
}
