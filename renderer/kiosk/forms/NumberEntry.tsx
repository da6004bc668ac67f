// Numbers on a big pad: the resident ID and phone number use the kiosk's numeric pad (with X
// as the ID's last character); whole numbers and decimals get its quantity modes (digits, and a
// point for decimals), so there is one pad and one set of rules (keyboards/numericInput.ts).
import type { TFunction } from 'i18next';
import { NumericPad } from '../keyboards/NumericPad.js';
import type { NumericMode } from '../keyboards/numericInput.js';

export interface NumberEntryProps {
  mode: NumericMode;
  /** The field's cap on digits (a digits-only text field), below the mode's own. */
  maxLength?: number;
  value: string;
  onChange: (v: string) => void;
  /** Kiosk strings (the pad's Backspace) in the resident's language. */
  kt: TFunction;
  label: string;
}

export function NumberEntry({ mode, maxLength, value, onChange, kt, label }: NumberEntryProps) {
  return (
    <div className="form-number-entry">
      <output className="form-answer number" dir="ltr" lang="en" data-testid="form-text-value" aria-label={label}>
        {value || '\u00A0'}
      </output>
      <NumericPad mode={mode} maxLength={maxLength} value={value} onChange={onChange} t={kt} />
    </div>
  );
}
