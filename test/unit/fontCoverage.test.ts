// Every font shipped in resources/fonts has a glyph for every character of its script that
// the locale files (and the kiosk's on-screen keyboards) use, so no screen shows tofu; and the
// kiosk's Chinese subset (renderer/kiosk/fonts) holds every Chinese character of the kiosk's
// own strings, so a kiosk screen never has to fetch the 16 MB face.
// A character belongs to a face by script: Han and CJK punctuation → the Chinese face,
// Tibetan → the Tibetan face, Arabic → the Uyghur face, Latin, ASCII and general
// punctuation → the Latin face (the page's font stack puts it first; see fonts.css).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as fontkit from 'fontkit';
import { TIBETAN_ROWS } from '../../renderer/kiosk/keyboards/tibetanLayout.js';
import { UYGHUR_ROWS } from '../../renderer/kiosk/keyboards/uyghurLayout.js';

const FONTS = join(process.cwd(), 'resources', 'fonts');
const KIOSK_FONTS = join(process.cwd(), 'renderer', 'shared', 'fonts');
const LOCALES = join(process.cwd(), 'resources', 'locales');

type Script = 'han' | 'tibetan' | 'arabic' | 'latin';

const SCRIPT_OF_CHAR: Record<Script, (ch: string) => boolean> = {
  han: (ch) => /\p{scx=Han}/u.test(ch) || /[\u3000-\u303F\uFF00-\uFFEF]/u.test(ch),
  tibetan: (ch) => /\p{scx=Tibetan}/u.test(ch),
  arabic: (ch) => /\p{scx=Arabic}/u.test(ch),
  latin: (ch) => /\p{Script=Latin}/u.test(ch) || /[\u0020-\u007E\u00A0-\u00BF\u2000-\u206F]/u.test(ch),
};

/** Which script a shipped face is for, from its family name. A new face must be added here. */
function scriptOfFont(family: string): Script {
  if (/CJK|SC\b/.test(family)) return 'han';
  if (/Tibetan/.test(family)) return 'tibetan';
  if (/Arabic|Naskh|UKIJ/.test(family)) return 'arabic';
  if (/^Noto Sans$/.test(family)) return 'latin';
  throw new Error(`resources/fonts: no script known for the face "${family}"; add it to scriptOfFont`);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every character used in any locale file, with the files it comes from (for the message). */
function localeCharacters(): Map<string, Set<string>> {
  const chars = new Map<string, Set<string>>();
  // Only the language folders (zh, bo, ug); glossary.json sits beside them.
  for (const lng of readdirSync(LOCALES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(LOCALES, lng)).filter((f) => f.endsWith('.json'))) {
      const text = strings(JSON.parse(readFileSync(join(LOCALES, lng, file), 'utf8'))).join('');
      // {{placeholders}} are filled in at run time, not shown as written.
      for (const ch of text.replace(/\{\{[^}]*\}\}/g, '')) {
        if (!chars.has(ch)) chars.set(ch, new Set());
        chars.get(ch)!.add(`${lng}/${file}`);
      }
    }
  }
  return chars;
}

/** What the on-screen keyboards put on their keys and into fields. */
function keyboardCharacters(): string[] {
  const outs = [...TIBETAN_ROWS.flat().flatMap((k) => k.levels), ...UYGHUR_ROWS.flat().flatMap((k) => k.levels)];
  return outs.filter((o): o is string => typeof o === 'string' && o !== 'LATCH').flatMap((o) => [...o]);
}

const fontFiles = readdirSync(FONTS).filter((f) => /\.(ttf|otf|woff2?)$/i.test(f));

describe('font coverage', () => {
  it('ships a face for each script the pages use, regular and bold', () => {
    const scripts = fontFiles.map((f) => scriptOfFont((fontkit.openSync(join(FONTS, f)) as fontkit.Font).familyName));
    for (const s of ['han', 'tibetan', 'arabic', 'latin'] as const) {
      assert.ok(scripts.filter((x) => x === s).length >= 2, `${s}: ${scripts.filter((x) => x === s).length} faces`);
    }
  });

  const locale = localeCharacters();
  const used = [...new Set([...locale.keys(), ...keyboardCharacters()])].filter((ch) => ch !== '\n');

  it('finds text of every script in the locale files (the check is not vacuous)', () => {
    for (const s of ['han', 'tibetan', 'arabic', 'latin'] as const) {
      assert.ok(used.filter(SCRIPT_OF_CHAR[s]).length > 5, `few ${s} characters`);
    }
  });

  for (const file of fontFiles) {
    it(`${file} covers every character of its script in the locale files and keyboards`, () => {
      const font = fontkit.openSync(join(FONTS, file)) as fontkit.Font;
      const script = scriptOfFont(font.familyName);
      const mine = used.filter(SCRIPT_OF_CHAR[script]);
      const missing = mine.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      assert.deepEqual(
        missing.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${ch} (${[...(locale.get(ch) ?? ['keyboard'])].join(', ')})`),
        [],
        `${file} (${font.familyName}) lacks glyphs`,
      );
    });
  }

  const kioskSubsets = readdirSync(KIOSK_FONTS).filter((f) => f.endsWith('.woff2'));
  it('has the kiosk Chinese subset in regular and bold', () => {
    assert.deepEqual(kioskSubsets.sort(), ['NotoSansSC-Common-Bold.woff2', 'NotoSansSC-Common-Regular.woff2']);
  });
  for (const file of kioskSubsets) {
    it(`${file} covers every Chinese character of the kiosk's strings (else: renderer/shared/fonts/make-subset.py)`, () => {
      const font = fontkit.openSync(join(KIOSK_FONTS, file)) as fontkit.Font;
      const kioskText = ['zh', 'bo', 'ug'].flatMap((l) => strings(JSON.parse(readFileSync(join(LOCALES, l, 'kiosk.json'), 'utf8')))).join('');
      const han = [...new Set(kioskText)].filter(SCRIPT_OF_CHAR.han);
      assert.ok(han.length > 50);
      assert.deepEqual(han.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!)), []);
      // And the common characters a resident's name or a service name is likely to use.
      for (const ch of '的一是社保医户籍居住证民政救助老年服务综合咨询帮办代张王李赵刘陈') assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch);
    });
  }

  it('leaves no character used in the locale files without a face', () => {
    const orphans = [...locale.keys()].filter((ch) => ch !== '\n' && !Object.values(SCRIPT_OF_CHAR).some((f) => f(ch)));
    assert.deepEqual(orphans.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()} (${[...locale.get(ch)!].join(', ')})`), []);
  });
});
