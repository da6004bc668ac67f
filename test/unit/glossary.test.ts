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

interface Glossary {
  concepts: Record<string, { zh: string; bo: { term: string; replaces: string[] }; ug: { term: string; replaces: string[] } }>;
}
const glossary = JSON.parse(readFileSync(join(dir, 'glossary.json'), 'utf8')) as Glossary;

function texts(lang: 'zh' | 'bo' | 'ug'): { where: string; text: string }[] {
  return readdirSync(join(dir, lang))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => [...flattenTexts(JSON.parse(readFileSync(join(dir, lang, f), 'utf8')))].map(([k, text]) => ({ where: `${lang}/${f} ${k}`, text })));
}

/** A Tibetan vowel sign or subjoined letter right after a match makes it a different syllable. */
const TIBETAN_MARK = '[\\u0F71-\\u0F84\\u0F8D-\\u0FBC]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export function variantPattern(lang: 'bo' | 'ug', variant: string): RegExp {
  return new RegExp(escape(variant) + (lang === 'bo' ? `(?!${TIBETAN_MARK})` : ''), 'u');
}

/** What is left of a text once every isolated run (FSI/LRI/RLI … PDI) is taken out. */
export function outsideIsolates(text: string): string {
  return text.replace(/[\u2066-\u2068][^\u2069]*\u2069/gu, '');
}

describe('glossary: one term per concept', () => {
  for (const lang of ['bo', 'ug'] as const) {
    const all = texts(lang);
    for (const [concept, entry] of Object.entries(glossary.concepts)) {
      it(`${lang} ${concept}: "${entry[lang].term}", none of the variants it replaced`, () => {
        for (const variant of entry[lang].replaces) {
          const re = variantPattern(lang, variant);
          const hits = all.filter((t) => re.test(t.text)).map((t) => t.where);
          assert.deepEqual(hits, [], `${lang} variant "${variant}" of ${concept} is back`);
        }
        assert.ok(
          all.some((t) => t.text.includes(entry[lang].term)),
          `${lang} term "${entry[lang].term}" for ${concept} is used nowhere`,
        );
      });
    }
  }

  it('the demo hall the server seeds (names, notice) uses the glossary terms too', () => {
    const source = readFileSync(join(import.meta.dirname, '../../electron/server/demoHall.ts'), 'utf8');
    for (const lang of ['bo', 'ug'] as const) {
      for (const [concept, entry] of Object.entries(glossary.concepts)) {
        for (const variant of entry[lang].replaces) assert.ok(!variantPattern(lang, variant).test(source), `demoHall.ts: ${lang} ${concept} variant "${variant}"`);
      }
    }
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
