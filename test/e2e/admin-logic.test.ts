// The admin page's pure pieces, without a browser: the statistics arithmetic, the hall-day
// computation, the printer-address pre-check, the time format, and font coverage of the
// admin strings (no tofu in any language).
import * as fontkit from 'fontkit';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeStats } from '../../electron/core/stats.js';
import { securityJson, type PersonalDataKeyStatusLike } from '../../electron/server/http/routes/security.js';
import { formatTime } from '../../renderer/admin/format.js';
import { printerAddressProblem } from '../../renderer/admin/printerAddress.js';
import { hallDay, STAT_COLUMNS, statsTableRows } from '../../renderer/admin/stats.js';

describe('admin statistics', () => {
  it('lays the core figures out in the shared columns: counts whole, seconds to 0.1, — for none', () => {
    const stats = computeStats({
      from: '2026-11-23', to: '2026-11-23', timeZone: 'UTC', submissions: [],
      tickets: [
        { day: '2026-11-23', serviceId: 'a', issuedServiceId: 'a', counterId: 'c1', language: 'zh', state: 'done', priority: false,
          issuedAt: 0, firstCalledAt: 12_340, startedAt: 20_000, finishedAt: 80_000, callCount: 2, waitMs: 12_340, clockSteps: 0 },
        { day: '2026-11-23', serviceId: 'b', issuedServiceId: 'b', counterId: null, language: 'bo', state: 'cancelled', priority: false,
          issuedAt: 0, firstCalledAt: null, startedAt: null, finishedAt: 1, callCount: 0, waitMs: 0, clockSteps: 0 },
      ],
    });
    const rows = statsTableRows(stats.byService.map((r) => ({ key: r.serviceId, label: r.serviceId, figures: r })), (n, d) => n.toFixed(d));
    const cell = (row: number, field: string) => rows[row]!.cells.find((c) => c.field === field)!.text;
    assert.deepEqual(rows[0]!.cells.map((c) => c.field), STAT_COLUMNS.map((c) => c.field));
    assert.deepEqual([cell(0, 'taken'), cell(0, 'served'), cell(0, 'calls'), cell(0, 'waitMeanSeconds'), cell(0, 'serviceMeanSeconds')], ['1', '1', '2', '12.3', '60.0']);
    assert.deepEqual([cell(1, 'cancelled'), cell(1, 'waitMeanSeconds')], ['1', '—']);
  });

  it("takes the day in the hall's time zone, not the browser's", () => {
    const lateUtc = new Date('2026-11-23T17:30:00Z'); // 01:30 next day in Shanghai
    assert.equal(hallDay(lateUtc, 'Asia/Shanghai'), '2026-11-24');
    assert.equal(hallDay(lateUtc, 'UTC'), '2026-11-23');
    assert.equal(hallDay(lateUtc, 'Not/AZone'), '2026-11-23');
  });
});

describe('printer address pre-check', () => {
  it('accepts tcp://host:port, device paths and COM ports, and an empty field (no printer)', () => {
    for (const ok of ['tcp://192.168.1.50:9100', 'tcp://printer.local:9100', 'tcp://[::1]:9100', '/dev/usb/lp0', 'COM3', 'com12', '\\\\.\\COM10', '']) {
      assert.equal(printerAddressProblem(ok), null, ok);
    }
  });

  it('refuses other forms and out-of-range ports', () => {
    for (const bad of ['http://printer', '192.168.1.50:9100', 'tcp://host', 'lp0', 'dev/usb/lp0']) assert.equal(printerAddressProblem(bad), 'format', bad);
    assert.equal(printerAddressProblem('tcp://host:0'), 'port');
    assert.equal(printerAddressProblem('tcp://host:70000'), 'port');
  });
});

describe('time format', () => {
  it('shows hall-local YYYY-MM-DD HH:MM:SS inside a left-to-right isolate', () => {
    assert.equal(formatTime('2026-11-23T02:03:04Z', 'Asia/Shanghai'), '\u20662026-11-23 10:03:04\u2069');
    assert.equal(formatTime(null, 'Asia/Shanghai'), '—');
    assert.equal(formatTime('not a date', 'Asia/Shanghai'), '—');
  });
});

describe('admin strings and the shipped fonts', () => {
  it('every character of admin.json in each language has a glyph in one of the page fonts', () => {
    const fonts = ['NotoSans-Regular.ttf', 'NotoSansSC-Regular.otf', 'NotoSerifTibetan-Regular.ttf', 'NotoSansArabic-Regular.ttf'].map(
      (f) => fontkit.openSync(join(process.cwd(), 'resources', 'fonts', f)) as unknown as { hasGlyphForCodePoint(cp: number): boolean },
    );
    for (const lang of ['zh', 'bo', 'ug']) {
      const text = readFileSync(join(process.cwd(), 'resources', 'locales', lang, 'admin.json'), 'utf8');
      const strings: string[] = [];
      JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
      const missing = new Set<string>();
      for (const ch of strings.join('')) {
        const cp = ch.codePointAt(0)!;
        if (cp <= 0x20) continue;
        if (!fonts.some((f) => f.hasGlyphForCodePoint(cp))) missing.add(`U+${cp.toString(16).toUpperCase()} ${ch}`);
      }
      assert.deepEqual([...missing], [], `${lang}: characters no shipped font covers`);
    }
  });
});

describe('security notice JSON', () => {
  const source = (s: PersonalDataKeyStatusLike) => ({ status: () => s, acknowledgeBasicTextRisk: () => s });

  it('reports a headless server (no keyring attached) as protection none', () => {
    assert.deepEqual(
      [securityJson(undefined).personalDataKey.protection, securityJson(undefined).personalDataKey.acknowledged],
      ['none', false],
    );
  });

  it("passes the keyring's view through: who acknowledged, and whether personal data may be stored", () => {
    const acked = securityJson(
      source({ protection: 'basic_text', backend: 'basic_text', riskAcknowledged: { by: 'admin', at: '2026-11-23T02:00:00.000Z' }, personalDataAllowed: true, problem: null }),
    ).personalDataKey;
    assert.deepEqual([acked.protection, acked.acknowledged, acked.acknowledgedBy, acked.personalDataAllowed], ['basic_text', true, 'admin', true]);
    const none = securityJson(
      source({ protection: 'unavailable', backend: 'unknown', riskAcknowledged: null, personalDataAllowed: false, problem: 'encryption_unavailable' }),
    ).personalDataKey;
    assert.deepEqual([none.protection, none.acknowledged, none.personalDataAllowed], ['unavailable', false, false]);
  });
});
