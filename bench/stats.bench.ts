// Statistics over a busy hall: 3 000 tickets a day for 30 days (90 000 tickets). Times
// GET /api/stats for one day and for the 30 days, and the XLSX for the 30 days. Prints JSON.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { api, startTestHall } from '../test/support/hall.js';
import { summary } from './support.js';

const DAYS = 30;
const PER_DAY = 3000;
const SERVICES = ['social-insurance', 'household', 'civil-assistance', 'elderly', 'enquiries', 'proxy'];

const hall = await startTestHall();
try {
  const first = Date.UTC(2026, 9, 1);
  await hall.server.context.db.write(async (c) => {
    const hasRef = (await c.all<{ name: string }>('PRAGMA table_info(tickets)')).some((x) => x.name === 'ref');
    for (let d = 0; d < DAYS; d++) {
      const day = new Date(first + d * 86_400_000).toISOString().slice(0, 10);
      const open = first + d * 86_400_000;
      for (let i = 0; i < PER_DAY; i++) {
        const service = SERVICES[i % SERVICES.length]!;
        const issued = open + (i * 12_000);
        const called = issued + ((i * 7919) % 40) * 60_000;
        const values = [randomUUID(), day, service, service, Math.floor(i / SERVICES.length) + 1, 'X', (['zh', 'bo', 'ug'] as const)[i % 3]!, 0, 'done', issued, issued,
          `counter-${(i % 6) + 1}`, 1, called, called, called + 10_000, called + 10_000 + ((i * 31) % 15) * 60_000];
        await c.run(
          `INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, priority, state, issued_at, queued_at, counter_id,
             call_count, first_called_at, last_called_at, started_at, finished_at${hasRef ? ', ref' : ''}) VALUES (${values.map(() => '?').join(',')}${hasRef ? ', ?' : ''})`,
          hasRef ? [...values, randomUUID()] : values,
        );
      }
    }
  });
  const last = new Date(first + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const firstDay = new Date(first).toISOString().slice(0, 10);
  const time = async (path: string, n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await fetch(hall.url + path, { headers: { Authorization: `Bearer ${hall.adminToken}` } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      ms.push(performance.now() - t0);
    }
    return summary(ms);
  };
  const oneDay = await time(`/api/stats?from=${firstDay}&to=${firstDay}`, 10);
  const month = await time(`/api/stats?from=${firstDay}&to=${last}`, 5);
  const xlsx = await time(`/api/stats.xlsx?from=${firstDay}&to=${last}`, 3);
  const check = await api<{ totals: { taken: number } }>(hall.url, 'GET', `/api/stats?from=${firstDay}&to=${last}`, hall.adminToken);
  console.log(JSON.stringify({ tickets: check.body.totals.taken, statsOneDayMs: oneDay, statsThirtyDaysMs: month, xlsxThirtyDaysMs: xlsx }));
} finally {
  await hall.stop();
}
