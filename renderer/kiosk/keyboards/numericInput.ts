// The numeric pad for Chinese resident ID numbers (18 characters, the last may be the check
// character X), phone numbers (digits only), and the whole numbers and decimals of forms.
// The pad refuses what cannot be right instead of letting a resident type it and be told
// off later; the full check-digit rule and number bounds belong to the form validation.

export type NumericMode = 'id' | 'phone' | 'integer' | 'decimal' | 'digits';

/** Most digits a value may hold (a decimal's point does not count). */
export const NUMERIC_MAX_LENGTH: Record<NumericMode, number> = {
  id: 18,
  // 11 for a mobile number; a landline with its area code (0891-6xxxxxx) can reach 12.
  phone: 12,
  // More digits than any hall form asks for (age, household size, floor area).
  integer: 12,
  decimal: 12,
  // A text field whose pattern takes only digits (a bus card number); the field's own cap is passed as `max`.
  digits: 30,
};

export type NumericKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X' | '.';

export function canPress(mode: NumericMode, value: string, key: NumericKey, max = NUMERIC_MAX_LENGTH[mode]): boolean {
  if (value.replace('.', '').length >= Math.min(max, NUMERIC_MAX_LENGTH[mode])) return false;
  if (key === 'X') return mode === 'id' && value.length === NUMERIC_MAX_LENGTH.id - 1;
  if (key === '.') return mode === 'decimal' && !value.includes('.');
  return true;
}

export function pressNumeric(mode: NumericMode, value: string, key: NumericKey, max?: number): string {
  if (!canPress(mode, value, key, max)) return value;
  const quantity = mode === 'integer' || mode === 'decimal';
  // A quantity never starts "0…" (a leading zero is replaced) and a point alone reads "0.".
  if (quantity && key === '.') return (value || '0') + '.';
  if (quantity && value === '0') return key;
  return value + key;
}

export function numericBackspace(value: string): string {
  return value.slice(0, -1);
}
