// Which on-screen keyboard a form question gets, as a pure decision. A question that can only
// take digits gets the big numeric pad: a resident should never have to hunt for digits on a
// letter keyboard (the Tibetan one types ༠–༩, the pinyin one had none) for a card number.
// The pattern is read conservatively: only a pattern made wholly of digit classes ([0-9] or
// \d) with plain counts counts as digits-only; anything else keeps the letter keyboard.
import type { FormField } from '../../../electron/core/forms/definition.js';

export type EntryKind =
  /** The numeric pad in one of its modes. */
  | { pad: 'numeric'; mode: 'id' | 'phone' | 'integer' | 'decimal' | 'digits'; maxLength?: number }
  /** The keyboard of the resident's language (with the switch to pinyin). */
  | { pad: 'text' }
  /** Not typed: choices, yes/no, consent, the date picker. */
  | { pad: 'none' };

/** One digit class followed by an optional plain count: [0-9]{8,20}, \d+, [0-9]? … */
const DIGIT_UNIT = /(?:\[0-9\]|\\d)(?:\{(\d+)(?:,(\d*))?\}|([+*?]))?/y;

/**
 * The most digits a digits-only pattern takes (Infinity when unbounded), or null when the
 * pattern can take anything that is not a digit.
 */
export function digitsOnlyPattern(pattern: string | undefined): { max: number } | null {
  if (!pattern) return null;
  let body = pattern;
  if (body.startsWith('^')) body = body.slice(1);
  if (body.endsWith('$') && !body.endsWith('\\$')) body = body.slice(0, -1);
  if (body === '') return null;
  let at = 0;
  let max = 0;
  while (at < body.length) {
    DIGIT_UNIT.lastIndex = at;
    const m = DIGIT_UNIT.exec(body);
    if (!m) return null;
    at = DIGIT_UNIT.lastIndex;
    const [, from, to, sign] = m;
    if (sign === '+' || sign === '*') max = Infinity;
    else if (from !== undefined) max += to === undefined ? Number(from) : to === '' ? Infinity : Number(to);
    else max += 1;
  }
  return { max };
}

export function entryFor(field: Pick<FormField, 'type' | 'pattern' | 'maxLength'>): EntryKind {
  switch (field.type) {
    case 'resident_id':
      return { pad: 'numeric', mode: 'id' };
    case 'phone':
      return { pad: 'numeric', mode: 'phone' };
    case 'integer':
      return { pad: 'numeric', mode: 'integer' };
    case 'decimal':
      return { pad: 'numeric', mode: 'decimal' };
    case 'text':
    case 'longtext': {
      const digits = digitsOnlyPattern(field.pattern);
      if (!digits) return { pad: 'text' };
      const cap = Math.min(digits.max, field.maxLength ?? Infinity);
      return Number.isFinite(cap) ? { pad: 'numeric', mode: 'digits', maxLength: cap } : { pad: 'numeric', mode: 'digits' };
    }
    default:
      return { pad: 'none' };
  }
}
