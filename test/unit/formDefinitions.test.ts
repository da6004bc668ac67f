// The default forms (resources/forms/*.json) against the JSON Schema (ajv) and the server's
// checkDefinition, a filled-in sample of each through the validator, and what checkDefinition
// refuses (missing translations listed, bad relevant, options on the wrong type…).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import type { FormDefinition, FormField } from '../../electron/core/forms/definition.js';
import { formMessagesFrom, resolveDateBound, validateAnswers, visibleFields } from '../../electron/core/forms/validate.js';
import { checkDefinition, missingTranslations } from '../../electron/server/forms/checkDefinition.js';

const dir = join(import.meta.dirname, '../../resources/forms');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const index = read('index.json') as string[];
const schema = read('form-definition.schema.json') as object;
const ajv = new Ajv({ allErrors: true });
const schemaValid = ajv.compile(schema);
const locale = (l: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/locales', l, 'forms.json'), 'utf8')) as { Errors: Record<string, string> }).Errors;
const messages = formMessagesFrom({ zh: locale('zh'), bo: locale('bo'), ug: locale('ug') });
const TODAY = '2026-12-01';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A plausible answer for a field, within its bounds. */
function sample(f: FormField): unknown {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return f.pattern ? '12345678' : '测试内容'.repeat(Math.max(1, Math.ceil((f.minLength ?? 1) / 4)));
    case 'integer':
    case 'decimal':
      return typeof f.min === 'number' ? Math.max(f.min, 2) : 2;
    case 'date':
      return (typeof f.max === 'string' && resolveDateBound(f.max, TODAY)) || (typeof f.min === 'string' && resolveDateBound(f.min, TODAY)) || TODAY;
    case 'choice':
      return f.choices![0]!.code;
    case 'multichoice':
      return f.choices!.map((c) => c.code);
    case 'yesno':
      return true;
    case 'phone':
      return '13800138000';
    case 'resident_id':
      return '11010519491231002X';
    case 'consent':
      return true;
  }
}

describe('default forms', () => {
  it('index.json lists every form file, each once', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'form-definition.schema.json').map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual([...index].sort(), files.sort());
    assert.equal(new Set(index).size, index.length);
    assert.equal(index.length, 8);
  });

  for (const id of index) {
    describe(id, () => {
      const def = read(`${id}.json`) as FormDefinition;

      it('validates against the JSON Schema', () => {
        assert.ok(schemaValid(def), JSON.stringify(schemaValid.errors, null, 1));
        assert.equal(def.id, id);
      });

      it('passes checkDefinition (complete in zh, bo, ug)', () => {
        const r = checkDefinition(def);
        assert.ok(r.ok, JSON.stringify(!r.ok && r.problems, null, 1));
        assert.deepEqual(r.def, def);
      });

      it('marks personal data and asks for consent when it collects any', () => {
        for (const f of def.fields) {
          if (['resident_id', 'phone'].includes(f.type) || f.code === 'name' || f.code.endsWith('_name')) assert.equal(f.personal, true, f.code);
        }
        if (def.fields.some((f) => f.personal)) assert.ok(def.fields.some((f) => f.type === 'consent' && f.required), 'consent field');
      });

      it('a filled-in sample passes, hidden answers are dropped', () => {
        const answers = Object.fromEntries(def.fields.map((f) => [f.code, sample(f)]));
        const r = validateAnswers(def, answers, { lang: 'ug', today: TODAY, messages });
        assert.ok(r.ok, JSON.stringify(!r.ok && r.fields));
        assert.deepEqual(Object.keys(r.answers), visibleFields(def, answers).map((f) => f.code));
      });
    });
  }

  it('the suggestion box can be sent with no personal data and no ticket', () => {
    const def = read('suggestion_box.json') as FormDefinition;
    assert.equal(def.serviceId, null);
    assert.equal(def.anonymous, true);
    assert.equal(def.allowWithoutTicket, true);
    const r = validateAnswers(def, { topic: 'safety', content: '路灯坏了很久了', wants_reply: false }, { lang: 'zh', today: TODAY, messages });
    assert.ok(r.ok);
    assert.ok(def.fields.filter((f) => f.personal).every((f) => !(f.code in r.answers)));
  });
});

describe('checkDefinition refuses', () => {
  const base = read('home_adaptation.json') as FormDefinition;
  const problemsOf = (def: unknown) => {
    const r = checkDefinition(def);
    assert.ok(!r.ok, 'expected a refusal');
    return r.problems;
  };
  const codesOf = (def: unknown) => problemsOf(def).map((p) => `${p.path} ${p.code}`);

  it('a missing translation, listing every missing text', () => {
    const def = clone(base);
    def.fields[0]!.label.bo = '';
    delete (def.fields[4]!.choices![1]!.label as Partial<Record<string, string>>).ug;
    def.title.ug = '   ';
    def.fields[1]!.hint!.bo = def.fields[1]!.hint!.zh;
    const missing = missingTranslations(problemsOf(def));
    assert.deepEqual(missing.sort(), ['fields[0].label.bo', 'fields[1].hint.bo', 'fields[4].choices[1].label.ug', 'title.ug'].sort());
    assert.ok(!schemaValid(def), 'the schema refuses it too');
  });

  it('duplicate codes, bad codes and an unknown type', () => {
    const def = clone(base);
    def.fields[2]!.code = 'name';
    (def.fields[3] as { code: string }).code = 'Address!';
    (def.fields[5] as { type: string }).type = 'select_one';
    assert.deepEqual(codesOf(def), ['fields[2].code DUPLICATE_CODE', 'fields[3].code BAD_CODE', 'fields[5].type BAD_FIELD_TYPE']);
  });

  it('relevant to a later or unknown field, or with a value the field cannot hold', () => {
    const later = clone(base);
    later.fields[1]!.relevant = { field: 'needs', includes: 'bathroom' };
    assert.deepEqual(codesOf(later), ['fields[1].relevant.field RELEVANT_NOT_EARLIER']);
    const unknown = clone(base);
    unknown.fields[1]!.relevant = { field: 'nope', answered: true };
    assert.deepEqual(codesOf(unknown), ['fields[1].relevant.field RELEVANT_NOT_EARLIER']);
    const value = clone(base);
    const i = value.fields.findIndex((f) => f.code === 'owner_agrees');
    value.fields[i]!.relevant = { field: 'housing', oneOf: ['owned', 'castle'] };
    assert.deepEqual(codesOf(value), [`fields[${i}].relevant.oneOf RELEVANT_BAD_VALUE`]);
    const twoOps = clone(base);
    (twoOps.fields[i] as { relevant: unknown }).relevant = { field: 'housing', equals: 'owned', answered: true };
    assert.deepEqual(codesOf(twoOps), [`fields[${i}].relevant BAD_RELEVANT`]);
  });

  it('options on the wrong type, missing choices, bad bounds and patterns', () => {
    const def = clone(base);
    def.fields[0]!.choices = [{ code: 'a', label: base.title }];
    def.fields[0]!.min = 3;
    delete def.fields[4]!.choices;
    const floor = def.fields.findIndex((f) => f.code === 'floor');
    def.fields[floor]!.min = 50;
    def.fields[floor]!.pattern = '[0-9]+';
    def.fields[3]!.pattern = '([';
    const estate = clone(base);
    // RE2 (linear time) cannot hold backreferences or lookaround: refused, named.
    for (const bad of ['(a)\\1', '(?=a)a', '(?!a)b', '(?<=a)b', '(?<!a)b', 'x{2000}']) {
      estate.fields[3]!.pattern = bad;
      assert.deepEqual(codesOf(estate), ['fields[3].pattern BAD_PATTERN'], bad);
    }
    // Nested repetition is no danger to a linear-time engine: accepted (formValidate.test.ts runs it).
    estate.fields[3]!.pattern = '([a-z]+)+x';
    assert.ok(checkDefinition(estate).ok, 'nested quantifiers are fine under RE2');
    estate.fields[3]!.pattern = 'x'.repeat(501);
    assert.deepEqual(codesOf(estate), ['fields[3].pattern BAD_PATTERN'], 'the length limit stays');
    estate.fields[3]!.pattern = '(\\d{3}-)?\\d{4}';
    assert.ok(checkDefinition(estate).ok, 'an optional group is fine');
    estate.fields[3]!.pattern = '(?:\\p{Script=Han}|·)+';
    assert.ok(checkDefinition(estate).ok, 'JavaScript property spellings are taken');
    const visit = def.fields.findIndex((f) => f.code === 'visit_date');
    def.fields[visit]!.max = 'tomorrow';
    assert.deepEqual(codesOf(def).sort(), [
      'fields[0].choices NOT_FOR_THIS_TYPE',
      'fields[0].min NOT_FOR_THIS_TYPE',
      'fields[3].pattern BAD_PATTERN',
      'fields[4].choices CHOICES_MISSING',
      `fields[${floor}].max MIN_ABOVE_MAX`,
      `fields[${floor}].pattern NOT_FOR_THIS_TYPE`,
      `fields[${visit}].max BAD_BOUND`,
    ].sort());
    assert.ok(!schemaValid(def), 'the schema refuses options on the wrong type too');
  });

  it('personal data not marked personal, and a required one on an anonymous form', () => {
    const def = clone(base);
    def.fields[1]!.personal = false;
    assert.deepEqual(codesOf(def), ['fields[1].personal MUST_BE_PERSONAL']);
    const anon = clone(base);
    anon.anonymous = true;
    assert.ok(codesOf(anon).includes('fields[0].required ANONYMOUS_REQUIRES_PERSONAL'));
  });

  it('unknown keys, wrong shapes and hostile input without throwing', () => {
    assert.deepEqual(codesOf({ ...clone(base), colour: 'red' }), ['colour UNKNOWN_KEY']);
    for (const bad of [null, 42, 'form', [], { __proto__: { id: 'x' } }]) assert.ok(problemsOf(bad).length > 0);
    const proto = JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(clone(base)).slice(1)}`);
    assert.deepEqual(codesOf(proto), ['__proto__ UNKNOWN_KEY']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const tooMany = clone(base);
    tooMany.fields = Array.from({ length: 101 }, (_, i) => ({ ...base.fields[5]!, code: `f${i}` }));
    assert.deepEqual(codesOf(tooMany), ['fields TOO_MANY']);
  });
});
