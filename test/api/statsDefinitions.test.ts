// Issue 19: one definition everywhere. With a fake clock the test transfers, recalls,
// cancels, marks a no-show (after a clock step back) and lets the day's close expire tickets,
// then checks the admin API, the admin page's table rows, the workbook and the export's
// statistics rows against figures worked out BY HAND below, column by column, for each service.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { DailyStatistics, STATISTICS_FILE } from '../../electron/core/export/statistics.js';
import type { ExportTicket } from '../../electron/core/export/records.js';
import { STAT_COLUMNS } from '../../electron/core/statistics/columns.js';
import type { Figures } from '../../electron/core/statistics/figures.js';
import { closeDay } from '../../electron/core/usecases/closeDay.js';
import type { HallStats } from '../../electron/core/stats.js';
import { statsTableRows } from '../../renderer/admin/stats.js';
import { ADMIN_PASSWORD, api, login, startTestHall, staffToken, tempDir } from '../support/hall.js';

const DAY = '2026-11-20';
const T0 = Date.parse(`${DAY}T01:00:00Z`); // 09:00 in Asia/Shanghai
const tmp = tempDir();
after(() => tmp.remove());

// By hand (seconds after 09:00):
// t1 A: issued 0, called 60 at cA, recalled 100, started 110, finished 170   → done; wait 60, first call 60, service 60, 2 calls
// t2 A: issued 10, called 200 at cA, transferred to B 210, called 250 at cB, started 260, finished 360
//       → taken for A, served as B; done; wait 190 + 40 = 230, first call 190, service 100, 2 calls
// t3 B: issued 20, cancelled 30                                             → cancelled
// t4 B: issued 40, never called                                            → expired at the day's close
// t5 A: issued 50, called 600 at cA                                        → expired; wait 550, first call 550, 1 call
// t6 A: issued 500, called at 480 (the clock stepped back), recalled 520, no-show 530
//       → no_show; wait 0 and first call 0 (clamped), 1 clock step, 2 calls
const HAND: Record<'A' | 'B', Figures> = {
  A: {
    taken: 4, servedAs: 3, served: 1, noShow: 1, cancelled: 0, expired: 1, waiting: 0, called: 0, priority: 0,
    // waits 60, 550, 0: mean 203.33… → 203.3; nearest-rank p90 of 3 = the 3rd = 550
    waitMeanSeconds: 203.3, waitP90Seconds: 550, firstCallMeanSeconds: 203.3, firstCallP90Seconds: 550,
    serviceMeanSeconds: 60, serviceP90Seconds: 60, calls: 5, clockSteps: 1,
  },
  B: {
    taken: 2, servedAs: 3, served: 1, noShow: 0, cancelled: 1, expired: 1, waiting: 0, called: 0, priority: 0,
    waitMeanSeconds: 230, waitP90Seconds: 230, firstCallMeanSeconds: 190, firstCallP90Seconds: 190,
    serviceMeanSeconds: 100, serviceP90Seconds: 100, calls: 2, clockSteps: 0,
  },
};

describe('statistics: one definition in the API, the page, the workbook and the export', () => {
  it('gives the hand-computed figures in all four, column by column', { timeout: 120_000 }, async () => {
    let now = T0;
    const clock = { now: () => now };
    const hall = await startTestHall({ dataDir: tmp.dir, clock });
    try {
      const at = (s: number) => (now = T0 + s * 1000);
      const services = (await api<{ id: string }[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body;
      const counters = (await api<{ id: string; services: { serviceId: string }[] }[]>(hall.url, 'GET', '/api/counters', hall.adminToken)).body;
      const A = services[0]!.id;
      const cA = counters.find((c) => c.services.some((s) => s.serviceId === A))!;
      const B = services.find((s) => s.id !== A && counters.some((c) => c.id !== cA.id && c.services.some((x) => x.serviceId === s.id)))!.id;
      const cB = counters.find((c) => c.id !== cA.id && c.services.some((s) => s.serviceId === B))!;
      // One staff member per counter.
      const tokens = new Map([[cA.id, await staffToken(hall, 'stats-a')], [cB.id, await staffToken(hall, 'stats-b')]]);
      for (const c of [cA, cB]) assert.equal((await api(hall.url, 'POST', `/api/counters/${c.id}/open`, tokens.get(c.id)!, { languages: ['zh', 'bo', 'ug'] })).status, 200);
      // Each ticket's verbs are done by the staff at its counter at that moment.
      let at_ = cA.id;
      let key = 0;
      const issue = async (serviceId: string) => {
        const r = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language: 'zh' }, { 'Idempotency-Key': `stats-definitions-${key++}` });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body.id;
      };
      const post = async (path: string, body: object = {}) => {
        const r = await api(hall.url, 'POST', path, tokens.get(at_)!, body);
        assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
      };
      const call = (counterId: string, id: string) => ((at_ = counterId), post(`/api/counters/${counterId}/call/${id}`));

      at(0);
      const t1 = await issue(A);
      at(10);
      const t2 = await issue(A);
      at(20);
      const t3 = await issue(B);
      at(30);
      await post(`/api/tickets/${t3}/cancel`);
      at(40);
      await issue(B); // t4
      at(50);
      const t5 = await issue(A);
      at(60);
      await call(cA.id, t1);
      at(100);
      await post(`/api/tickets/${t1}/recall`);
      at(110);
      await post(`/api/tickets/${t1}/start`);
      at(170);
      await post(`/api/tickets/${t1}/finish`);
      at(200);
      await call(cA.id, t2);
      at(210);
      await post(`/api/tickets/${t2}/transfer`, { serviceId: B });
      at(250);
      await call(cB.id, t2);
      at(260);
      await post(`/api/tickets/${t2}/start`);
      at(360);
      await post(`/api/tickets/${t2}/finish`);
      at(500);
      const t6 = await issue(A);
      at(480); // the clock steps back 20 s
      await call(cA.id, t6);
      at(520);
      await post(`/api/tickets/${t6}/recall`);
      at(530);
      await post(`/api/tickets/${t6}/no-show`);
      at(600);
      await call(cA.id, t5);
      const t2Now = (await api<{ callCount: number; queueCallCount: number }>(hall.url, 'GET', `/api/tickets/${t2}`, hall.adminToken)).body;
      assert.deepEqual([t2Now.callCount, t2Now.queueCallCount], [2, 1], 'calls across the transfer are kept');

      // The next morning the day closes: t4 and t5 expire, stamped with the end of their day.
      now = Date.parse('2026-11-21T01:30:00Z');
      const closed = await closeDay(hall.server.context.deps);
      assert.equal(closed.expired.length, 2);
      for (const t of closed.expired) assert.equal(new Date(t.finishedAt!).toISOString(), `${DAY}T15:59:59.999Z`);

      // 1. The admin API.
      // A new session: the clock moved past the morning's sessions.
      const admin = await login(hall.url, 'admin', ADMIN_PASSWORD);
      const statsRes = await api<HallStats>(hall.url, 'GET', `/api/stats?day=${DAY}`, admin);
      assert.equal(statsRes.status, 200, JSON.stringify(statsRes.body));
      const stats = statsRes.body;
      const apiRow = (id: string) => stats.byService.find((r) => r.serviceId === id)!;
      // 2. The admin page's table rows (the page's own function over what the API gave it).
      const pageRows = statsTableRows(
        stats.byService.map((r) => ({ key: r.serviceId, label: r.serviceId, figures: r })),
        (n, digits) => n.toFixed(digits),
      );
      // 3. The workbook, read back.
      const xlsx = await fetch(`${hall.url}/api/stats.xlsx?from=${DAY}&to=${DAY}`, { headers: { Authorization: `Bearer ${admin}` } });
      assert.equal(xlsx.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('按事项')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(2), STAT_COLUMNS.map((c) => c.label));
      const prefixes = new Map((await api<{ id: string; prefix: string }[]>(hall.url, 'GET', '/api/services', admin)).body.map((s) => [s.id, s.prefix]));
      const sheetRow = (id: string) => {
        for (let i = 2; i <= sheet.rowCount; i++) {
          const v = (sheet.getRow(i).values as unknown[]).slice(1);
          if (v[1] === prefixes.get(id)) return v.slice(2);
        }
        throw new Error(`no workbook row for ${id}`);
      };
      // 4. The export's statistics: the tickets as the export reads them, through the builder's statistics.
      const exported = await hall.server.context.db.reader.all<Omit<ExportTicket, 'priority'> & { priority: number }>(
        `SELECT id, day, code, service_id AS serviceId, issued_service_id AS issuedServiceId, language, priority, kiosk_id AS kioskId,
           counter_id AS counterId, NULL AS staffId, state, call_count AS callCount, issued_at AS issuedAt, queued_at AS queuedAt,
           first_called_at AS firstCalledAt, last_called_at AS lastCalledAt, started_at AS startedAt, finished_at AS finishedAt,
           queue_call_count AS queueCallCount, requeued_at AS requeuedAt, wait_ms AS waitMs, clock_steps AS clockSteps
         FROM tickets WHERE day = ?`,
        [DAY],
      );
      const daily = new DailyStatistics('Asia/Shanghai');
      for (const t of exported) daily.add({ ...t, priority: t.priority === 1 });
      const exportRows = daily.rows();
      const codes = STATISTICS_FILE.columns.map((c) => c.code);
      const exportCsv = (id: string) => {
        const row = exportRows.find((r) => r.scope === 'service' && r.key === id && r.day === DAY)!;
        return { csv: new Map(STATISTICS_FILE.csv(row).map((v, i) => [codes[i]!, v])), json: STATISTICS_FILE.json(row) as Record<string, unknown> };
      };

      for (const [name, id] of [['A', A], ['B', B]] as const) {
        const hand = HAND[name];
        const page = pageRows.find((r) => r.key === id)!;
        const book = sheetRow(id);
        const { csv, json } = exportCsv(id);
        STAT_COLUMNS.forEach((c, i) => {
          const want = hand[c.field];
          assert.equal(apiRow(id)[c.field], want, `API ${name} ${c.field}`);
          assert.equal(page.cells[i]!.text, want === null ? '—' : want.toFixed(c.seconds ? 1 : 0), `page ${name} ${c.field}`);
          assert.equal(book[i] ?? null, want, `workbook ${name} ${c.field}`);
          assert.equal(csv.get(c.code), want, `export ${name} ${c.code}`);
          assert.equal(json[c.json], want, `export JSON ${name} ${c.json}`);
        });
      }
      // Totals agree too: every ticket is taken once and served as once.
      assert.deepEqual([stats.totals.taken, stats.totals.servedAs, stats.totals.calls, stats.totals.clockSteps], [6, 6, 7, 1]);
    } finally {
      await hall.stop();
    }
  });
});
