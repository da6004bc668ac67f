import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPinyinIndex, type PinyinDictionary, type PinyinIndex } from '../../renderer/kiosk/keyboards/pinyinIndex.js';
import { EMPTY_PINYIN, chooseCandidate, pinyinBackspace, pinyinLetter, pinyinText, type PinyinState } from '../../renderer/kiosk/keyboards/pinyinInput.js';

const typeLetters = (s: PinyinState, letters: string) => [...letters].reduce(pinyinLetter, s);

describe('pinyin index (small dictionary)', () => {
  const index = createPinyinIndex({
    v: 1,
    source: 'test',
    entries: ['的 de', '北 bei', '被 bei', '北京 beijing', '背景 beijing', '京 jing', '北京市 beijingshi', '绿 lv', '爱 ai'],
  });

  it('offers exact spellings first, in frequency order', () => {
    assert.deepEqual(index.lookup('beijing').slice(0, 2), [
      { word: '北京', consumed: 7 },
      { word: '背景', consumed: 7 },
    ]);
  });

  it('offers longer words for a partial spelling', () => {
    const words = index.lookup('beij').map((c) => c.word);
    assert.deepEqual(words.slice(0, 3), ['北京', '背景', '北京市']);
  });

  it('offers words for a leading part of the spelling, using up only those letters', () => {
    const c = index.lookup('beijingai');
    assert.deepEqual(c[0], { word: '北京', consumed: 7 });
    assert.ok(c.some((x) => x.word === '北' && x.consumed === 3));
  });

  it('answers nothing for what is not pinyin', () => {
    assert.deepEqual(index.lookup(''), []);
    assert.deepEqual(index.lookup('北京'), []);
    assert.deepEqual(index.lookup('xq'), []);
  });

  it('composes, chooses piece by piece, and backspaces letters before characters', () => {
    let s = typeLetters(EMPTY_PINYIN, 'beijingai');
    s = chooseCandidate(s, index.lookup(s.composing)[0]!);
    assert.deepEqual(s, { committed: '北京', composing: 'ai' });
    s = chooseCandidate(s, index.lookup(s.composing)[0]!);
    assert.equal(pinyinText(s), '北京爱');
    s = pinyinBackspace(typeLetters(s, 'd'));
    assert.deepEqual(s, { committed: '北京爱', composing: '' });
    assert.equal(pinyinText(pinyinBackspace(s)), '北京');
    assert.deepEqual(pinyinLetter(EMPTY_PINYIN, 'A'), EMPTY_PINYIN);
  });
});

describe('pinyin index (the dictionary the kiosk ships)', () => {
  let dir: string;
  let index: PinyinIndex;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-pinyin-'));
    const out = join(dir, 'dict.json');
    execFileSync(process.execPath, ['scripts/build-pinyin-dict.mjs', '--quiet', '--out', out]);
    index = createPinyinIndex(JSON.parse(readFileSync(out, 'utf8')) as PinyinDictionary);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a real, frequency-ordered dictionary of tens of thousands of words', () => {
    assert.ok(index.size > 50_000, `only ${index.size} entries`);
    // 的 is far more frequent than 得 or 地, so it leads "de".
    assert.equal(index.lookup('de')[0]?.word, '的');
  });

  it('offers 北京 for beijing and 身份证 for shenfenzheng as the first candidate', () => {
    assert.equal(index.lookup('beijing')[0]?.word, '北京');
    assert.equal(index.lookup('shenfenzheng')[0]?.word, '身份证');
  });

  it('offers hall words and every reading of a single character', () => {
    assert.ok(index.lookup('juzhuzheng').some((c) => c.word === '居住证'));
    assert.ok(index.lookup('liao').some((c) => c.word === '了'));
    assert.ok(index.lookup('lv').some((c) => c.word === '绿'));
  });
});
