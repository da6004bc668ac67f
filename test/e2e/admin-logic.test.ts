// The admin page's pure pieces, without a browser: the statistics arithmetic, the hall-day
// computation, the printer-address pre-check, the time format, and font coverage of the
// admin strings (no tofu in any language).
import * as fontkit from 'fontkit';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { securityJson, type PersonalDataKeyStatusLike } from '../../electron/server/http/routes/security.js';
import type { TicketInfo } from '../../renderer/admin/adminApi.js';
import { formatTime } from '../../renderer/admin/format.js';
import { printerAddressProblem } from '../../renderer/admin/printerAddress.js';
import { hallDay, statsByService, totalStats } from '../../renderer/admin/stats.js';

const T0 = Date.parse('2026-11-23T02:00:00Z'); // 10:00 in Asia/Shanghai
const at = (minutes: number | null) => (minutes === null ? null : new Date(T0 + minutes * 60_000).toISOString());

function ticket(p: Partial<TicketInfo> & { serviceId: string; state: TicketInfo['state'] }, times: { issued: number; called?: number; started?: number; finished?: number }): TicketInfo {
  return {
    id: Math.random().toString(36).slice(2),
    code: 'A001',
    day: '2026-11-23',
    issuedServiceId: p.serviceId,
    number: 1,
    language: 'zh',
    priority: false,
    kioskId: null,
    counterId: null,
    targetCounterId: null,
    callCount: times.called === undefined ? 0 : 1,
    issuedAt: at(times.issued)!,
    firstCalledAt: at(times.called ?? null),
    lastCalledAt: at(times.called ?? null),
    startedAt: at(times.started ?? null),
    finishedAt: at(times.finished ?? null),
    ...p,
  };
}

describe('admin statistics', () => {
  const tickets: TicketInfo[] = [
    ticket({ serviceId: 'a', state: 'done' }, { issued: 0, called: 10, started: 11, finished: 19 }),
    ticket({ serviceId: 'a', state: 'done' }, { issued: 5, called: 25, started: 26, finished: 30 }),
    ticket({ serviceId: 'a', state: 'no_show' }, { issued: 6, called: 36 }),
    ticket({ serviceId: 'a', state: 'issued' }, { issued: 40 }),
    ticket({ serviceId: 'a', state: 'transferred' }, { issued: 41, called: 45, started: 46 }),
    ticket({ serviceId: 'b', state: 'serving' }, { issued: 0, called: 2, started: 3 }),
    ticket({ serviceId: 'b', state: 'cancelled' }, { issued: 1 }),
  ];

  it('counts each state per service and averages wait and service minutes', () => {
    const rows = statsByService(tickets);
    const a = rows.get('a')!;
    assert.deepEqual(
      [a.issued, a.waiting, a.inProgress, a.done, a.noShow, a.cancelled],
      [5, 2, 0, 2, 1, 0],
    );
    // Waits of called tickets: 10, 20, 30, 4 → 16; service of finished ones: 8, 4 → 6.
    assert.equal(a.avgWaitMinutes, 16);
    assert.equal(a.avgServiceMinutes, 6);
    const b = rows.get('b')!;
    assert.deepEqual([b.issued, b.waiting, b.inProgress, b.done, b.noShow, b.cancelled], [2, 0, 1, 0, 0, 1]);
    assert.equal(b.avgWaitMinutes, 2);
    assert.equal(b.avgServiceMinutes, null, 'a service still running has no duration yet');
  });

  it('totals over all services, averaging per ticket', () => {
    const t = totalStats(tickets);
    assert.equal(t.issued, 7);
    assert.equal(t.done, 2);
    assert.equal(t.avgWaitMinutes, (10 + 20 + 30 + 4 + 2) / 5);
    assert.equal(totalStats([]).avgWaitMinutes, null);
    assert.equal(totalStats([]).issued, 0);
  });

  it('ignores a call time before the issue time instead of averaging a negative wait', () => {
    const odd = [ticket({ serviceId: 'a', state: 'called' }, { issued: 10, called: 5 })];
    assert.equal(statsByService(odd).get('a')!.avgWaitMinutes, null);
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
