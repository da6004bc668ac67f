import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { HallDeps, HallEvent } from '../../electron/core/ports.js';
import { callNext } from '../../electron/core/usecases/callTickets.js';
import { openCounter } from '../../electron/core/usecases/counterActions.js';
import { issueTicket } from '../../electron/core/usecases/issueTicket.js';
import { finish, start, transfer } from '../../electron/core/usecases/ticketActions.js';
import { DEMO_COUNTERS, DEMO_SERVICES, seedDemoHall } from '../../electron/server/demoHall.js';
import { AuthStore } from '../../electron/store/authStore.js';
import { Database } from '../../electron/store/db.js';
import { peopleAhead, pickNext } from '../../electron/core/queueOrder.js';
import { hallDay } from '../../electron/core/numbering.js';
import { SqliteHallStore } from '../../electron/store/hallStore.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
let db: Database;
let deps: HallDeps;
let now = Date.UTC(2026, 10, 23, 2, 0); // 10:00 in Shanghai
const events: HallEvent[] = [];
let n = 0;

before(async () => {
  db = await Database.open(join(tmp.dir, 'hall.sqlite3'));
  await migrate(db);
  const store = new SqliteHallStore(db);
  await seedDemoHall(store);
  await new AuthStore(db).insertStaff({ id: 'staff-1', username: 'amina', passwordHash: 'x', role: 'admin', active: true, createdAt: 0 });
  deps = { store, clock: { now: () => now }, ids: { newId: () => `id-${++n}` }, events: { publish: (e) => events.push(e) } };
});
after(async () => {
  await db.close();
  tmp.remove();
});

const staff = { staffId: 'staff-1', role: 'admin' as const };

describe('SQLite hall store through the use cases', () => {
  it('seeds the demo hall once, in three scripts', async () => {
    const services = await deps.store.reads.listServices();
    assert.equal(services.length, DEMO_SERVICES.length);
    for (const s of services) for (const l of ['zh', 'bo', 'ug'] as const) assert.ok(s.names[l].length > 0);
    assert.equal((await deps.store.reads.listCounters()).length, DEMO_COUNTERS.length);
    assert.equal(await seedDemoHall(deps.store as SqliteHallStore), false);
  });

  it('numbers per service per day and restarts the next day', async () => {
    const a1 = await issueTicket(deps, { serviceId: 'social-insurance', language: 'zh', priority: false, kioskId: null });
    const a2 = await issueTicket(deps, { serviceId: 'social-insurance', language: 'bo', priority: false, kioskId: null });
    const b1 = await issueTicket(deps, { serviceId: 'household', language: 'ug', priority: false, kioskId: null });
    assert.deepEqual([a1.ticket.code, a2.ticket.code, b1.ticket.code], ['A001', 'A002', 'B001']);
    assert.equal(a2.info.ahead, 1);
    now += 24 * 3600_000;
    const next = await issueTicket(deps, { serviceId: 'social-insurance', language: 'zh', priority: false, kioskId: null });
    assert.equal(next.ticket.code, 'A001');
    assert.notEqual(next.ticket.day, a1.ticket.day);
  });

  it('replays an idempotency key instead of issuing twice', async () => {
    const req = { serviceId: 'elderly', language: 'bo' as const, priority: true, kioskId: null, idempotencyKey: 'tap-session-1' };
    const [x, y] = await Promise.all([issueTicket(deps, req), issueTicket(deps, req)]);
    assert.equal(x.ticket.id, y.ticket.id);
    assert.equal([x.replayed, y.replayed].filter(Boolean).length, 1);
  });

  it('round-trips a ticket through call, start, transfer and finish with live service times', async () => {
    now += 24 * 3600_000; // a fresh day: only this test's ticket waits
    await openCounter(deps, 'counter-1', staff, ['zh']);
    const { ticket } = await issueTicket(deps, { serviceId: 'social-insurance', language: 'zh', priority: false, kioskId: null });
    const called = await callNext(deps, 'counter-1', staff);
    assert.ok(called);
    assert.equal(called.ticket.id, ticket.id);
    now += 1000;
    await start(deps, called.ticket.id, staff);
    const moved = await transfer(deps, called.ticket.id, staff, { serviceId: 'enquiries' });
    assert.equal(moved.state, 'transferred');
    assert.equal(moved.queuedAt, called.ticket.queuedAt);
    const again = await callNext(deps, 'counter-1', staff);
    assert.ok(again);
    await start(deps, again.ticket.id, staff);
    now += 4 * 60_000;
    const done = await finish(deps, again.ticket.id, staff);
    assert.equal(done.state, 'done');
    assert.deepEqual(await deps.store.reads.recentServiceDurations('enquiries', 5), [4 * 60_000]);
    const stored = await deps.store.reads.getTicket(ticket.id);
    assert.ok(stored);
    assert.equal(stored.state, 'done');
    const counter = await deps.store.reads.getCounter('counter-1');
    assert.equal(counter?.currentTicketId, null);
  });

  it('counts people ahead in SQL exactly as the pure rule does', async () => {
    now += 24 * 3600_000;
    const issued = [];
    for (let i = 0; i < 30; i++) {
      const r = await issueTicket(deps, { serviceId: i % 4 === 0 ? 'household' : 'proxy', language: 'zh', priority: i % 5 === 0, kioskId: null });
      issued.push(r.ticket);
      if (i % 3 === 0) now += 1000; // several tickets share a millisecond
    }
    const waiting = await deps.store.reads.waitingTickets(issued[0]!.day);
    for (const t of issued) assert.equal(await deps.store.reads.countAhead(t), peopleAhead(t, waiting), t.code);
  });

  it('call candidates always contain the ticket the rule would pick from the whole queue', async () => {
    now += 24 * 3600_000;
    const langs = ['zh', 'bo', 'ug'] as const;
    const services = ['household', 'proxy', 'elderly'];
    for (let i = 0; i < 60; i++) {
      await issueTicket(deps, { serviceId: services[i % 3]!, language: langs[(i * 7) % 3]!, priority: i % 11 === 0, kioskId: null });
      if (i % 4 === 0) now += 500;
    }
    const day = hallDay(now, 'Asia/Shanghai');
    const all = await deps.store.write(async (tx) => ({ waiting: await tx.waitingTickets(day), candidates: await tx.callCandidates(day) }));
    assert.ok(all.candidates.length < all.waiting.length);
    const counters = [
      { id: 'x', languages: ['bo'] as ('zh' | 'bo' | 'ug')[], services: [{ serviceId: 'household', weight: 1 }, { serviceId: 'proxy', weight: 3 }] },
      { id: 'y', languages: ['ug', 'zh'] as ('zh' | 'bo' | 'ug')[], services: [{ serviceId: 'elderly', weight: 2 }, { serviceId: 'household', weight: 2 }] },
      { id: 'z', languages: [] as ('zh' | 'bo' | 'ug')[], services: services.map((serviceId) => ({ serviceId, weight: 1 })) },
    ];
    for (const c of counters) assert.equal(pickNext(c, all.candidates)?.id, pickNext(c, all.waiting)?.id, c.id);
  });
});
