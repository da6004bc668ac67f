// Chinese by pinyin: letters on a QWERTY layout (ü is typed v, as on every pinyin IME), the
// letters typed so far, and word candidates from the frequency dictionary, a page at a time.
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { TapButton } from '../components/TapButton.js';
import { loadPinyinIndex } from './pinyinDictionary.js';
import type { PinyinIndex } from './pinyinIndex.js';
import { chooseCandidate, pinyinBackspace, pinyinDigit, pinyinLetter, type PinyinState } from './pinyinInput.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGITS = '1234567890';
/** Candidates per page: each must stay a big target on a 1080 px wide screen. */
const PAGE_SIZE = 6;

export interface PinyinKeyboardProps {
  state: PinyinState;
  onChange: (s: PinyinState) => void;
  /** Strings in Chinese. */
  t: TFunction;
}

export function PinyinKeyboard({ state, onChange, t }: PinyinKeyboardProps) {
  const [index, setIndex] = useState<PinyinIndex | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(0);

  useEffect(() => {
    let live = true;
    loadPinyinIndex().then(
      (i) => live && setIndex(i),
      (e: unknown) => {
        console.warn('kiosk: pinyin dictionary unavailable', e);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const candidates = useMemo(() => (index && state.composing ? index.lookup(state.composing) : []), [index, state.composing]);
  useEffect(() => setPage(0), [state.composing]);
  const pages = Math.max(1, Math.ceil(candidates.length / PAGE_SIZE));
  const shown = candidates.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);

  return (
    <div className="keyboard keyboard-zh" lang="zh" dir="ltr" data-testid="keyboard-zh">
      {/* The letters being spelled and the words they may mean share one bar above the keys. */}
      <div className="candidate-bar">
      <div className="composing" data-testid="zh-composing" lang="en">
        {state.composing || '\u00A0'}
      </div>
      <div className="candidates" data-testid="zh-candidates">
        {!index && !failed && <span className="notice">{t('Keyboard.loadingDictionary')}</span>}
        {failed && <span className="notice error">{t('Keyboard.dictionaryUnavailable')}</span>}
        {shown.map((c) => (
          <TapButton key={c.word} className="key candidate" onTap={() => onChange(chooseCandidate(state, c))} testId={`zh-candidate-${c.word}`}>
            {c.word}
          </TapButton>
        ))}
        {pages > 1 && (
          <>
            <TapButton className="key page" disabled={page === 0} onTap={() => setPage(page - 1)} testId="zh-page-prev">
              {t('Keyboard.previousPage')}
            </TapButton>
            <TapButton className="key page" disabled={page >= pages - 1} onTap={() => setPage(page + 1)} testId="zh-page-next">
              {t('Keyboard.nextPage')}
            </TapButton>
          </>
        )}
      </div>
      </div>
      {/* Digits for mixed answers (an address's building and room); not while a word is being spelled. */}
      <div className="key-row digits">
        {[...DIGITS].map((d) => (
          <TapButton key={d} className="key" disabled={!!state.composing} onTap={() => onChange(pinyinDigit(state, d))} testId={`zh-key-${d}`}>
            <span lang="en">{d}</span>
          </TapButton>
        ))}
      </div>
      {ROWS.map((row) => (
        <div className="key-row" key={row}>
          {[...row].map((letter) => (
            <TapButton key={letter} className="key" onTap={() => onChange(pinyinLetter(state, letter))} testId={`zh-key-${letter}`}>
              <span lang="en">{letter}</span>
            </TapButton>
          ))}
        </div>
      ))}
      <div className="key-row">
        <TapButton
          className="key space"
          disabled={candidates.length === 0}
          onTap={() => candidates[0] && onChange(chooseCandidate(state, candidates[0]))}
          testId="zh-key-first"
        >
          {t('Keyboard.chooseFirst')}
        </TapButton>
        <TapButton className="key wide" onTap={() => onChange(pinyinBackspace(state))} testId="zh-key-backspace">
          {t('Keyboard.backspace')}
        </TapButton>
      </div>
    </div>
  );
}
