// The numeric pad for Chinese resident ID numbers (18 characters, the last may be the check
// character X) and phone numbers (digits only). The pad refuses what cannot be right
// instead of letting a resident type it and be told off later; the full check-digit rule
// belongs to the form validation.

export type NumericMode = 'id' | 'phone';

export const NUMERIC_MAX_LENGTH: Record<NumericMode, number> = {
  id: 18,
  // 11 for a mobile number; a landline with its area code (0891-6xxxxxx) can reach 12.
  phone: 12,
};

export type NumericKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X';

export function canPress(mode: NumericMode, value: string, key: NumericKey): boolean {
  if (value.length >= NUMERIC_MAX_LENGTH[mode]) return false;
  if (key === 'X') return mode === 'id' && value.length === NUMERIC_MAX_LENGTH.id - 1;
  return true;
}

export function pressNumeric(mode: NumericMode, value: string, key: NumericKey): string {
  return canPress(mode, value, key) ? value + key : value;
}

export function numericBackspace(value: string): string {
  return value.slice(0, -1);
}
