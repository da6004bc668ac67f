// The gate every form definition passes before the hall stores or serves it (JSON upload,
// XLSForm import, default forms). Structure as in resources/forms/form-definition.schema.json,
// plus what a schema cannot say: every text complete in zh, bo AND ug (a missing translation
// is refused with the list of what is missing), unique codes, `relevant` pointing at an
// earlier field with a value that field can hold, options only where the type uses them.
// Hand-written rather than zod so each problem carries a precise path the XLSForm importer
// can turn into sheet/row/column.
import { FIELD_TYPES, type FieldType, type FormDefinition } from '../../core/forms/definition.js';
import { compilePattern } from '../../core/forms/patterns.js';
import { DATE_BOUND_RE, resolveDateBound } from '../../core/forms/validate.js';
import { LANGUAGES } from '../../core/model.js';

export interface DefinitionProblem {
  /** Where, e.g. `fields[3].label.bo`, `fields[2].choices[0].code`, `title.ug`. */
  path: string;
  code: DefinitionProblemCode;
  /** English, for the admin and the CLI; the code is what programs look at. */
  message: string;
}

export type DefinitionProblemCode =
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_KEY'
  | 'MISSING'
  | 'WRONG_TYPE'
  | 'BAD_ID'
  | 'BAD_VERSION'
  | 'MISSING_TRANSLATION'
  | 'WRONG_SCRIPT'
  | 'TOO_LONG'
  | 'BAD_CODE'
  | 'DUPLICATE_CODE'
  | 'BAD_FIELD_TYPE'
  | 'BAD_RELEVANT'
  | 'RELEVANT_UNKNOWN_FIELD'
  | 'RELEVANT_NOT_EARLIER'
  | 'RELEVANT_BAD_VALUE'
  | 'NOT_FOR_THIS_TYPE'
  | 'CHOICES_MISSING'
  | 'BAD_BOUND'
  | 'MIN_ABOVE_MAX'
  | 'BAD_PATTERN'
  | 'MUST_BE_PERSONAL'
  | 'ANONYMOUS_REQUIRES_PERSONAL'
  | 'NO_FIELDS'
  | 'TOO_MANY';

export type CheckDefinitionResult = { ok: true; def: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

export const FORM_ID_RE = /^[a-z][a-z0-9_-]{0,63}$/;
export const FIELD_CODE_RE = /^[a-z][a-z0-9_]{0,63}$/;
export const CHOICE_CODE_RE = /^[a-z0-9_]{1,64}$/;
const SERVICE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const MAX_FIELDS = 100;
const MAX_CHOICES = 100;
const MAX_LABEL = 500;
const MAX_HINT = 2000;
const MAX_PATTERN = 500;
const MAX_TEXT_LENGTH = 10_000;

const TOP_KEYS = new Set(['id', 'version', 'serviceId', 'title', 'description', 'allowWithoutTicket', 'anonymous', 'fields']);
const FIELD_KEYS = new Set(['code', 'type', 'label', 'hint', 'required', 'relevant', 'min', 'max', 'minLength', 'maxLength', 'pattern', 'constraintMessage', 'personal', 'choices']);
const CHOICE_KEYS = new Set(['code', 'label']);
const TEXT_TYPES = new Set<FieldType>(['text', 'longtext']);
const NUMBER_TYPES = new Set<FieldType>(['integer', 'decimal']);
const CHOICE_TYPES = new Set<FieldType>(['choice', 'multichoice']);
/** Types whose answers identify a person, so they must be marked personal (encrypted, purged). */
const ALWAYS_PERSONAL = new Set<FieldType>(['resident_id', 'phone']);

// A bo text carries Tibetan letters, a ug text Arabic-script letters: catches a Chinese label
// pasted into the Tibetan column, which is a missing translation in disguise.
const SCRIPT: Record<'bo' | 'ug', RegExp> = { bo: /[\u0F00-\u0FFF]/, ug: /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/ };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Checks structure and completeness; on success returns a detached copy of the definition. */
export function checkDefinition(input: unknown): CheckDefinitionResult {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, code: DefinitionProblemCode, message: string) => problems.push({ path, code, message });

  if (!isObject(input)) {
    add('', 'NOT_AN_OBJECT', 'A form definition is a JSON object.');
    return { ok: false, problems };
  }
  unknownKeys(input, TOP_KEYS, '', add);

  const id = own(input, 'id');
  if (typeof id !== 'string' || !FORM_ID_RE.test(id)) add('id', 'BAD_ID', 'id must match [a-z][a-z0-9_-]* (at most 64 characters).');
  const version = own(input, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) add('version', 'BAD_VERSION', 'version must be a whole number ≥ 1.');
  const serviceId = own(input, 'serviceId');
  if (serviceId !== null && (typeof serviceId !== 'string' || !SERVICE_ID_RE.test(serviceId))) {
    add('serviceId', serviceId === undefined ? 'MISSING' : 'WRONG_TYPE', 'serviceId must be a service id or null.');
  }
  localized(own(input, 'title'), 'title', true, MAX_LABEL, add);
  if (own(input, 'description') !== undefined) localized(own(input, 'description'), 'description', true, MAX_HINT, add);
  if (typeof own(input, 'allowWithoutTicket') !== 'boolean') add('allowWithoutTicket', own(input, 'allowWithoutTicket') === undefined ? 'MISSING' : 'WRONG_TYPE', 'allowWithoutTicket must be true or false.');
  const anonymous = own(input, 'anonymous');
  if (anonymous !== undefined && typeof anonymous !== 'boolean') add('anonymous', 'WRONG_TYPE', 'anonymous must be true or false.');

  const fields = own(input, 'fields');
  if (!Array.isArray(fields)) {
    add('fields', fields === undefined ? 'MISSING' : 'WRONG_TYPE', 'fields must be a list.');
  } else if (fields.length === 0) {
    add('fields', 'NO_FIELDS', 'A form needs at least one field.');
  } else if (fields.length > MAX_FIELDS) {
    add('fields', 'TOO_MANY', `A form has at most ${MAX_FIELDS} fields.`);
  } else {
    const earlier = new Map<string, Record<string, unknown>>();
    fields.forEach((f, i) => checkField(f, `fields[${i}]`, earlier, anonymous === true, add));
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, def: JSON.parse(JSON.stringify(input)) as FormDefinition };
}

type Add = (path: string, code: DefinitionProblemCode, message: string) => void;

function unknownKeys(o: Record<string, unknown>, allowed: Set<string>, base: string, add: Add): void {
  for (const k of Object.keys(o)) {
    if (!allowed.has(k)) add(join(base, k.slice(0, 64)), 'UNKNOWN_KEY', `Unknown key "${k.slice(0, 64)}".`);
  }
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

function localized(v: unknown, path: string, required: boolean, max: number, add: Add): void {
  if (v === undefined && !required) return;
  if (!isObject(v)) {
    add(path, v === undefined ? 'MISSING' : 'WRONG_TYPE', `${path} must be a text in zh, bo and ug.`);
    return;
  }
  for (const k of Object.keys(v)) if (!(LANGUAGES as readonly string[]).includes(k)) add(join(path, k.slice(0, 64)), 'UNKNOWN_KEY', `Unknown language "${k.slice(0, 64)}" (zh, bo, ug).`);
  for (const lang of LANGUAGES) {
    const s = own(v, lang);
    const p = `${path}.${lang}`;
    if (typeof s !== 'string' || s.trim() === '') add(p, 'MISSING_TRANSLATION', `Missing ${lang} text.`);
    else if (s.length > max) add(p, 'TOO_LONG', `At most ${max} characters.`);
    else if (lang !== 'zh' && !SCRIPT[lang].test(s)) add(p, 'WRONG_SCRIPT', `The ${lang} text is not written in ${lang === 'bo' ? 'Tibetan' : 'Uyghur Arabic'} script.`);
  }
}

function checkField(f: unknown, path: string, earlier: Map<string, Record<string, unknown>>, anonymousForm: boolean, add: Add): void {
  if (!isObject(f)) {
    add(path, 'NOT_AN_OBJECT', 'A field is an object.');
    return;
  }
  unknownKeys(f, FIELD_KEYS, path, add);
  const code = own(f, 'code');
  const codeOk = typeof code === 'string' && FIELD_CODE_RE.test(code);
  if (!codeOk) add(`${path}.code`, 'BAD_CODE', 'code must match [a-z][a-z0-9_]* (at most 64 characters).');
  else if (earlier.has(code)) add(`${path}.code`, 'DUPLICATE_CODE', `The code "${code}" is used twice.`);

  const type = own(f, 'type');
  const typeOk = typeof type === 'string' && (FIELD_TYPES as readonly string[]).includes(type);
  if (!typeOk) add(`${path}.type`, 'BAD_FIELD_TYPE', `type must be one of ${FIELD_TYPES.join(', ')}.`);
  const t = (typeOk ? type : undefined) as FieldType | undefined;

  localized(own(f, 'label'), `${path}.label`, true, MAX_LABEL, add);
  localized(own(f, 'hint'), `${path}.hint`, false, MAX_HINT, add);
  localized(own(f, 'constraintMessage'), `${path}.constraintMessage`, false, MAX_LABEL, add);
  if (typeof own(f, 'required') !== 'boolean') add(`${path}.required`, own(f, 'required') === undefined ? 'MISSING' : 'WRONG_TYPE', 'required must be true or false.');
  const personal = own(f, 'personal');
  if (typeof personal !== 'boolean') add(`${path}.personal`, personal === undefined ? 'MISSING' : 'WRONG_TYPE', 'personal must be true or false.');
  else if (!personal && t && (ALWAYS_PERSONAL.has(t) || (codeOk && isNameCode(code)))) {
    add(`${path}.personal`, 'MUST_BE_PERSONAL', 'Names, phone numbers and ID numbers are personal data (personal: true).');
  }
  // Anonymous means it can be sent with no personal data: a personal field may be required only
  // behind a `relevant` the resident controls (e.g. "do you want a reply?").
  if (anonymousForm && personal === true && own(f, 'required') === true && own(f, 'relevant') === undefined) {
    add(`${path}.required`, 'ANONYMOUS_REQUIRES_PERSONAL', 'An anonymous form cannot require personal data (unless the field is behind a relevant rule).');
  }

  if (t) checkOptions(f, t, path, add);

  const relevant = own(f, 'relevant');
  if (relevant !== undefined) checkRelevant(relevant, `${path}.relevant`, earlier, add);

  if (codeOk && !earlier.has(code)) earlier.set(code, f);
}

export function isNameCode(code: string): boolean {
  return code === 'name' || code.endsWith('_name');
}

function checkOptions(f: Record<string, unknown>, t: FieldType, path: string, add: Add): void {
  const notFor = (key: string) => add(`${path}.${key}`, 'NOT_FOR_THIS_TYPE', `${key} does not apply to a ${t} field.`);
  const min = own(f, 'min');
  const max = own(f, 'max');
  if (NUMBER_TYPES.has(t)) {
    for (const [k, v] of [['min', min], ['max', max]] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || (t === 'integer' && !Number.isSafeInteger(v)))) add(`${path}.${k}`, 'BAD_BOUND', `${k} must be a${t === 'integer' ? ' whole' : ''} number.`);
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max) add(`${path}.max`, 'MIN_ABOVE_MAX', 'min is above max.');
  } else if (t === 'date') {
    for (const [k, v] of [['min', min], ['max', max]] as const) {
      if (v !== undefined && (typeof v !== 'string' || !DATE_BOUND_RE.test(v) || resolveDateBound(v, '2000-01-01') === undefined)) {
        add(`${path}.${k}`, 'BAD_BOUND', `${k} must be "YYYY-MM-DD", "today", "today+N" or "today-N".`);
      }
    }
    // Comparable only when both are fixed days or both are relative to today.
    if (typeof min === 'string' && typeof max === 'string' && min.startsWith('today') === max.startsWith('today')) {
      const a = resolveDateBound(min, '2000-01-01');
      const b = resolveDateBound(max, '2000-01-01');
      if (a && b && a > b) add(`${path}.max`, 'MIN_ABOVE_MAX', 'min is after max.');
    }
  } else {
    if (min !== undefined) notFor('min');
    if (max !== undefined) notFor('max');
  }

  const minLength = own(f, 'minLength');
  const maxLength = own(f, 'maxLength');
  const pattern = own(f, 'pattern');
  if (TEXT_TYPES.has(t)) {
    for (const [k, v] of [['minLength', minLength], ['maxLength', maxLength]] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > MAX_TEXT_LENGTH)) add(`${path}.${k}`, 'BAD_BOUND', `${k} must be a whole number from 0 to ${MAX_TEXT_LENGTH}.`);
    }
    if (typeof minLength === 'number' && typeof maxLength === 'number' && minLength > maxLength) add(`${path}.maxLength`, 'MIN_ABOVE_MAX', 'minLength is above maxLength.');
    if (pattern !== undefined) {
      if (typeof pattern !== 'string' || pattern.length === 0 || pattern.length > MAX_PATTERN) add(`${path}.pattern`, 'BAD_PATTERN', `pattern must be a regular expression of at most ${MAX_PATTERN} characters.`);
      else {
        const compiled = compilePattern(pattern);
        if (!compiled.ok) add(`${path}.pattern`, 'BAD_PATTERN', `pattern cannot be checked in linear time (RE2 syntax: no backreferences such as \\1, no lookaround such as (?=…) or (?<=…)): ${compiled.reason}`);
      }
    }
  } else {
    if (minLength !== undefined) notFor('minLength');
    if (maxLength !== undefined) notFor('maxLength');
    if (pattern !== undefined) notFor('pattern');
  }

  const choices = own(f, 'choices');
  if (CHOICE_TYPES.has(t)) {
    if (!Array.isArray(choices) || choices.length === 0) {
      add(`${path}.choices`, 'CHOICES_MISSING', `A ${t} field needs a list of choices.`);
    } else if (choices.length > MAX_CHOICES) {
      add(`${path}.choices`, 'TOO_MANY', `At most ${MAX_CHOICES} choices.`);
    } else {
      const seen = new Set<string>();
      choices.forEach((c, j) => {
        const p = `${path}.choices[${j}]`;
        if (!isObject(c)) {
          add(p, 'NOT_AN_OBJECT', 'A choice is an object with code and label.');
          return;
        }
        unknownKeys(c, CHOICE_KEYS, p, add);
        const code = own(c, 'code');
        if (typeof code !== 'string' || !CHOICE_CODE_RE.test(code)) add(`${p}.code`, 'BAD_CODE', 'A choice code matches [a-z0-9_]+.');
        else if (seen.has(code)) add(`${p}.code`, 'DUPLICATE_CODE', `The choice "${code}" is listed twice.`);
        else seen.add(code);
        localized(own(c, 'label'), `${p}.label`, true, MAX_LABEL, add);
      });
    }
  } else if (choices !== undefined) {
    notFor('choices');
  }
}

function checkRelevant(rule: unknown, path: string, earlier: Map<string, Record<string, unknown>>, add: Add): void {
  if (!isObject(rule)) {
    add(path, 'BAD_RELEVANT', 'relevant is an object {field, equals | oneOf | includes | answered}.');
    return;
  }
  const keys = Object.keys(rule);
  const ops = keys.filter((k) => k === 'equals' || k === 'oneOf' || k === 'includes' || k === 'answered');
  if (ops.length !== 1 || keys.length !== 2 || !keys.includes('field')) {
    add(path, 'BAD_RELEVANT', 'relevant names one field and exactly one of equals, oneOf, includes, answered.');
    return;
  }
  const target = own(rule, 'field');
  const op = ops[0]!;
  const value = own(rule, op);
  if (typeof target !== 'string' || !FIELD_CODE_RE.test(target)) {
    add(`${path}.field`, 'BAD_RELEVANT', 'relevant.field is a field code.');
    return;
  }
  const other = earlier.get(target);
  if (!other) {
    add(`${path}.field`, 'RELEVANT_NOT_EARLIER', `relevant refers to "${target}", which is not an earlier field of this form.`);
    return;
  }
  const otherType = own(other, 'type') as FieldType;
  const choiceCodes = new Set(Array.isArray(own(other, 'choices')) ? (own(other, 'choices') as unknown[]).map((c) => (isObject(c) ? own(c, 'code') : undefined)) : []);
  const bad = (why: string) => add(`${path}.${op}`, 'RELEVANT_BAD_VALUE', why);
  const fits = (v: unknown): boolean => {
    if (otherType === 'choice') return typeof v === 'string' && choiceCodes.has(v);
    if (otherType === 'yesno' || otherType === 'consent') return typeof v === 'boolean';
    if (NUMBER_TYPES.has(otherType)) return typeof v === 'number' && Number.isFinite(v);
    if (otherType === 'multichoice') return false;
    return typeof v === 'string' && v !== '';
  };
  switch (op) {
    case 'answered':
      if (value !== true) bad('answered must be true.');
      break;
    case 'equals':
      if (!fits(value)) bad(`equals must be a value a ${otherType} field can hold${otherType === 'choice' ? ' (one of its choice codes)' : ''}.`);
      break;
    case 'oneOf':
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CHOICES || !value.every((v) => typeof v !== 'boolean' && fits(v))) bad(`oneOf must be a non-empty list of values a ${otherType} field can hold.`);
      break;
    case 'includes':
      if (otherType !== 'multichoice') bad('includes applies to a multichoice field.');
      else if (typeof value !== 'string' || !choiceCodes.has(value)) bad('includes must be one of the choice codes of that field.');
      break;
  }
}

/** The missing translations only, as "path" strings: what an import refusal lists. */
export function missingTranslations(problems: DefinitionProblem[]): string[] {
  return problems.filter((p) => p.code === 'MISSING_TRANSLATION' || p.code === 'WRONG_SCRIPT').map((p) => p.path);
}
