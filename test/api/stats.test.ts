// Statistics against an independent SQL computation: a seeded day of 3 000 tickets (and a
// few on the next day for ranges), GET /api/stats and the XLSX download read back with exceljs.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Connection } from '../../electron/store/db.js';
import type { HallStats } from '../../electron/core/stats.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';

let hall: TestHall;
const DAY = '2026-11-20';
const NEXT = '2026-11-21';
const SERVICES = ['social-insurance', 'household', 'civil-assistance', 'elderly', 'enquiries', 'proxy'];
const COUNTERS = ['counter-1', 'counter-2', 'counter-3', 'counter-4', 'counter-5', 'counter-6'];

/** A small deterministic generator, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function seedDay(conn: Connection, day: string, count: number, seed: number): Promise<void> {
  const r = rng(seed);
  const cols = await conn.all<{ name: string }>('PRAGMA table_info(tickets)');
  const hasRef = cols.some((c) => c.name === 'ref');
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const numbers = new Map<string, number>();
  // 08:00 Shanghai = 00:00 UTC of the same day.
  const open = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < count; i++) {
    const service = pick(SERVICES);
    const issued = open + Math.floor(r() * 10 * 3600_000);
    const roll = r();
    const state = roll < 0.7 ? 'done' : roll < 0.8 ? 'no_show' : roll < 0.85 ? 'cancelled' : roll < 0.95 ? 'issued' : 'serving';
    const called = state === 'issued' || state === 'cancelled' ? null : issued + Math.floor(r() * 50 * 60_000);
    const started = state === 'done' || state === 'serving' ? called! + 20_000 : null;
    const finished = state === 'done' ? started! + Math.floor(60_000 + r() * 20 * 60_000) : null;
    const counter = called === null ? null : pick(COUNTERS);
    const lang = r() < 0.6 ? 'zh' : r() < 0.5 ? 'bo' : 'ug';
    // One ticket in ten was taken for another service and transferred here.
    const issuedFor = r() < 0.1 ? pick(SERVICES) : service;
    const n = (numbers.get(issuedFor) ?? 0) + 1;
    numbers.set(issuedFor, n);
    const values = [
      randomUUID(), day, service, issuedFor, n, `X${n}`, lang, r() < 0.1 ? 1 : 0, state, issued, issued, counter,
      called === null ? 0 : 1 + Math.floor(r() * 2), called, called, started, finished, called === null ? 0 : called - issued,
    ];
    await conn.run(
      `INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, priority, state, issued_at, queued_at, counter_id,
         call_count, first_called_at, last_called_at, started_at, finished_at, wait_ms${hasRef ? ', ref' : ''})
       VALUES (${values.map(() => '?').join(', ')}${hasRef ? ', ?' : ''})`,
      hasRef ? [...values, randomUUID()] : values,
    );
  }
  const forms = await conn.get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'submissions'");
  if (forms?.n) {
    for (let i = 0; i < 40; i++) {
      await conn.run(
        `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers) VALUES (?, ?, 1, 'zh', 'kiosk', ?, ?, '{}')`,
        [randomUUID(), i % 3 === 0 ? 'residence-permit' : 'elderly-card', open + i * 60_000, day],
      );
    }
  }
}

before(async () => {
  hall = await startTestHall();
  await hall.server.context.db.write(async (c) => {
    await seedDay(c, DAY, 3000, 42);
    await seedDay(c, NEXT, 200, 7);
  });
});
after(() => hall.stop());

type Stats = HallStats;

const reader = () => hall.server.context.db.reader;

/** Mean and nearest-rank p90 of (expr) per group, in SQL alone. */
async function sqlTimes(groupCol: string, expr: string, where: string, from: string, to: string): Promise<Map<string, { n: number; mean: number; p90: number }>> {
  const rows = await reader().all<{ g: string; n: number; mean: number; p90: number }>(
    `WITH v AS (
       SELECT ${groupCol} AS g, (${expr}) AS x FROM tickets WHERE day BETWEEN ? AND ? AND ${where}
     ), r AS (
       SELECT g, x, ROW_NUMBER() OVER (PARTITION BY g ORDER BY x) AS rn, COUNT(*) OVER (PARTITION BY g) AS cnt FROM v
     )
     SELECT g, cnt AS n, (SELECT AVG(x) FROM v WHERE v.g = r.g) AS mean, x AS p90
     FROM r WHERE rn = (cnt * 9 + 9) / 10`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.g, { n: r.n, mean: r.mean, p90: r.p90 }]));
}

/** The API's seconds against SQL's milliseconds, by the one rounding rule (0.1 s, half up). */
function close(a: number | null | undefined, b: number | undefined, what: string): void {
  assert.ok(a !== null && a !== undefined && b !== undefined, `${what}: ${a} vs ${b}`);
  assert.equal(a, Math.round(b / 100) / 10, what);
}

async function checkAgainstSql(s: Stats, from: string, to: string): Promise<void> {
  const perService = await reader().all<{ g: string; n: number; done: number; noShow: number; cancelled: number; waiting: number; called: number; calls: number }>(
    `SELECT service_id AS g, COUNT(*) AS n, SUM(state = 'done') AS done, SUM(state = 'no_show') AS noShow, SUM(state = 'cancelled') AS cancelled,
       SUM(state IN ('issued', 'transferred')) AS waiting, SUM(state IN ('called', 'serving')) AS called, SUM(call_count) AS calls
     FROM tickets WHERE day BETWEEN ? AND ? GROUP BY service_id`,
    [from, to],
  );
  const taken = new Map(
    (await reader().all<{ g: string; n: number }>('SELECT issued_service_id AS g, COUNT(*) AS n FROM tickets WHERE day BETWEEN ? AND ? GROUP BY g', [from, to])).map((r) => [r.g, r.n]),
  );
  const waits = await sqlTimes('service_id', 'wait_ms', 'first_called_at IS NOT NULL', from, to);
  const firstCalls = await sqlTimes('service_id', 'first_called_at - issued_at', 'first_called_at IS NOT NULL', from, to);
  const services = await sqlTimes('service_id', 'finished_at - started_at', "state = 'done'", from, to);
  assert.equal(perService.length, SERVICES.length);
  for (const row of perService) {
    const got = s.byService.find((x) => x.serviceId === row.g)!;
    assert.deepEqual(
      [got.servedAs, got.served, got.noShow, got.cancelled, got.waiting, got.called, got.calls, got.taken],
      [row.n, row.done, row.noShow, row.cancelled, row.waiting, row.called, row.calls, taken.get(row.g)],
      row.g,
    );
    close(got.waitMeanSeconds, waits.get(row.g)?.mean, `${row.g} mean wait`);
    close(got.waitP90Seconds, waits.get(row.g)?.p90, `${row.g} p90 wait`);
    close(got.firstCallMeanSeconds, firstCalls.get(row.g)?.mean, `${row.g} mean first call`);
    close(got.serviceMeanSeconds, services.get(row.g)?.mean, `${row.g} mean service`);
    close(got.serviceP90Seconds, services.get(row.g)?.p90, `${row.g} p90 service`);
  }
  const total = await reader().get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE day BETWEEN ? AND ?', [from, to]);
  assert.equal(s.totals.taken, total!.n);

  const cWaits = await sqlTimes('counter_id', 'wait_ms', 'first_called_at IS NOT NULL AND counter_id IS NOT NULL', from, to);
  const cServices = await sqlTimes('counter_id', 'finished_at - started_at', "state = 'done' AND counter_id IS NOT NULL", from, to);
  const perCounter = await reader().all<{ g: string; n: number; done: number; noShow: number; cancelled: number; expired: number }>(
    `SELECT counter_id AS g, COUNT(*) AS n, SUM(state = 'done') AS done, SUM(state = 'no_show') AS noShow, SUM(state = 'cancelled') AS cancelled,
       SUM(state = 'expired') AS expired
     FROM tickets WHERE day BETWEEN ? AND ? AND counter_id IS NOT NULL GROUP BY counter_id`,
    [from, to],
  );
  for (const row of perCounter) {
    const got = s.byCounter.find((x) => x.counterId === row.g)!;
    assert.deepEqual([got.taken, got.served, got.noShow, got.cancelled, got.expired], [row.n, row.done, row.noShow, row.cancelled, row.expired], row.g);
    close(got.waitMeanSeconds, cWaits.get(row.g)?.mean, `${row.g} mean wait`);
    close(got.waitP90Seconds, cWaits.get(row.g)?.p90, `${row.g} p90 wait`);
    close(got.serviceP90Seconds, cServices.get(row.g)?.p90, `${row.g} p90 service`);
  }

  // Busy hours in Shanghai time (UTC+8, no daylight saving), computed by SQLite's own clock.
  const hours = await reader().all<{ h: number; n: number }>(
    `SELECT CAST(strftime('%H', issued_at / 1000 + 8 * 3600, 'unixepoch') AS INTEGER) AS h, COUNT(*) AS n
     FROM tickets WHERE day BETWEEN ? AND ? GROUP BY h`,
    [from, to],
  );
  for (let h = 0; h < 24; h++) assert.equal(s.byHour[h]!.taken, hours.find((x) => x.h === h)?.n ?? 0, `hour ${h}`);

  const langs = await reader().all<{ language: string; n: number }>('SELECT language, COUNT(*) AS n FROM tickets WHERE day BETWEEN ? AND ? GROUP BY language', [from, to]);
  for (const l of langs) assert.equal(s.byLanguage.find((x) => x.language === l.language)?.taken, l.n, l.language);

  const hasForms = await reader().get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'submissions'");
  if (hasForms?.n) {
    const forms = await reader().all<{ form_id: string; n: number }>('SELECT form_id, COUNT(*) AS n FROM submissions WHERE day BETWEEN ? AND ? GROUP BY form_id', [from, to]);
    assert.ok(forms.length > 0);
    for (const f of forms) assert.equal(s.byForm.find((x) => x.formId === f.form_id)?.submissions, f.n, f.form_id);
  }
}

describe('statistics', () => {
  it('match an independent SQL computation for a seeded day of 3 000 tickets', async () => {
    const r = await api<Stats>(hall.url, 'GET', `/api/stats?from=${DAY}&to=${DAY}`, hall.adminToken);
    assert.equal(r.status, 200);
    assert.equal(r.body.totals.taken, 3000);
    await checkAgainstSql(r.body, DAY, DAY);
  });

  it('match for a range of two days', async () => {
    const r = await api<Stats>(hall.url, 'GET', `/api/stats?from=${DAY}&to=${NEXT}`, hall.adminToken);
    assert.equal(r.body.totals.taken, 3200);
    await checkAgainstSql(r.body, DAY, NEXT);
  });

  it('refuse a bad range', async () => {
    for (const q of ['from=2026-11-21&to=2026-11-20', 'from=2026-02-31', 'from=2024-01-01&to=2026-01-01', 'from=today']) {
      assert.equal((await api(hall.url, 'GET', `/api/stats?${q}`, hall.adminToken)).status, 400, q);
      assert.equal((await api(hall.url, 'GET', `/api/stats.xlsx?${q}`, hall.adminToken)).status, 400, q);
    }
  });

  it('download as XLSX: one sheet per table, Chinese headers, numbers as numbers, first sheet per service', async () => {
    const res = await fetch(`${hall.url}/api/stats.xlsx?from=${DAY}&to=${DAY}`, { headers: { Authorization: `Bearer ${hall.adminToken}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['按事项', '按窗口', '按小时', '语言', '按日', '合计', '表单'],
    );
    const first = wb.worksheets[0]!;
    assert.equal(first.getCell('A1').value, '事项');
    assert.equal(first.getCell('C1').value, '取号数');
    // Taken: counted under the service the number was taken for.
    const expected = await reader().all<{ name: string; n: number }>(
      `SELECT s.name_zh AS name, COUNT(t.id) AS n FROM services s LEFT JOIN tickets t ON t.issued_service_id = s.id AND t.day = ? GROUP BY s.id`,
      [DAY],
    );
    const got = new Map<string, unknown>();
    first.eachRow((row, i) => {
      if (i > 1) got.set(String(row.getCell(1).value), row.getCell(3).value);
    });
    assert.equal(got.size, expected.length);
    for (const e of expected) {
      assert.equal(typeof got.get(e.name), 'number', `${e.name} is a number`);
      assert.equal(got.get(e.name), e.n, e.name);
    }
    // Busy hours: 24 numeric rows.
    const hours = wb.getWorksheet('按小时')!;
    assert.equal(hours.rowCount, 25);
    let sum = 0;
    hours.eachRow((row, i) => {
      if (i > 1) sum += row.getCell(2).value as number;
    });
    assert.equal(sum, 3000);
  });

  it('are admin-only', async () => {
    assert.equal((await api(hall.url, 'GET', `/api/stats.xlsx?from=${DAY}`, hall.kioskToken)).status, 403);
  });
});
