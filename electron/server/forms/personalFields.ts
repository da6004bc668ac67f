// Which answers are personal data. The definition's `personal` flag decides; on top of it a
// resident ID, a phone number and a name (code `name` or `*_name`) are always treated as
// personal, so a definition that forgot the flag still never stores them in clear.
import type { Answers, FormDefinition, FormField } from '../../core/forms/definition.js';

export function isPersonalField(f: FormField): boolean {
  return f.personal || f.type === 'resident_id' || f.type === 'phone' || f.code === 'name' || f.code.endsWith('_name');
}

/** Splits validated answers into the part stored in clear and the part that is sealed. */
export function splitAnswers(def: FormDefinition, answers: Answers): { plain: Answers; personal: Answers } {
  const personalCodes = new Set(def.fields.filter(isPersonalField).map((f) => f.code));
  const plain: Answers = {};
  const personal: Answers = {};
  for (const [code, value] of Object.entries(answers)) {
    const target = personalCodes.has(code) ? personal : plain;
    Object.defineProperty(target, code, { value, enumerable: true, writable: true, configurable: true });
  }
  return { plain, personal };
}
