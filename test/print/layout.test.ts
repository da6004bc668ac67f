import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fontkit from 'fontkit';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { LANGUAGES, type Language } from '../../electron/core/model.js';
import { bitmapToPng, getDot, inkRows, type Bitmap } from '../../electron/print/bitmap.js';
import { FONT_FILES, fontsDir } from '../../electron/print/fonts.js';
import { PAPER_WIDTHS, layoutTicket, renderTicket } from '../../electron/print/ticketLayout.js';
import { saveResult, sampleTicket } from './fixtures.js';

function openFont(file: string): fontkit.Font {
  return fontkit.openSync(join(fontsDir(), file)) as fontkit.Font;
}
const fonts = {
  latin: openFont(FONT_FILES.latin[0]),
  sc: openFont(FONT_FILES.sc[0]),
  tibetan: openFont(FONT_FILES.tibetan[0]),
  arabic: openFont(FONT_FILES.arabic[0]),
};

// Controls that shape but never draw: bidi isolates, ZWJ/ZWNJ.
const IGNORABLE = /^(?:\u200C|\u200D|[\u2066-\u2069]|\s)$/u;

/**
 * Characters of a line that would come out as .notdef: not in the script's own face (for
 * characters of that script) or in none of the faces of the line's fallback stack.
 */
function missingGlyphs(text: string, lang: Language | 'latin'): string[] {
  const stack = lang === 'bo' ? [fonts.tibetan, fonts.latin, fonts.sc] : lang === 'ug' ? [fonts.arabic, fonts.latin, fonts.sc] : [fonts.latin, fonts.sc];
  const missing: string[] = [];
  for (const ch of text) {
    if (IGNORABLE.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const own = /\p{Script=Tibetan}/u.test(ch) ? fonts.tibetan : /\p{Script=Arabic}/u.test(ch) ? fonts.arabic : null;
    const ok = own ? own.glyphForCodePoint(cp).id !== 0 : stack.some((f) => f.glyphForCodePoint(cp).id !== 0);
    if (!ok) missing.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return missing;
}

function decodePng(png: Buffer): { width: number; height: number; black: (x: number, y: number) => boolean } {
  const img = PNG.sync.read(png);
  return { width: img.width, height: img.height, black: (x, y) => img.data[(y * img.width + x) * 4]! < 128 };
}

function inkColumns(bm: Bitmap, top: number, bottom: number): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let y = Math.max(0, top); y < Math.min(bm.height, bottom); y++) {
    for (let x = 0; x < bm.width; x++) {
      if (getDot(bm, x, y)) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
  }
  return min === Infinity ? null : { min, max };
}

describe('ticket raster', () => {
  for (const lang of LANGUAGES) {
    for (const width of PAPER_WIDTHS) {
      it(`${lang} at ${width} dots: every line has ink, inside the paper, none overlapping`, () => {
        const { bitmap, lines } = layoutTicket(sampleTicket(lang, { priority: lang === 'bo' }), width);
        saveResult(`ticket-${lang}-${width}.png`, bitmapToPng(bitmap));
        assert.equal(bitmap.width, width);
        assert.equal(bitmap.bytesPerRow, width / 8);
        const scripts = lines.filter((l) => l.lang === lang);
        assert.ok(scripts.length >= 6, `expected the ${lang} lines, got ${scripts.length}`);
        let prevBottom = -1;
        for (const l of lines) {
          assert.ok(l.top >= prevBottom, `line "${l.text}" overlaps the one above`);
          prevBottom = l.bottom;
          assert.ok(inkRows(bitmap, l.top, l.bottom + 1) > 0, `line "${l.text}" is blank`);
          const cols = inkColumns(bitmap, l.top, l.bottom + 1)!;
          assert.ok(cols.min >= 4 && cols.max <= width - 5, `line "${l.text}" runs off the paper (${cols.min}..${cols.max})`);
          assert.deepEqual(missingGlyphs(l.text, l.lang), [], `line "${l.text}" has characters no shipped font draws`);
        }
      });
    }
  }

  it('the .notdef check catches a character the fonts lack', () => {
    assert.deepEqual(missingGlyphs('ཀ\u1780', 'bo'), ['U+1780']); // Khmer KA
    assert.deepEqual(missingGlyphs('ئا\u0F40', 'ug'), []); // Tibetan KA: drawn by the Tibetan face
  });

  it('Tibetan stacks reach below the baseline and are measured, not clipped', () => {
    const { bitmap, lines } = layoutTicket(sampleTicket('bo', { serviceNames: { zh: '户籍', bo: 'སྒྲིག་སྐྱོང་བསྒྲུབས་', ug: 'x' } }), 576);
    const stack = lines.find((l) => l.text.startsWith('སྒྲིག'))!;
    // The subjoined ra and the gigu's depth: the ink goes down to the measured bottom row.
    assert.ok(inkRows(bitmap, stack.bottom - 2, stack.bottom + 1) > 0, 'stack bottom not inked where measured');
    assert.equal(inkRows(bitmap, stack.bottom + 1, stack.bottom + 3), 0, 'ink below the measured bottom');
  });

  it('is deterministic: the same input gives the same dots', () => {
    const a = renderTicket(sampleTicket('ug'), 384);
    const b = renderTicket(sampleTicket('ug'), 384);
    assert.deepEqual(a.data, b.data);
  });

  it('the 1-bit PNG holds exactly the raster dots', () => {
    const bm = renderTicket(sampleTicket('bo'), 384);
    const png = bitmapToPng(bm);
    assert.equal(png[25], 0, 'colour type grayscale');
    assert.equal(png[24], 1, 'bit depth 1');
    const img = decodePng(png);
    assert.equal(img.width, bm.width);
    assert.equal(img.height, bm.height);
    for (let y = 0; y < bm.height; y++) for (let x = 0; x < bm.width; x++) if (img.black(x, y) !== getDot(bm, x, y)) assert.fail(`dot ${x},${y} differs`);
  });

  it('wraps a long Tibetan service name after a tsheg and keeps it on the paper', () => {
    const long = 'སྤྱི་ཚོགས་འགན་ལེན་དང་གསོ་བཅོས་འགན་ལེན་གྱི་ལག་འཁྱེར་གསར་སྒྲུབ་དང་བརྗེ་སྒྱུར་བྱེད་པ།';
    const { lines } = layoutTicket(sampleTicket('bo', { serviceNames: { zh: '社保', bo: long, ug: 'x' } }), 384);
    const parts = lines.filter((l) => l.lang === 'bo' && long.includes(l.text));
    assert.ok(parts.length >= 2, 'long name should wrap');
    for (const p of parts.slice(0, -1)) assert.match(p.text, /[\u0F0B\u0F0D]$/u);
    assert.equal(parts.map((p) => p.text).join(''), long);
  });
});
