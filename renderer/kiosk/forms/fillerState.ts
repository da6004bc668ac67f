// The resident's way through one form, as a pure state machine: one shown question at a
// time (a field whose `relevant` rule is false is never asked), back and skip, then a
// review screen from which any answer can be changed. Answers to questions that stop being
// shown stay in the draft (the resident may change their mind back) but are dropped by the
// validator before anything is sent.
import type { Answers, AnswerValue, FieldError, FormDefinition, FormField } from '../../../electron/core/forms/definition.js';
import { visibleFields } from '../../../electron/core/forms/validate.js';

export interface FillerState {
  answers: Answers;
  /** The code of the question on screen, or null for the review screen. */
  at: string | null;
  /** Came from the review to change one answer: going on returns to the review. */
  fromReview: boolean;
  /** Refusals shown next to their fields, in the resident's language. */
  errors: Record<string, FieldError>;
}

export function startFilling(def: FormDefinition, draft: Answers = {}, errors: Record<string, FieldError> = {}): FillerState {
  // A draft filled against an older version keeps only the answers this version still asks.
  const known = new Set(def.fields.map((f) => f.code));
  const answers: Answers = Object.fromEntries(Object.entries(draft).filter(([code]) => known.has(code)));
  const shown = visibleFields(def, answers);
  const firstError = shown.find((f) => errors[f.code]);
  if (firstError) return { answers, at: firstError.code, fromReview: true, errors };
  const hasDraft = Object.keys(answers).length > 0;
  return { answers, at: hasDraft || shown.length === 0 ? null : shown[0]!.code, fromReview: hasDraft, errors };
}

export function shownFields(def: FormDefinition, s: FillerState): FormField[] {
  return visibleFields(def, s.answers);
}

export function currentField(def: FormDefinition, s: FillerState): FormField | null {
  return s.at === null ? null : (def.fields.find((f) => f.code === s.at) ?? null);
}

/** "3 / 7": the question's place among those shown now. */
export function progress(def: FormDefinition, s: FillerState): { position: number; total: number } {
  const shown = shownFields(def, s);
  const i = shown.findIndex((f) => f.code === s.at);
  return { position: i < 0 ? shown.length : i + 1, total: shown.length };
}

/** undefined clears the answer (an emptied text, an unticked consent). */
export function answer(s: FillerState, code: string, value: AnswerValue | undefined): FillerState {
  const answers = { ...s.answers };
  if (value === undefined) delete answers[code];
  else answers[code] = value;
  const errors = { ...s.errors };
  delete errors[code];
  return { ...s, answers, errors };
}

/** The current answer was refused: stay, with the message next to the field. */
export function refuse(s: FillerState, code: string, error: FieldError): FillerState {
  return { ...s, errors: { ...s.errors, [code]: error } };
}

/**
 * On to the next shown question (the current answer has passed validateField). Coming from
 * the review, only a question that this change made necessary (shown, required, unanswered)
 * is asked before returning to the review.
 */
export function next(def: FormDefinition, s: FillerState): FillerState {
  const shown = shownFields(def, s);
  const i = shown.findIndex((f) => f.code === s.at);
  const after = shown.slice(i + 1);
  const target = s.fromReview ? after.find((f) => f.required && s.answers[f.code] === undefined) : after[0];
  return { ...s, at: target?.code ?? null, fromReview: target ? s.fromReview : false };
}

/** Skip an optional question: its answer is cleared, then on as with next. */
export function skip(def: FormDefinition, s: FillerState): FillerState {
  const field = currentField(def, s);
  if (!field || field.required) return s;
  return next(def, answer(s, field.code, undefined));
}

/** Back one question; from the first one, null (the caller leaves the form). */
export function back(def: FormDefinition, s: FillerState): FillerState | null {
  const shown = shownFields(def, s);
  if (s.at === null) return shown.length ? { ...s, at: shown[shown.length - 1]!.code } : null;
  if (s.fromReview) return { ...s, at: null, fromReview: false };
  const i = shown.findIndex((f) => f.code === s.at);
  return i <= 0 ? null : { ...s, at: shown[i - 1]!.code };
}

/** From the review: change one answer. */
export function edit(s: FillerState, code: string): FillerState {
  return { ...s, at: code, fromReview: true };
}

/** Refusals of the whole form (the final check or the server's 422): to the first refused question. */
export function refuseAll(def: FormDefinition, s: FillerState, errors: Record<string, FieldError>): FillerState {
  const first = shownFields(def, s).find((f) => errors[f.code]);
  return { ...s, errors, at: first?.code ?? null, fromReview: true };
}
