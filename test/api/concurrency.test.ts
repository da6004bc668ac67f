// 20 counters calling next at once on 500 waiting tickets: each ticket is called exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { Database } from '../../electron/store/db.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';

let hall: TestHall;
before(async () => {
  hall = await startTestHall();
});
after(() => hall.stop());

describe('concurrent calling', () => {
  it('20 counters, 500 tickets, every ticket called exactly once', async () => {
    const ctx = hall.server.context;
    // 14 more counters serving everything, beside the demo's 6.
    const services = await ctx.store.reads.listServices();
    await ctx.store.write(async (tx) => {
      for (let n = 7; n <= 20; n++) {
        await tx.saveCounter({
          id: `counter-${n}`, number: n, names: { zh: `${n}号窗口`, bo: `སྒེའུ་ཁུང་ ${n}`, ug: `${n}-كۆزنەك` },
          services: services.map((s) => ({ serviceId: s.id, weight: 1 })), state: 'closed', staffId: null, languages: [], currentTicketId: null,
        });
      }
    });
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const r = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, {
        serviceId: services[i % services.length]!.id,
        language: (['zh', 'bo', 'ug'] as const)[i % 3],
        priority: i % 17 === 0,
      });
      assert.equal(r.status, 201);
      ids.push(r.body.id);
    }
    const tokens: string[] = [];
    for (let n = 1; n <= 20; n++) {
      const staff = await ctx.auth.createStaff(`clerk${n}`, 'clerk-password', 'staff');
      assert.ok(staff);
      const l = await ctx.auth.login(`clerk${n}`, 'clerk-password');
      assert.ok(l.ok);
      tokens.push(l.token);
      assert.equal((await api(hall.url, 'POST', `/api/counters/counter-${n}/open`, l.token, { languages: ['zh', 'bo', 'ug'] })).status, 200);
    }
    const calledBy = new Map<string, number>();
    await Promise.all(
      tokens.map(async (token, i) => {
        const counter = `counter-${i + 1}`;
        for (;;) {
          const r = await api<{ ticket: { id: string } }>(hall.url, 'POST', `/api/counters/${counter}/call-next`, token);
          if (r.status === 204) return;
          assert.equal(r.status, 200, JSON.stringify(r.body));
          const id = r.body.ticket.id;
          assert.equal(calledBy.has(id), false, `ticket ${id} called twice`);
          calledBy.set(id, i + 1);
          assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/start`, token)).status, 200);
          assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/finish`, token)).status, 200);
        }
      }),
    );
    assert.equal(calledBy.size, 500);
    for (const id of ids) assert.ok(calledBy.has(id));
    assert.ok(new Set(calledBy.values()).size > 10, 'the work was spread over many counters');
    const db = await Database.open(join(hall.dataDir, 'hall.sqlite3'));
    const calls = await db.reader.all<{ ticket_id: string; n: number }>("SELECT ticket_id, COUNT(*) AS n FROM ticket_events WHERE verb = 'call' GROUP BY ticket_id");
    await db.close();
    assert.equal(calls.length, 500);
    assert.ok(calls.every((c) => c.n === 1));
  });
});
