// Numbers on a big pad: the resident ID and phone number use the kiosk's numeric pad (with X
// as the ID's last character); whole numbers and decimals get digits (and a point).
import type { TFunction } from 'i18next';
import { TapButton } from '../components/TapButton.js';
import { NumericPad } from '../keyboards/NumericPad.js';

const ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];
/** More digits than any hall form asks for (age, household size, floor area). */
const MAX_DIGITS = 12;

export interface NumberEntryProps {
  kind: 'resident_id' | 'phone' | 'integer' | 'decimal';
  value: string;
  onChange: (v: string) => void;
  /** Kiosk strings (the pad's Backspace) in the resident's language. */
  kt: TFunction;
  label: string;
}

export function NumberEntry({ kind, value, onChange, kt, label }: NumberEntryProps) {
  return (
    <div className="form-number-entry">
      <output className="form-answer number" dir="ltr" lang="en" data-testid="form-text-value" aria-label={label}>
        {value || '\u00A0'}
      </output>
      {kind === 'resident_id' || kind === 'phone' ? (
        <NumericPad mode={kind === 'resident_id' ? 'id' : 'phone'} value={value} onChange={onChange} t={kt} />
      ) : (
        <PlainPad decimal={kind === 'decimal'} value={value} onChange={onChange} kt={kt} />
      )}
    </div>
  );
}

function PlainPad({ decimal, value, onChange, kt }: { decimal: boolean; value: string; onChange: (v: string) => void; kt: TFunction }) {
  const full = value.replace('.', '').length >= MAX_DIGITS;
  const key = (k: string) => (
    <TapButton key={k} className="key digit" disabled={full} onTap={() => onChange(value === '0' ? k : value + k)} testId={`num-key-${k}`}>
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
        {decimal ? (
          <TapButton className="key digit" disabled={value.includes('.') || full} onTap={() => onChange((value || '0') + '.')} testId="num-key-dot">
            .
          </TapButton>
        ) : (
          <span className="key-gap" />
        )}
        {key('0')}
        <TapButton className="key digit" onTap={() => onChange(value.slice(0, -1))} testId="num-key-backspace">
          {kt('Keyboard.backspace')}
        </TapButton>
      </div>
    </div>
  );
}
