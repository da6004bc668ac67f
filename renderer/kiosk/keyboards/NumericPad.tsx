// Digits (and X for the last character of a resident ID, or the point of a decimal) in the
// familiar phone-pad order.
import type { TFunction } from 'i18next';
import { TapButton } from '../components/TapButton.js';
import { canPress, numericBackspace, pressNumeric, type NumericKey, type NumericMode } from './numericInput.js';

const ROWS: NumericKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

export interface NumericPadProps {
  mode: NumericMode;
  value: string;
  onChange: (value: string) => void;
  t: TFunction;
  /** The field's own cap on digits, below the mode's (a card number's pattern). */
  maxLength?: number;
}

export function NumericPad({ mode, value, onChange, t, maxLength }: NumericPadProps) {
  const key = (k: NumericKey) => (
    <TapButton key={k} className="key digit" disabled={!canPress(mode, value, k, maxLength)} onTap={() => onChange(pressNumeric(mode, value, k, maxLength))} testId={`num-key-${k === '.' ? 'dot' : k}`}>
      {k}
    </TapButton>
  );
  return (
    <div className="keyboard keyboard-numeric" dir="ltr" data-testid="keyboard-numeric">
      {ROWS.map((row, i) => (
        <div className="key-row" key={i}>
          {row.map(key)}
        </div>
      ))}
      <div className="key-row">
        {mode === 'id' ? key('X') : mode === 'decimal' ? key('.') : <span className="key-gap" />}
        {key('0')}
        <TapButton className="key digit" onTap={() => onChange(numericBackspace(value))} testId="num-key-backspace">
          {t('Keyboard.backspace')}
        </TapButton>
      </div>
    </div>
  );
}
