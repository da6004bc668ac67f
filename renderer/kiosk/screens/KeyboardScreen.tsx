// The keyboard try-out page (/kiosk?view=keyboards): every on-screen keyboard the forms will
// use, with the text it produces, so staff can check them on the real screen and the e2e
// tests can type with them. The page follows the keyboard's language (lang, dir, strings).
import { useEffect, useRef, useState } from 'react';
import { useFitScreen } from '../layout/useFitScreen.js';
import { applyDocumentLanguage, textDirection, type PageLanguage } from '../../shared/i18n.js';
import { TapButton } from '../components/TapButton.js';
import { NumericPad } from '../keyboards/NumericPad.js';
import { PinyinKeyboard } from '../keyboards/PinyinKeyboard.js';
import { TibetanKeyboard } from '../keyboards/TibetanKeyboard.js';
import { UyghurKeyboard } from '../keyboards/UyghurKeyboard.js';
import { EMPTY_PINYIN, pinyinText } from '../keyboards/pinyinInput.js';
import { EMPTY_TIBETAN, tibetanText } from '../keyboards/tibetanInput.js';
import { EMPTY_UYGHUR, uyghurText } from '../keyboards/uyghurInput.js';
import { useAllKioskT } from '../useKioskT.js';

type Pad = PageLanguage | 'id' | 'phone';
const PADS: Pad[] = ['zh', 'bo', 'ug', 'id', 'phone'];

export function KeyboardScreen() {
  const t = useAllKioskT();
  const [pad, setPad] = useState<Pad>('zh');
  const [zh, setZh] = useState(EMPTY_PINYIN);
  const [bo, setBo] = useState(EMPTY_TIBETAN);
  const [ug, setUg] = useState(EMPTY_UYGHUR);
  const [id, setId] = useState('');
  const [phone, setPhone] = useState('');
  const lang: PageLanguage = pad === 'bo' || pad === 'ug' ? pad : 'zh';
  useEffect(() => applyDocumentLanguage(lang), [lang]);
  const ref = useRef<HTMLElement>(null);
  useFitScreen(ref);

  const text = { zh: pinyinText(zh), bo: tibetanText(bo), ug: uyghurText(ug), id, phone }[pad];
  const tabLabel = (p: Pad) => (p === 'id' || p === 'phone' ? t[lang](p === 'id' ? 'Keyboard.idNumber' : 'Keyboard.phone') : t[p]('Language.name'));

  return (
    <main ref={ref} className="screen screen-keyboards" data-screen="keyboards" lang={lang}>
      <h1 className="screen-title">{t[lang]('Keyboard.title')}</h1>
      <div className="keyboard-tabs">
        {PADS.map((p) => (
          <TapButton key={p} className={`tap tab${p === pad ? ' on' : ''}`} ariaPressed={p === pad} onTap={() => setPad(p)} testId={`pad-${p}`}>
            <span lang={p === 'bo' || p === 'ug' ? p : lang} dir={p === 'ug' ? 'rtl' : undefined}>
              {tabLabel(p)}
            </span>
          </TapButton>
        ))}
      </div>
      <output className="keyboard-output" dir={pad === 'id' || pad === 'phone' ? 'ltr' : textDirection(lang)} data-testid="keyboard-output">
        {text || '\u00A0'}
      </output>
      <TapButton className="tap nav clear" onTap={() => clear(pad)} testId="keyboard-clear">
        {t[lang]('Keyboard.clear')}
      </TapButton>
      {pad === 'zh' && <PinyinKeyboard state={zh} onChange={setZh} t={t.zh} />}
      {pad === 'bo' && <TibetanKeyboard state={bo} onChange={setBo} t={t.bo} />}
      {pad === 'ug' && <UyghurKeyboard state={ug} onChange={setUg} t={t.ug} />}
      {pad === 'id' && <NumericPad mode="id" value={id} onChange={setId} t={t.zh} />}
      {pad === 'phone' && <NumericPad mode="phone" value={phone} onChange={setPhone} t={t.zh} />}
    </main>
  );

  function clear(p: Pad) {
    if (p === 'zh') setZh(EMPTY_PINYIN);
    else if (p === 'bo') setBo(EMPTY_TIBETAN);
    else if (p === 'ug') setUg(EMPTY_UYGHUR);
    else if (p === 'id') setId('');
    else setPhone('');
  }
}
