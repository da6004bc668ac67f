import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelay } from '../../electron/core/export/backoff.js';
import { allConfirmed, BATCH_ID_PATTERN, batchId, nextStep, ticketExportable } from '../../electron/core/export/batchPlan.js';
import { CSV_BOM, csvField, csvRow, parseCsv } from '../../electron/core/export/csv.js';
import { buildManifest, manifestProblems } from '../../electron/core/export/manifest.js';
import { submissionFile } from '../../electron/core/export/records.js';
import { cronPattern, latestScheduled, runMissed } from '../../electron/core/export/schedule.js';
import { DailyStatistics, STATISTICS_FILE } from '../../electron/core/export/statistics.js';

const TZ = 'Asia/Shanghai';
const local = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('CSV (RFC 4180, Excel)', () => {
  it('quotes commas, quotes and line breaks, and nothing else', () => {
    assert.equal(csvField('plain ཁྱིམ་ཚང་'), 'plain ཁྱིམ་ཚང་');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('x\ny'), '"x\ny"');
    assert.equal(csvField('x\r\ny'), '"x\r\ny"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(false), 'false');
  });

  it('guards text that a spreadsheet would read as a formula (OWASP), never numbers', () => {
    assert.equal(csvField('=HYPERLINK("http://evil.example/","x")'), '"\'=HYPERLINK(""http://evil.example/"",""x"")"');
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-1'), "'-1", 'a text answer "-1" is text');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('\r=1'), '"\'\r=1"');
    assert.equal(csvField(-1.5), '-1.5', 'a number column keeps negative numbers as numbers');
    assert.equal(csvField('a=b'), 'a=b', 'only the first character counts');
    assert.equal(csvField('＝1'), '＝1', 'full-width signs start no formula');
    assert.equal(csvRow(['a', 1, null]), 'a,1,\r\n');
  });
  it('parses back what it writes, BOM and all', () => {
    const rows = [['id', 'note'], ['1', 'ئۈرۈمچى, "قۇر"\r\nཡིག་ཚང་།'], ['2', '']];
    const text = CSV_BOM + rows.map(csvRow).join('');
    assert.deepEqual(parseCsv(text), rows);
  });
  it('a submission row puts answers under their field codes; multichoice joined; unknown codes kept', () => {
    const spec = submissionFile({
      fields: [
        { code: 'a', type: 'text', label: { zh: '甲', bo: 'ཀ', ug: 'ئا' }, required: true, personal: false },
        { code: 'm', type: 'multichoice', label: { zh: '多选', bo: 'ཁ', ug: 'ب' }, required: false, personal: false },
      ],
    });
    assert.deepEqual(spec.columns.slice(-3).map((c) => c.label), ['甲', '多选', '其他']);
    const row = spec.csv({
      id: 's', formId: 'f', formVersion: 1, ticketId: null, language: 'ug', filledBy: 'kiosk', fillerId: null, createdAt: 0, day: '2026-11-20',
      reviewedBy: null, reviewedAt: null, answers: { a: 'x', m: ['p', 'q'], z: 1 }, purged: false,
    });
    assert.deepEqual(row.slice(-3), ['x', 'p;q', '{"z":1}']);
  });
});

describe('daily statistics', () => {
  const st = { issuedServiceId: 'A', priority: false, callCount: 1, clockSteps: 0 };
  it('nearest-rank p90 and means per service, counter and language, with the shared columns', () => {
    const s = new DailyStatistics('UTC');
    for (let i = 1; i <= 10; i++) {
      s.add({ ...st, day: 'd', serviceId: 'A', counterId: 'c1', language: i % 2 ? 'bo' : 'ug', state: 'done', issuedAt: 0, firstCalledAt: i * 1000, startedAt: 0, finishedAt: 60_000, waitMs: i * 1000 });
    }
    s.add({ ...st, callCount: 0, day: 'd', serviceId: 'A', counterId: null, language: 'zh', state: 'expired', issuedAt: 0, firstCalledAt: null, startedAt: null, finishedAt: 5, waitMs: 0 });
    s.add({ ...st, callCount: 2, day: 'd', serviceId: 'A', counterId: 'c1', language: 'zh', state: 'no_show', issuedAt: 0, firstCalledAt: 30_000, startedAt: null, finishedAt: 5, waitMs: 30_000 });
    const rows = s.rows();
    const a = rows.find((r) => r.scope === 'service' && r.key === 'A')!;
    assert.deepEqual([a.taken, a.servedAs, a.served, a.noShow, a.expired, a.calls], [12, 12, 10, 1, 1, 12]);
    assert.equal(a.waitMeanSeconds, Math.round(((55 + 30) / 11) * 10) / 10);
    assert.equal(a.waitP90Seconds, 10);
    assert.equal(a.serviceMeanSeconds, 60);
    assert.equal(rows.find((r) => r.scope === 'counter' && r.key === 'c1')?.taken, 11);
    assert.deepEqual(rows.filter((r) => r.scope === 'language').map((r) => [r.key, r.taken]), [['bo', 5], ['ug', 5], ['zh', 2]]);
    assert.deepEqual(rows.filter((r) => r.scope === 'day').map((r) => [r.key, r.taken]), [['d', 12]]);
    assert.equal(STATISTICS_FILE.csv(a).length, STATISTICS_FILE.columns.length);
  });
});

describe('schedule and catch-up', () => {
  it('croner pattern from HH:MM', () => {
    assert.equal(cronPattern('02:00'), '0 2 * * *');
    assert.equal(cronPattern('23:45'), '45 23 * * *');
    assert.throws(() => cronPattern('25:00'));
  });
  it('a run is missed only when a scheduled moment passed since the last start (hall time zone)', () => {
    assert.equal(latestScheduled(local(2026, 11, 21, 1, 59), '02:00', TZ), '2026-11-20 02:00');
    assert.equal(latestScheduled(local(2026, 11, 21, 2, 0), '02:00', TZ), '2026-11-21 02:00');
    // Ran at 02:00 yesterday, machine off overnight, started at 09:00: missed.
    assert.equal(runMissed(local(2026, 11, 20, 2, 0), local(2026, 11, 21, 9, 0), '02:00', TZ), true);
    // Ran at 02:00 today: not missed at 09:00.
    assert.equal(runMissed(local(2026, 11, 21, 2, 0), local(2026, 11, 21, 9, 0), '02:00', TZ), false);
    // Started at 01:00, last run yesterday 02:00: the next one is still ahead.
    assert.equal(runMissed(local(2026, 11, 20, 2, 0), local(2026, 11, 21, 1, 0), '02:00', TZ), false);
    // Across a month end.
    assert.equal(runMissed(local(2026, 11, 30, 3, 0), local(2026, 12, 1, 2, 30), '02:00', TZ), true);
  });
});

describe('outbox rules', () => {
  it('tickets leave once final and their day is closed', () => {
    assert.equal(ticketExportable('done', '2026-11-20', '2026-11-21'), true);
    assert.equal(ticketExportable('expired', '2026-11-20', '2026-11-21'), true);
    assert.equal(ticketExportable('done', '2026-11-21', '2026-11-21'), false);
    assert.equal(ticketExportable('called', '2026-11-20', '2026-11-21'), false);
  });
  it('batch ids are sortable, file- and header-safe', () => {
    const id = batchId(Date.UTC(2026, 11, 2, 2, 0, 0), 'A1B2C3D4EE');
    assert.equal(id, '20261202T020000Z-a1b2c3d4');
    assert.match(id, BATCH_ID_PATTERN);
  });
  it('a run resumes the open batch: rebuild unless an intact build is kept', () => {
    assert.equal(nextStep(null), 'plan');
    assert.equal(nextStep({ status: 'building', fileIntact: false }), 'build');
    assert.equal(nextStep({ status: 'built', fileIntact: false }), 'build');
    assert.equal(nextStep({ status: 'built', fileIntact: true }), 'deliver');
  });
  it('delivered only when every configured target confirmed', () => {
    assert.equal(allConfirmed(['a', 'b'], ['a']), false);
    assert.equal(allConfirmed(['a', 'b'], ['b', 'a']), true);
    assert.equal(allConfirmed([], []), false);
  });
  it('backoff grows exponentially, capped, with full jitter', () => {
    const p = { attempts: 6, baseMs: 100, maxMs: 1000 };
    assert.equal(retryDelay(p, 1, 0.99), 0);
    assert.equal(retryDelay(p, 2, 0.999), 99);
    assert.equal(retryDelay(p, 4, 0.999), 399);
    assert.equal(retryDelay(p, 9, 0.999), 999);
    assert.equal(retryDelay(p, 5, 0), 0);
  });
});

describe('manifest', () => {
  const m = buildManifest({
    hallId: 'h', hallName: 'n', batchId: 'b', createdAt: 0, rangeFrom: 0, rangeTo: 1, hallKeyFingerprint: 'F',
    files: [{ name: 'tickets.csv', records: 2, bytes: 10, sha256: 'aa' }, { name: 'a.jsonl', records: 1, bytes: 3, sha256: 'bb' }],
  });
  it('lists files sorted, and finds every mismatch', () => {
    assert.deepEqual(m.files.map((f) => f.name), ['a.jsonl', 'tickets.csv']);
    assert.deepEqual(manifestProblems(m, [{ name: 'a.jsonl', records: 1, bytes: 3, sha256: 'bb' }, { name: 'tickets.csv', records: 2, bytes: 10, sha256: 'aa' }]), []);
    const problems = manifestProblems(m, [{ name: 'tickets.csv', records: 3, bytes: 11, sha256: 'cc' }, { name: 'extra.csv', records: 0, bytes: 0, sha256: '' }]);
    assert.equal(problems.length, 5);
    assert.match(problems.join('\n'), /a\.jsonl: listed in the manifest but missing/);
    assert.match(problems.join('\n'), /extra\.csv: in the archive but not in the manifest/);
    assert.deepEqual(manifestProblems({ format: 'other' }, []), ['manifest.json is missing or is not a Hall Kiosk export manifest']);
  });
});

describe('timestamps', () => {
  it('isoTime writes exactly what Date#toISOString writes', async () => {
    const { isoTime } = await import('../../electron/core/export/records.js');
    assert.equal(isoTime(null), null);
    for (const ms of [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2026, 10, 20, 2, 1, 0, 7), Date.UTC(2028, 1, 29, 23, 59, 59, 999), 1_800_000_000_123]) {
      assert.equal(isoTime(ms), new Date(ms).toISOString(), String(ms));
    }
  });
});
