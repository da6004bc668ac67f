// A text answer typed on the on-screen keyboard of the resident's language, with a switch to
// Chinese pinyin (a Tibetan or Uyghur resident may need to write a Chinese name or address)
// and back. Switching keeps the text: the next keyboard continues after it, and its Backspace
// can take back what the previous keyboard typed.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import { TapButton } from '../components/TapButton.js';
import { PinyinKeyboard } from '../keyboards/PinyinKeyboard.js';
import { TibetanKeyboard } from '../keyboards/TibetanKeyboard.js';
import { UyghurKeyboard } from '../keyboards/UyghurKeyboard.js';
import { useAllKioskT } from '../useKioskT.js';
import { padText, padWith, type Pad } from './textPad.js';

export interface TextEntryProps {
  lang: PageLanguage;
  value: string;
  onChange: (text: string) => void;
  /** Strings of the forms namespace in the resident's language. */
  t: TFunction;
  label: string;
  /** The field's longest answer (textMaxLength): every keyboard stops there. */
  maxLength: number;
}

export function TextEntry({ lang, value, onChange, t, label, maxLength }: TextEntryProps) {
  const kt = useAllKioskT();
  const [pad, setPad] = useState<Pad>(() => padWith(lang, value, maxLength));
  const set = (p: Pad) => {
    setPad(p);
    onChange(padText(p));
  };
  const composing = pad.kind === 'zh' ? pad.state.composing : '';
  const choices: PageLanguage[] = lang === 'zh' ? [] : [lang, 'zh'];
  return (
    <div className="form-text-entry">
      <output className="form-answer" dir="auto" data-testid="form-text-value" aria-label={label}>
        {value || '\u00A0'}
        {composing && (
          <span className="form-composing" lang="en" dir="ltr">
            {composing}
          </span>
        )}
      </output>
      {choices.length > 0 && (
        <div className="form-keyboard-switch">
          {choices.map((k) => (
            <TapButton
              key={k}
              className={`tap tab${pad.kind === k ? ' on' : ''}`}
              ariaPressed={pad.kind === k}
              onTap={() => pad.kind !== k && setPad(padWith(k, padText(pad), maxLength))}
              testId={`form-keyboard-${k}`}
            >
              {k === 'zh' ? t('Kiosk.keyboardChinese') : t('Kiosk.keyboardNative')}
            </TapButton>
          ))}
        </div>
      )}
      {pad.kind === 'zh' && <PinyinKeyboard state={pad.state} onChange={(s) => set({ kind: 'zh', state: s })} t={kt.zh} />}
      {pad.kind === 'bo' && <TibetanKeyboard state={pad.state} onChange={(s) => set({ kind: 'bo', state: s })} t={kt.bo} />}
      {pad.kind === 'ug' && <UyghurKeyboard state={pad.state} onChange={(s) => set({ kind: 'ug', state: s })} t={kt.ug} />}
    </div>
  );
}
