// Parsing and checking one answer by its field's type: what the validator runs per field.
// Texts are trimmed and NFC-normalized; control characters (except newline and tab in a long
// text), bidi overrides/isolates and lone surrogates are refused, not stripped.
import type { AnswerValue, FormField } from './definition.js';
import { normalizeDigits } from './digits.js';
import { isDateString, resolveDateBound } from './dates.js';
import type { FormErrorCode } from './errorCodes.js';
import { checkResidentId } from './idNumber.js';
import { wholeMatch } from './patterns.js';
import { isMobilePhone, normalizePhone } from './phone.js';

export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_LONGTEXT_MAX = 2000;
/** Longer raw input is refused before any normalization work (hostile 1 MB strings). */
const RAW_INPUT_LIMIT = 20_000;

export type Parsed = { ok: true; value: AnswerValue | undefined } | { ok: false; code: FormErrorCode; params?: Params };
export type Params = { min?: string | number; max?: string | number };

const fail = (code: FormErrorCode, params?: Params): Parsed => (params ? { ok: false, code, params } : { ok: false, code });
const okValue = (value: AnswerValue | undefined): Parsed => ({ ok: true, value });

export function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  return false;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// C0 and C1 controls and DEL; lone surrogates. Newline and tab are allowed in long texts only.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bidi embeddings, overrides and isolates: a resident never types them, and in an answer they
// could make the counter's view read differently from what was stored ("Trojan Source").
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

function textOf(raw: unknown, multiline: boolean): Parsed {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  if (raw.length > RAW_INPUT_LIMIT) return fail('TOO_LONG', { max: RAW_INPUT_LIMIT });
  // Digits of any script become 0–9 before any check, and that is what is stored.
  let s = normalizeDigits(multiline ? raw.replace(/\r\n?/g, '\n') : raw);
  if (LONE_SURROGATE.test(s) || BIDI_CONTROL.test(s)) return fail('BAD_CHARACTERS');
  s = s.normalize('NFC').trim();
  if ((multiline ? CONTROL : CONTROL_ONE_LINE).test(s)) return fail('BAD_CHARACTERS');
  return okValue(s === '' ? undefined : s);
}

/** Digits of any script, full-width signs (typed with a Chinese IME) become ASCII; spaces go. */
function asciiNumberText(raw: string): string {
  return normalizeDigits(raw).normalize('NFKC').replace(/\s+/g, '');
}

const INTEGER_RE = /^[+-]?\d{1,15}$/;
const DECIMAL_RE = /^[+-]?(?:\d{1,15}(?:\.\d{0,10})?|\.\d{1,10})$/;

function numberOf(raw: unknown, integer: boolean): Parsed {
  let n: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('NOT_A_NUMBER');
    n = raw;
  } else if (typeof raw === 'string') {
    if (raw.length > 64) return fail('NOT_A_NUMBER');
    const s = asciiNumberText(raw);
    if (!(integer ? INTEGER_RE : DECIMAL_RE).test(s)) {
      return fail(integer && DECIMAL_RE.test(s) ? 'NOT_AN_INTEGER' : 'NOT_A_NUMBER');
    }
    n = Number(s);
  } else {
    return fail('WRONG_TYPE');
  }
  if (integer && !Number.isSafeInteger(n)) return fail(Number.isInteger(n) ? 'NOT_A_NUMBER' : 'NOT_AN_INTEGER');
  if (Object.is(n, -0)) n = 0;
  return okValue(n);
}

function dateOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  const s = normalizeDigits(raw.trim());
  if (s.length > 10 || !isDateString(s)) return fail('BAD_DATE');
  return okValue(s);
}

function choiceOf(field: FormField, raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  const s = raw.trim();
  if (!(field.choices ?? []).some((c) => c.code === s)) return fail('UNKNOWN_CHOICE');
  return okValue(s);
}

function multichoiceOf(field: FormField, raw: unknown): Parsed {
  if (!Array.isArray(raw)) return fail('WRONG_TYPE');
  const choices = field.choices ?? [];
  if (raw.length > choices.length) return fail(raw.every((x) => typeof x === 'string') ? 'DUPLICATE_CHOICE' : 'WRONG_TYPE');
  const seen = new Set<string>();
  for (const x of raw) {
    if (typeof x !== 'string') return fail('WRONG_TYPE');
    const s = x.trim();
    if (!choices.some((c) => c.code === s)) return fail('UNKNOWN_CHOICE');
    if (seen.has(s)) return fail('DUPLICATE_CHOICE');
    seen.add(s);
  }
  // Stored in the definition's order, so equal selections are equal values.
  const picked = choices.map((c) => c.code).filter((c) => seen.has(c));
  return okValue(picked.length === 0 ? undefined : picked);
}

function booleanOf(raw: unknown): Parsed {
  return typeof raw === 'boolean' ? okValue(raw) : fail('NOT_YES_NO');
}
function phoneOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  if (raw.length > 32) return fail('BAD_PHONE');
  const s = normalizePhone(raw);
  return isMobilePhone(s) ? okValue(s) : fail('BAD_PHONE');
}

function residentIdOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  if (raw.length > 40) return fail('BAD_ID_FORMAT');
  const s = normalizeDigits(raw).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^\d{17}[\dX]$/.test(s) ? okValue(s) : fail('BAD_ID_FORMAT');
}

/** Type-level parsing only (no bounds): what `relevant` compares against. */
export function parseValue(field: FormField, raw: unknown): Parsed {
  if (isEmpty(raw)) return okValue(undefined);
  switch (field.type) {
    case 'text':
      return textOf(raw, false);
    case 'longtext':
      return textOf(raw, true);
    case 'integer':
      return numberOf(raw, true);
    case 'decimal':
      return numberOf(raw, false);
    case 'date':
      return dateOf(raw);
    case 'choice':
      return choiceOf(field, raw);
    case 'multichoice':
      return multichoiceOf(field, raw);
    case 'yesno':
    case 'consent':
      return booleanOf(raw);
    case 'phone':
      return phoneOf(raw);
    case 'resident_id':
      return residentIdOf(raw);
    default:
      return fail('WRONG_TYPE');
  }
}

/** Bounds, length, pattern, ID birth date and consent: the checks after parsing. */
export function checkValue(field: FormField, value: AnswerValue, today: string): Parsed {
  switch (field.type) {
    case 'text':
    case 'longtext': {
      const s = value as string;
      const len = codePoints(s);
      const max = field.maxLength ?? (field.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_LONGTEXT_MAX);
      if (len > max) return fail('TOO_LONG', { max });
      if (field.minLength !== undefined && len < field.minLength) return fail('TOO_SHORT', { min: field.minLength });
      if (field.pattern !== undefined && !wholeMatch(field.pattern, s)) return fail('PATTERN');
      return okValue(s);
    }
    case 'integer':
    case 'decimal': {
      const n = value as number;
      const min = typeof field.min === 'number' ? field.min : undefined;
      const max = typeof field.max === 'number' ? field.max : undefined;
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        if (min !== undefined && max !== undefined) return fail('OUT_OF_RANGE', { min, max });
        return min !== undefined && n < min ? fail('TOO_SMALL', { min }) : fail('TOO_LARGE', { max: max! });
      }
      return okValue(n);
    }
    case 'date': {
      const s = value as string;
      const min = typeof field.min === 'string' ? resolveDateBound(field.min, today) : undefined;
      const max = typeof field.max === 'string' ? resolveDateBound(field.max, today) : undefined;
      if ((min !== undefined && s < min) || (max !== undefined && s > max)) {
        if (min !== undefined && max !== undefined) return fail('DATE_OUT_OF_RANGE', { min, max });
        return min !== undefined && s < min ? fail('DATE_TOO_EARLY', { min }) : fail('DATE_TOO_LATE', { max: max! });
      }
      return okValue(s);
    }
    case 'resident_id': {
      const problem = checkResidentId(value as string, today);
      return problem ? fail(problem) : okValue(value);
    }
    case 'consent':
      if (field.required && value !== true) return fail('CONSENT_REQUIRED');
      return okValue(value);
    default:
      return okValue(value);
  }
}
