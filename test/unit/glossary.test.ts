// The review's rules for the shipped Tibetan and Uyghur texts, checked on every locale file
// of every namespace (other helpers add keys too): one term per concept (a replaced variant
// must not come back), and numbers, times, dates and codes inside bidi isolates so an
// Uyghur line cannot reverse "09:00–17:00".
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { flattenTexts } from '../../electron/core/translationRules.js';

const dir = join(import.meta.dirname, '../../resources/locales');

interface Term {
  term: string;
  replaces: string[];
  /** Phrases in which a variant is another word and may stay (the "code" of a QR code). */
  except?: string[];
}
interface Glossary {
  concepts: Record<string, { zh: string; bo?: Term; ug?: Term }>;
}
const glossary = JSON.parse(readFileSync(join(dir, 'glossary.json'), 'utf8')) as Glossary;

function texts(lang: 'zh' | 'bo' | 'ug'): { where: string; text: string }[] {
  return readdirSync(join(dir, lang))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => [...flattenTexts(JSON.parse(readFileSync(join(dir, lang, f), 'utf8')))].map(([k, text]) => ({ where: `${lang}/${f} ${k}`, text })));
}

const formsDir = join(import.meta.dirname, '../../resources/forms');

/** The texts of one language in the default forms (titles, labels, choices, hints). */
function formTexts(lang: 'bo' | 'ug'): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === lang && typeof x === 'string') out.push({ where, text: x });
        else walk(x, `${where}.${k}`);
      }
    }
  };
  for (const f of readdirSync(formsDir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(join(formsDir, f), 'utf8')), `forms/${f}`);
  return out;
}

/** A Tibetan vowel sign or subjoined letter right after a match makes it a different syllable. */
const TIBETAN_MARK = '[\\u0F71-\\u0F84\\u0F8D-\\u0FBC]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export function variantPattern(lang: 'bo' | 'ug', variant: string): RegExp {
  return new RegExp(escape(variant) + (lang === 'bo' ? `(?!${TIBETAN_MARK})` : ''), 'u');
}

/** The text with the phrases a concept allows taken out, so a variant inside them is not counted. */
export function withoutExceptions(text: string, except: readonly string[] = []): string {
  return except.reduce((t, phrase) => t.split(phrase).join(' '), text);
}

/** What is left of a text once every isolated run (FSI/LRI/RLI … PDI) is taken out. */
export function outsideIsolates(text: string): string {
  return text.replace(/[\u2066-\u2068][^\u2069]*\u2069/gu, '');
}

describe('glossary: one term per concept', () => {
  for (const lang of ['bo', 'ug'] as const) {
    const all = [...texts(lang), ...formTexts(lang)];
    for (const [concept, entry] of Object.entries(glossary.concepts)) {
      const term = entry[lang];
      if (!term) continue;
      it(`${lang} ${concept}: "${term.term}", none of the variants it replaced`, () => {
        for (const variant of term.replaces) {
          const re = variantPattern(lang, variant);
          const hits: string[] = all.filter((t) => re.test(withoutExceptions(t.text, term.except))).map((t) => t.where);
          assert.deepEqual(hits, [], `${lang} variant "${variant}" of ${concept} is back`);
        }
        assert.ok(
          all.some((t) => t.text.includes(term.term)),
          `${lang} term "${term.term}" for ${concept} is used nowhere`,
        );
      });
    }
  }

  it('the demo hall the server seeds (names, notice) uses the glossary terms too', () => {
    const source = readFileSync(join(import.meta.dirname, '../../electron/server/demoHall.ts'), 'utf8');
    for (const lang of ['bo', 'ug'] as const) {
      for (const [concept, entry] of Object.entries(glossary.concepts)) {
        for (const variant of entry[lang]?.replaces ?? []) assert.ok(!variantPattern(lang, variant).test(withoutExceptions(source, entry[lang]?.except)), `demoHall.ts: ${lang} ${concept} variant "${variant}"`);
      }
    }
  });

  it('leaves a variant alone inside a phrase the concept allows', () => {
    const qr = 'ཨང་ཤོག་གི་གྲུ་བཞིའི་ཨང་རྟགས།';
    assert.ok(variantPattern('bo', 'ཨང་རྟགས').test(qr));
    assert.ok(!variantPattern('bo', 'ཨང་རྟགས').test(withoutExceptions(qr, ['གྲུ་བཞིའི་ཨང་རྟགས'])));
    assert.ok(variantPattern('bo', 'ཚིམ').test(withoutExceptions('ཧ་ཅང་ཚིམ། ཡིད་ཚིམ།', ['ཡིད་ཚིམ'])));
  });

  it('matches whole Tibetan letters only', () => {
    assert.ok(variantPattern('bo', 'སྒོ་ཁ').test('སྒོ་ཁའི་ལས་བྱེད་པ'));
    assert.ok(!variantPattern('bo', 'སྒོ་ཁ').test('སྒོ་ཁྱིམ'));
  });
});

describe('bidi isolates in bo and ug texts', () => {
  it('finds a bare number or placeholder outside the isolates', () => {
    assert.equal(outsideIsolates('ئىش ۋاقتى \u2068{{from}}–{{to}}\u2069'), 'ئىش ۋاقتى ');
    assert.match(outsideIsolates('ئىش ۋاقتى {{from}}–{{to}}'), /\{\{/);
  });

  for (const lang of ['bo', 'ug'] as const) {
    it(`${lang}: every number, time, date and {{slot}} sits inside an isolate`, () => {
      const bare = texts(lang)
        .filter((t) => /[0-9\u0F20-\u0F33]|\{\{/u.test(outsideIsolates(t.text)))
        .map((t) => t.where);
      assert.deepEqual(bare, []);
    });
  }
});
