// A form definition is data (as in ODK/XLSForm): versioned, every text in the hall's three
// scripts, validated by the same code on the kiosk and on the server (validate.ts).
import type { LocalizedText } from '../model.js';

export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'decimal',
  'date',
  'choice',
  'multichoice',
  'yesno',
  'phone',
  'resident_id',
  'consent',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Choice {
  /** Stored and exported as is: [a-z0-9_]. */
  code: string;
  label: LocalizedText;
}

/**
 * Shown only when an earlier field's answer matches. Answers to a field that is not shown
 * are dropped before storing, never kept (as ODK does).
 */
export type RelevantRule =
  | { field: string; equals: string | number | boolean }
  | { field: string; oneOf: (string | number)[] }
  /** For multichoice: the earlier answer includes this choice. */
  | { field: string; includes: string }
  | { field: string; answered: true };

export interface FormField {
  /** Column name in exports: [a-z][a-z0-9_]*. A person's name is `name` or ends in `_name`. */
  code: string;
  type: FieldType;
  label: LocalizedText;
  hint?: LocalizedText;
  required: boolean;
  relevant?: RelevantRule;
  /** Numbers: inclusive bounds. Dates: "YYYY-MM-DD" bounds, or "today". */
  min?: number | string;
  max?: number | string;
  /** Text: length bounds in characters (code points). */
  minLength?: number;
  maxLength?: number;
  /** Text: an ECMAScript regular expression (unicode flag) the whole answer must match. */
  pattern?: string;
  /** Shown when pattern, min/max or length fails (a standard message otherwise). */
  constraintMessage?: LocalizedText;
  /** Encrypted at rest, shown only to logged-in staff, purged after export. */
  personal: boolean;
  /** choice / multichoice only. */
  choices?: Choice[];
}

export interface FormDefinition {
  /** [a-z][a-z0-9_-]*, stable across versions. */
  id: string;
  /** Bumped on every change; a submission names the version it was filled against. */
  version: number;
  /** The service whose tickets carry this form, or null (e.g. the suggestion box). */
  serviceId: string | null;
  title: LocalizedText;
  description?: LocalizedText;
  /** May be sent from the kiosk without taking a ticket (suggestion box, proxy request). */
  allowWithoutTicket: boolean;
  /** May be sent with no personal data at all (suggestion box). */
  anonymous?: boolean;
  fields: FormField[];
}

/** An answer as the kiosk and the API carry it. Dates are "YYYY-MM-DD"; multichoice is a list of codes. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** One refusal, with its message already in the resident's language. */
export interface FieldError {
  code: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; answers: Answers }
  | { ok: false; fields: Record<string, FieldError> };
