// Builds the kiosk's pinyin word dictionary: a trimmed, frequency-ordered extract of
// @pinyin-pro/data (complete.json: word → [toned pinyin, frequency]) written to
// dist/renderer/kiosk-pinyin.json, which the kiosk fetches (from /assets/) only when the
// Chinese keyboard opens, so the dictionary never weighs on the page's start.
//
// Output: {"v":1, "source":…, "entries":["北京 beijing", "的 de", …]} in descending
// frequency; the kiosk indexes it by toneless pinyin (ü typed as v, as every pinyin IME does).
// Every character kept is in the shipped Chinese font, so a candidate never shows as tofu.
//
// Usage: node scripts/build-pinyin-dict.mjs [--quiet] [--force] [--out file]
//    or: (await import('./build-pinyin-dict.mjs')).buildPinyinDict({ root, quiet })
// Skips the work (about 2 s) when the output is newer than its inputs, unless forced.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import { pinyin } from 'pinyin-pro';

/** How many multi-character words to keep, by frequency. */
const MAX_WORDS = 60_000;
/** How many single characters to keep, by frequency (GB 2312 level 1+2 is 6 763). */
const MAX_CHARS = 8_000;
/** Words a service hall needs that rank below MAX_WORDS in general text; kept if the source has them. */
const HALL_WORDS = [
  '居住证', '残疾证', '户口本', '低保', '养老金', '社保', '医保', '营业执照', '结婚证', '离婚证',
  '出生证明', '准生证', '房产证', '特困', '帮办', '代办', '电梯', '调解', '身份证号', '联系电话',
  '手机号', '日喀则',
];

/** "lǜ shī" → "lvshi": tone marks dropped, ü written v. */
function toneless(toned) {
  return toned
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * @param {{ root?: string, out?: string, quiet?: boolean, force?: boolean }} [options]
 * @returns {Promise<string>} the output file
 */
export async function buildPinyinDict(options = {}) {
  const root = options.root ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = options.out ?? join(root, 'dist', 'renderer', 'kiosk-pinyin.json');
  const log = options.quiet ? () => {} : (line) => console.log(line);
  const require = createRequire(join(root, 'package.json'));

  const completePath = require.resolve('@pinyin-pro/data/complete.json');
  const fontPath = join(root, 'resources', 'fonts', 'NotoSansSC-Regular.otf');
  const inputs = [fileURLToPath(import.meta.url), completePath, fontPath];
  if (!options.force && existsSync(out) && inputs.every((f) => statSync(f).mtimeMs <= statSync(out).mtimeMs)) {
    log(`pinyin dictionary: ${out} is up to date`);
    return out;
  }

  // The package's exports map hides package.json, so the version is read beside complete.json.
  const pkg = JSON.parse(readFileSync(join(dirname(completePath), '..', 'package.json'), 'utf8'));
  /** @type {Record<string, [string, number]>} */
  const source = JSON.parse(readFileSync(completePath, 'utf8'));
  const font = fontkit.openSync(fontPath);
  const inFont = (word) => [...word].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)));
  const isHan = (word) => [...word].every((ch) => /\p{Script=Han}/u.test(ch));

  const rows = [];
  for (const [word, value] of Object.entries(source)) {
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number') continue;
    const len = [...word].length;
    if (len < 1 || len > 4 || !isHan(word)) continue;
    const key = toneless(value[0]);
    if (!/^[a-z]+$/.test(key)) continue;
    rows.push({ word, key, freq: value[1], len });
  }
  rows.sort((a, b) => b.freq - a.freq || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));

  const hall = new Set(HALL_WORDS);
  const kept = [];
  let words = 0;
  let chars = 0;
  for (const r of rows) {
    const wanted = r.len === 1 ? chars < MAX_CHARS : words < MAX_WORDS || hall.has(r.word);
    if (!wanted || !inFont(r.word)) continue;
    if (r.len === 1) {
      chars++;
      // complete.json gives one reading per character; a resident may type any of them
      // (了 is both le and liao), so single characters get every reading pinyin-pro knows.
      const readings = pinyin(r.word, { multiple: true, toneType: 'none', type: 'array', v: true });
      for (const key of new Set([r.key, ...readings.filter((k) => /^[a-z]+$/.test(k))])) kept.push(`${r.word} ${key}`);
    } else {
      words++;
      kept.push(`${r.word} ${r.key}`);
    }
  }

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ v: 1, source: `@pinyin-pro/data ${pkg.version} complete.json`, entries: kept }));
  log(`pinyin dictionary: ${chars} characters + ${words} words → ${out}`);
  const missing = HALL_WORDS.filter((w) => !kept.some((e) => e.startsWith(`${w} `)));
  if (missing.length) log(`  not in the source: ${missing.join(' ')}`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outArg = process.argv.indexOf('--out');
  await buildPinyinDict({
    quiet: process.argv.includes('--quiet'),
    force: process.argv.includes('--force'),
    ...(outArg > 0 ? { out: process.argv[outArg + 1] } : {}),
  });
}
