// The GB/T 22034 Tibetan keyboard on screen: the layout's four levels (Shift and AltGr as
// one-shot toggles), the subjoin key, and a large preview of the syllable being built so a
// resident sees the stack form as they type.
import type { TFunction } from 'i18next';
import { TapButton } from '../components/TapButton.js';
import { LATCH, TIBETAN_ROWS } from './tibetanLayout.js';
import {
  currentSyllable,
  pressTibetanKey,
  tibetanBackspace,
  tibetanLevel,
  tibetanSpace,
  tibetanText,
  toggleLevel,
  toggleTibetanAlt,
  toggleTibetanShift,
  type TibetanState,
} from './tibetanInput.js';
import { keyLabel } from './keyLabel.js';
import { keyRowClass } from './keyRow.js';

export interface TibetanKeyboardProps {
  state: TibetanState;
  onChange: (s: TibetanState) => void;
  /** Strings in Tibetan (the key names and hints). */
  t: TFunction;
}

export function TibetanKeyboard({ state, onChange, t }: TibetanKeyboardProps) {
  const level = tibetanLevel(state);
  const syllable = currentSyllable(tibetanText(state));
  return (
    <div className="keyboard keyboard-bo" lang="bo" dir="ltr" data-testid="keyboard-bo">
      <div className="syllable-preview" aria-live="polite">
        <span className="syllable-label">{t('Keyboard.syllable')}</span>
        <span className="syllable" data-testid="bo-syllable">
          {syllable || '\u00A0'}
        </span>
        {state.subjoin && (
          <span className="subjoin-hint" data-testid="bo-subjoin-armed">
            {t('Keyboard.subjoinArmed')}
          </span>
        )}
        {state.refused && (
          <span className="subjoin-hint" role="alert" data-testid="bo-refused">
            {t('Keyboard.vowelBeforeStack')}
          </span>
        )}
      </div>
      {TIBETAN_ROWS.map((row, i) => (
        <div className={keyRowClass(row.length)} key={i}>
          {row.map((key) => {
            const out = key.levels[level];
            if (key.levels[toggleLevel(state)] === LATCH) {
              return (
                <TapButton
                  key={key.id}
                  className={`key latch${state.subjoin ? ' on' : ''}`}
                  ariaPressed={state.subjoin}
                  onTap={() => onChange(pressTibetanKey(state, key))}
                  testId="bo-key-subjoin"
                >
                  {t('Keyboard.subjoin')}
                </TapButton>
              );
            }
            return (
              <TapButton key={key.id} className="key" onTap={() => onChange(pressTibetanKey(state, key))} testId={`bo-key-${key.id}`}>
                {out === LATCH ? '' : keyLabel(out)}
              </TapButton>
            );
          })}
        </div>
      ))}
      <div className="key-row">
        <TapButton className={`key wide${state.shift ? ' on' : ''}`} ariaPressed={state.shift} onTap={() => onChange(toggleTibetanShift(state))} testId="bo-key-shift">
          {t('Keyboard.shift')}
        </TapButton>
        <TapButton className={`key wide${state.alt ? ' on' : ''}`} ariaPressed={state.alt} onTap={() => onChange(toggleTibetanAlt(state))} testId="bo-key-alt">
          {t('Keyboard.alt')}
        </TapButton>
        <TapButton className="key space" onTap={() => onChange(tibetanSpace(state))} testId="bo-key-space">
          {t('Keyboard.space')}
        </TapButton>
        <TapButton className="key wide" onTap={() => onChange(tibetanBackspace(state))} testId="bo-key-backspace">
          {t('Keyboard.backspace')}
        </TapButton>
      </div>
    </div>
  );
}
