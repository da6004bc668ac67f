import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TranslationEntry } from '../../renderer/admin/adminApi.js';
import { groupRows, rowMatches } from '../../renderer/admin/translationRows.js';

const e = (lang: 'zh' | 'bo' | 'ug', key: string, text: string, extra: Partial<TranslationEntry> = {}): TranslationEntry => ({
  lang,
  ns: 'kiosk',
  key,
  text,
  source: null,
  shipped: text,
  overridden: false,
  reviewedBy: null,
  reviewedAt: null,
  orphaned: false,
  ...extra,
});

const entries = [
  e('zh', 'Services.waiting', '等候 {{n}} 人'),
  e('bo', 'Services.waiting', 'སྒུག་བཞིན་པའི་མི་གྲངས། \u2068{{n}}\u2069', { reviewedBy: 'dorje', reviewedAt: '2026-12-01T08:00:00.000Z' }),
  e('ug', 'Services.waiting', 'ساقلاۋاتقانلار: \u2068{{n}}\u2069 كىشى'),
  e('zh', 'Nav.back', '返回'),
  e('bo', 'Nav.back', 'ཕྱིར་ལོག', { reviewedAt: '2026-12-01T08:00:00.000Z' }),
  e('ug', 'Nav.back', 'قايتىش', { reviewedAt: '2026-12-01T08:00:00.000Z' }),
  e('ug', 'Old.gone', 'كونا', { orphaned: true }),
];

describe('translation review rows', () => {
  it('groups one row per key with its three texts, leaving orphans out', () => {
    const rows = groupRows(entries);
    assert.deepEqual(rows.map((r) => r.key), ['Services.waiting', 'Nav.back']);
    assert.equal(rows[0]!.ug?.text, 'ساقلاۋاتقانلار: \u2068{{n}}\u2069 كىشى');
  });

  it('filters by search (any script, isolates ignored), namespace and "not yet reviewed"', () => {
    const [waiting, back] = groupRows(entries);
    assert.ok(rowMatches(waiting!, '{{n}} كىشى', false, ''));
    assert.ok(rowMatches(waiting!, 'kiosk/services', false, ''));
    assert.ok(!rowMatches(back!, '等候', false, ''));
    assert.ok(!rowMatches(waiting!, '', false, 'counter'));
    // Reviewed in bo but not in ug: still "not yet reviewed"; Nav.back is done in both.
    assert.ok(rowMatches(waiting!, '', true, ''));
    assert.ok(!rowMatches(back!, '', true, ''));
  });
});
