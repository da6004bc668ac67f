// The Uyghur (xkb cn(ug)) keyboard on screen. Keys stay where the physical layout has them
// (dir=ltr), while the text they type runs right to left in the field.
import type { TFunction } from 'i18next';
import { TapButton } from '../components/TapButton.js';
import { UYGHUR_ROWS } from './uyghurLayout.js';
import { pressUyghurKey, toggleUyghurShift, uyghurBackspace, uyghurKeyOutput, uyghurSpace, type UyghurState } from './uyghurInput.js';
import { keyRowClass } from './keyRow.js';

export interface UyghurKeyboardProps {
  state: UyghurState;
  onChange: (s: UyghurState) => void;
  /** Strings in Uyghur. */
  t: TFunction;
}

export function UyghurKeyboard({ state, onChange, t }: UyghurKeyboardProps) {
  return (
    <div className="keyboard keyboard-ug" lang="ug" dir="ltr" data-testid="keyboard-ug">
      {UYGHUR_ROWS.map((row, i) => (
        <div className={keyRowClass(row.length)} key={i}>
          {row.map((key) => {
            const out = uyghurKeyOutput(state, key);
            return (
              <TapButton
                key={key.id}
                className="key"
                disabled={out === null}
                onTap={() => onChange(pressUyghurKey(state, key))}
                testId={`ug-key-${key.id}`}
              >
                {out ?? '\u00A0'}
              </TapButton>
            );
          })}
        </div>
      ))}
      <div className="key-row">
        <TapButton className={`key wide${state.shift ? ' on' : ''}`} ariaPressed={state.shift} onTap={() => onChange(toggleUyghurShift(state))} testId="ug-key-shift">
          {t('Keyboard.shift')}
        </TapButton>
        <TapButton className="key space" onTap={() => onChange(uyghurSpace(state))} testId="ug-key-space">
          {t('Keyboard.space')}
        </TapButton>
        <TapButton className="key wide" onTap={() => onChange(uyghurBackspace(state))} testId="ug-key-backspace">
          {t('Keyboard.backspace')}
        </TapButton>
      </div>
    </div>
  );
}
