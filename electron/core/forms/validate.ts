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
import { CONSTRAINT_CODES, ERROR_CODES, type FormErrorCode } from './errorCodes.js';
import { checkValue, parseValue, type Parsed, type Params } from './fieldValues.js';

// The validator's parts live in their own files; these re-exports keep one import for callers.
export { ERROR_CODES, type FormErrorCode } from './errorCodes.js';
export { DEFAULT_LONGTEXT_MAX, DEFAULT_TEXT_MAX } from './fieldValues.js';
export { addDays, DATE_BOUND_RE, isRealDate, resolveDateBound } from './dates.js';
export { isMobilePhone, normalizePhone } from './phone.js';
export { checkResidentId, residentIdCheckChar, type ResidentIdProblem } from './idNumber.js';

/** The standard message per error code, per language; `{min}` and `{max}` are filled in. */
export type FormMessages = Record<FormErrorCode, LocalizedText>;

/** Where errors about the answers object as a whole go (field codes never start with "_"). */
export const ANSWERS_KEY = '_answers';

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

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Sets an own property even for keys like "__proto__" (plain assignment would change the prototype). */
function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
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
