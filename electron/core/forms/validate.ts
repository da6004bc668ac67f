// The one validator of form answers, run by the kiosk (screen by screen) and by the server
// (the whole submission). Pure: "today" comes from the caller so tests and the hall's time
// zone decide it, never the machine clock.
//
// Decisions (see docs/forms.md):
// - Answers are a plain object {code: value}. A code the definition does not know is refused
//   (UNKNOWN_FIELD), so a typo or a stale kiosk never silently loses data.
// - A field is shown only if its `relevant` rule holds against the answers of EARLIER shown
//   fields. Answers to fields that are not shown are dropped, never stored (as ODK does).
// - Empty values (undefined, null, "", whitespace, []) count as "no answer".
// - Texts are trimmed and NFC-normalized; control characters (except newline and tab in a
//   long text), bidi overrides/isolates and lone surrogates are refused, not stripped, so
//   what is stored is what the resident saw.
import type { Language, LocalizedText } from '../model.js';
import type { AnswerValue, Answers, FieldError, FormDefinition, FormField, RelevantRule, ValidationResult } from './definition.js';

export const ERROR_CODES = [
  'REQUIRED',
  'WRONG_TYPE',
  'BAD_CHARACTERS',
  'TOO_SHORT',
  'TOO_LONG',
  'PATTERN',
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'TOO_SMALL',
  'TOO_LARGE',
  'OUT_OF_RANGE',
  'BAD_DATE',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'DATE_OUT_OF_RANGE',
  'UNKNOWN_CHOICE',
  'DUPLICATE_CHOICE',
  'NOT_YES_NO',
  'BAD_PHONE',
  'BAD_ID_FORMAT',
  'BAD_ID_REGION',
  'BAD_ID_BIRTHDATE',
  'BAD_ID_CHECKSUM',
  'CONSENT_REQUIRED',
  'UNKNOWN_FIELD',
  'BAD_ANSWERS',
] as const;
export type FormErrorCode = (typeof ERROR_CODES)[number];

/** Failures of a field's own constraint (bounds, length, pattern): its constraintMessage applies. */
const CONSTRAINT_CODES: ReadonlySet<FormErrorCode> = new Set<FormErrorCode>([
  'TOO_SHORT',
  'TOO_LONG',
  'PATTERN',
  'TOO_SMALL',
  'TOO_LARGE',
  'OUT_OF_RANGE',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'DATE_OUT_OF_RANGE',
]);

/** The standard message per error code, per language; `{min}` and `{max}` are filled in. */
export type FormMessages = Record<FormErrorCode, LocalizedText>;

/** Where errors about the answers object as a whole go (field codes never start with "_"). */
export const ANSWERS_KEY = '_answers';

export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_LONGTEXT_MAX = 2000;
/** Longer raw input is refused before any normalization work (hostile 1 MB strings). */
const RAW_INPUT_LIMIT = 20_000;
/** At most this many unknown codes are reported, each cut to this length. */
const UNKNOWN_REPORT_LIMIT = 10;
const UNKNOWN_KEY_LENGTH = 64;

export interface ValidateOptions {
  lang: Language;
  /** The hall-local day, "YYYY-MM-DD": bounds written "today" and ID birth dates use it. */
  today: string;
  messages: FormMessages;
}

/**
 * Builds FormMessages from the `Errors` objects of resources/locales/{zh,bo,ug}/forms.json.
 * A key missing in bo or ug falls back to zh, a key missing everywhere to the code itself,
 * so a half-translated hall still shows something (locales.test.ts keeps the files complete).
 */
export function formMessagesFrom(errors: Record<Language, Record<string, unknown> | undefined>): FormMessages {
  const pick = (lang: Language, code: string): string | undefined => {
    const v = errors[lang]?.[code];
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  const out = {} as FormMessages;
  for (const code of ERROR_CODES) {
    const zh = pick('zh', code) ?? code;
    out[code] = { zh, bo: pick('bo', code) ?? zh, ug: pick('ug', code) ?? zh };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Small helpers

type Parsed = { ok: true; value: AnswerValue | undefined } | { ok: false; code: FormErrorCode; params?: Params };
type Params = { min?: string | number; max?: string | number };

const fail = (code: FormErrorCode, params?: Params): Parsed => (params ? { ok: false, code, params } : { ok: false, code });
const okValue = (value: AnswerValue | undefined): Parsed => ({ ok: true, value });

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Sets an own property even for keys like "__proto__" (plain assignment would change the prototype). */
function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function isEmpty(raw: unknown): boolean {
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
  let s = multiline ? raw.replace(/\r\n?/g, '\n') : raw;
  if (LONE_SURROGATE.test(s) || BIDI_CONTROL.test(s)) return fail('BAD_CHARACTERS');
  s = s.normalize('NFC').trim();
  if ((multiline ? CONTROL : CONTROL_ONE_LINE).test(s)) return fail('BAD_CHARACTERS');
  return okValue(s === '' ? undefined : s);
}

/** Full-width digits and signs (typed with a Chinese IME) become ASCII; spaces go. */
function asciiNumberText(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
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

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day (no 30 February), years 1000–9999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Adds days to a "YYYY-MM-DD" day (calendar arithmetic in UTC, no clock involved). */
export function addDays(day: string, days: number): string {
  const m = DATE_RE.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** A date bound as written in a definition: "YYYY-MM-DD", "today", "today+N" or "today-N" (days). */
export const DATE_BOUND_RE = /^(?:\d{4}-\d{2}-\d{2}|today(?:[+-]\d{1,5})?)$/;

/** The day a date bound stands for, or undefined when it is malformed. */
export function resolveDateBound(bound: string, today: string): string | undefined {
  if (bound === 'today') return today;
  const rel = /^today([+-]\d{1,5})$/.exec(bound);
  if (rel) return addDays(today, Number(rel[1]));
  return isDateString(bound) ? bound : undefined;
}

function dateOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  const s = raw.trim();
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

// Mainland mobile numbers: 11 digits, 1 + a prefix allocated to a public mobile network
// (incl. virtual operators; not the 13-digit IoT ranges 140–144, nor unallocated 154, 194…).
const PHONE_RE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9[0-35-9])\d{8}$/;

/** Spaces and dashes are tolerated, as is a leading +86 / 0086; the stored form is 11 digits. */
export function normalizePhone(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (/^(?:\+|00)86\d{11}$/.test(s)) s = s.slice(s.length - 11);
  return s;
}

export function isMobilePhone(s: string): boolean {
  return PHONE_RE.test(s);
}

function phoneOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  if (raw.length > 32) return fail('BAD_PHONE');
  const s = normalizePhone(raw);
  return isMobilePhone(s) ? okValue(s) : fail('BAD_PHONE');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes (GB/T 2260) incl. 81/82/83 of the residence permits for Hong Kong, Macao and Taiwan residents. */
const ID_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type ResidentIdProblem = 'BAD_ID_FORMAT' | 'BAD_ID_REGION' | 'BAD_ID_BIRTHDATE' | 'BAD_ID_CHECKSUM';

/** Checks an 18-character resident ID (already upper-cased); `today` bounds the birth date. */
export function checkResidentId(id: string, today: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'BAD_ID_FORMAT';
  if (!ID_PROVINCES.has(id.slice(0, 2))) return 'BAD_ID_REGION';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || birth > today) return 'BAD_ID_BIRTHDATE';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'BAD_ID_CHECKSUM';
  return null;
}

function residentIdOf(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('WRONG_TYPE');
  if (raw.length > 40) return fail('BAD_ID_FORMAT');
  const s = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^\d{17}[\dX]$/.test(s) ? okValue(s) : fail('BAD_ID_FORMAT');
}

/** Type-level parsing only (no bounds): what `relevant` compares against. */
function parseValue(field: FormField, raw: unknown): Parsed {
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
function checkValue(field: FormField, value: AnswerValue, today: string): Parsed {
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

// Compiled patterns are cached: the server validates thousands of submissions per definition.
const patternCache = new Map<string, RegExp | null>();
function wholeMatch(pattern: string, s: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(pattern, re);
  }
  // A definition with a broken pattern is refused at import; if one slips through, refuse the answer.
  return re !== null && re.test(s);
}

function message(field: FormField | undefined, code: FormErrorCode, params: Params | undefined, opts: ValidateOptions): string {
  const own = field?.constraintMessage && CONSTRAINT_CODES.has(code) ? field.constraintMessage[opts.lang] : undefined;
  const template = own ?? opts.messages[code]?.[opts.lang] ?? code;
  return template.replace(/\{(min|max)\}/g, (all, k: 'min' | 'max') => (params?.[k] !== undefined ? String(params[k]) : all));
}

function toError(field: FormField | undefined, parsed: Extract<Parsed, { ok: false }>, opts: ValidateOptions): FieldError {
  return { code: parsed.code, message: message(field, parsed.code, parsed.params, opts) };
}

// ---------------------------------------------------------------------------------------
// Relevance

function ruleHolds(rule: RelevantRule, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if ('answered' in rule) return true;
  if ('equals' in rule) return sameAnswer(value, rule.equals);
  if ('oneOf' in rule) return Array.isArray(rule.oneOf) && rule.oneOf.some((x) => sameAnswer(value, x));
  if ('includes' in rule) return Array.isArray(value) && value.includes(rule.includes);
  return false;
}

function sameAnswer(value: AnswerValue, expected: string | number | boolean): boolean {
  if (Array.isArray(value)) return false;
  if (typeof value === 'number' && typeof expected === 'string') return expected.trim() !== '' && Number(expected) === value;
  return value === expected;
}

/**
 * Walks the fields in order; a field is shown when it has no `relevant` rule, or when its rule
 * holds against the (type-parsed) answer of an EARLIER field that is itself shown.
 * Calls `visit` with each shown field and its parsed answer.
 */
function walkShown(def: FormDefinition, answers: Record<string, unknown>, visit: (field: FormField, parsed: Parsed) => AnswerValue | undefined): FormField[] {
  const shownValues = new Map<string, AnswerValue | undefined>();
  const shown: FormField[] = [];
  for (const field of def.fields) {
    const rule = field.relevant;
    if (rule && !(shownValues.has(rule.field) && ruleHolds(rule, shownValues.get(rule.field)))) continue;
    shown.push(field);
    const raw = hasOwn(answers, field.code) ? answers[field.code] : undefined;
    shownValues.set(field.code, visit(field, parseValue(field, raw)));
  }
  return shown;
}

/** The fields shown for these answers, in order. Bad earlier answers count as unanswered. */
export function visibleFields(def: FormDefinition, answers: Record<string, unknown> | null | undefined): FormField[] {
  const source = answers && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
  return walkShown(def, source, (_f, parsed) => (parsed.ok ? parsed.value : undefined));
}

/** The kiosk's per-screen check: the value normalized, or the error in the resident's language. */
export function validateField(
  field: FormField,
  value: unknown,
  opts: ValidateOptions,
): { ok: true; value: AnswerValue | undefined } | { ok: false; error: FieldError } {
  let parsed = parseValue(field, value);
  if (parsed.ok && parsed.value !== undefined) parsed = checkValue(field, parsed.value, opts.today);
  if (!parsed.ok) return { ok: false, error: toError(field, parsed, opts) };
  if (parsed.value === undefined && field.required) {
    const code: FormErrorCode = field.type === 'consent' ? 'CONSENT_REQUIRED' : 'REQUIRED';
    return { ok: false, error: { code, message: message(field, code, undefined, opts) } };
  }
  return { ok: true, value: parsed.value };
}

/**
 * Validates a whole submission. On success the answers are normalized (trimmed, NFC, numbers
 * as numbers, phone as 11 digits, ID upper-case) and hold only shown, answered fields.
 */
export function validateAnswers(def: FormDefinition, answers: unknown, opts: ValidateOptions): ValidationResult {
  const errors: Record<string, FieldError> = {};
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    setOwn(errors, ANSWERS_KEY, { code: 'BAD_ANSWERS', message: message(undefined, 'BAD_ANSWERS', undefined, opts) });
    return { ok: false, fields: errors };
  }
  const given = answers as Record<string, unknown>;

  const known = new Set(def.fields.map((f) => f.code));
  let unknownCount = 0;
  for (const key of Object.keys(given)) {
    if (known.has(key)) continue;
    if (unknownCount++ >= UNKNOWN_REPORT_LIMIT) break;
    setOwn(errors, key.slice(0, UNKNOWN_KEY_LENGTH), { code: 'UNKNOWN_FIELD', message: message(undefined, 'UNKNOWN_FIELD', undefined, opts) });
  }

  const out: Answers = {};
  walkShown(def, given, (field) => {
    const raw = hasOwn(given, field.code) ? given[field.code] : undefined;
    const r = validateField(field, raw, opts);
    if (!r.ok) {
      setOwn(errors, field.code, r.error);
      return undefined;
    }
    if (r.value !== undefined) setOwn(out, field.code, r.value);
    return r.value;
  });

  return Object.keys(errors).length > 0 ? { ok: false, fields: errors } : { ok: true, answers: out };
}
