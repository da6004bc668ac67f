import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Language } from '../../electron/core/model.js';
import { canServe, peopleAhead, pickNext, type CallingCounter, type QueueCandidate } from '../../electron/core/queueOrder.js';

const counter = (languages: Language[], services: [string, number][] = [['A', 1], ['B', 1]], id = 'c1'): CallingCounter => ({
  id,
  languages,
  services: services.map(([serviceId, weight]) => ({ serviceId, weight })),
});

let seq = 0;
const t = (over: Partial<QueueCandidate> = {}): QueueCandidate => ({
  id: `t${String(++seq).padStart(4, '0')}`,
  serviceId: 'A',
  language: 'zh',
  priority: false,
  queuedAt: 1000 + seq,
  number: seq,
  state: 'issued',
  targetCounterId: null,
  ...over,
});

describe('calling rule', () => {
  it('calls in arrival order when nothing else differs', () => {
    const a = t({ queuedAt: 10 });
    const b = t({ queuedAt: 5 });
    assert.equal(pickNext(counter(['zh']), [a, b]), b);
  });

  it('puts priority (绿色通道) before everything else', () => {
    const early = t({ queuedAt: 1, language: 'zh' });
    const prio = t({ queuedAt: 99, language: 'ug', priority: true });
    assert.equal(pickNext(counter(['zh']), [early, prio]), prio);
  });

  it('prefers tickets in a language the staff speak, over earlier arrival', () => {
    const zh = t({ queuedAt: 1, language: 'zh' });
    const bo = t({ queuedAt: 50, language: 'bo' });
    assert.equal(pickNext(counter(['bo']), [zh, bo]), bo);
    assert.equal(pickNext(counter(['zh']), [zh, bo]), zh);
  });

  it('uses the counter weight of the service after language', () => {
    const a = t({ serviceId: 'A', queuedAt: 1 });
    const b = t({ serviceId: 'B', queuedAt: 2 });
    assert.equal(pickNext(counter(['zh'], [['A', 1], ['B', 5]]), [a, b]), b);
    assert.equal(pickNext(counter(['zh'], [['A', 5], ['B', 1]]), [a, b]), a);
  });

  it('never calls a ticket of a service the counter does not serve', () => {
    const c = t({ serviceId: 'C' });
    assert.equal(pickNext(counter(['zh']), [c]), null);
  });

  it('skips tickets that are not waiting', () => {
    assert.equal(pickNext(counter(['zh']), [t({ state: 'called' }), t({ state: 'done' })]), null);
    const transferred = t({ state: 'transferred' });
    assert.equal(pickNext(counter(['zh']), [transferred]), transferred);
  });

  it('keeps a transferred ticket in its original place', () => {
    const transferred = t({ state: 'transferred', serviceId: 'B', queuedAt: 1 });
    const later = t({ serviceId: 'B', queuedAt: 2 });
    assert.equal(pickNext(counter(['zh']), [later, transferred]), transferred);
  });

  it('gives a ticket transferred to a counter only to that counter', () => {
    const x = t({ state: 'transferred', targetCounterId: 'c2', serviceId: 'Z' });
    assert.equal(canServe(counter(['zh'], [['Z', 1]], 'c1'), x), false);
    assert.equal(canServe(counter(['zh'], [], 'c2'), x), true);
  });

  it('is a total order: same queuedAt falls back to id', () => {
    const a = t({ id: 'b', queuedAt: 7 });
    const b = t({ id: 'a', queuedAt: 7 });
    assert.equal(pickNext(counter(['zh']), [a, b]), b);
    assert.equal(pickNext(counter(['zh']), [b, a]), b);
  });
});

describe('people ahead', () => {
  it('counts earlier tickets of the same service and every priority ticket', () => {
    const me = t({ queuedAt: 10 });
    const list = [t({ queuedAt: 1 }), t({ queuedAt: 20 }), t({ queuedAt: 30, priority: true }), t({ queuedAt: 2, serviceId: 'B' }), me];
    assert.equal(peopleAhead(me, list), 2);
  });

  it('a priority ticket waits only for earlier priority tickets', () => {
    const me = t({ queuedAt: 10, priority: true });
    assert.equal(peopleAhead(me, [t({ queuedAt: 1 }), t({ queuedAt: 5, priority: true }), me]), 1);
  });
});

describe('ageing limit (HallPolicy.agingMinutes)', () => {
  const MIN = 60_000;
  const t0 = 1_000_000_000;
  const limit = 20;
  // A ug resident arrives first; zh residents keep arriving after them.
  const ug = () => t({ language: 'ug', queuedAt: t0 });
  const zhStream = () => [t({ language: 'zh', queuedAt: t0 + 5 * MIN }), t({ language: 'zh', queuedAt: t0 + 19 * MIN })];

  it('a ug ticket is not called by a zh-only counter before the limit while zh tickets wait', () => {
    const u = ug();
    const zh = zhStream();
    const next = pickNext(counter(['zh']), [u, ...zh], { now: t0 + 19 * MIN + 59_000, limitMinutes: limit });
    assert.equal(next, zh[0]);
  });

  it('a ug ticket waiting past the limit is called by a zh-only counter', () => {
    const u = ug();
    const next = pickNext(counter(['zh']), [...zhStream(), u], { now: t0 + limit * MIN, limitMinutes: limit });
    assert.equal(next, u);
  });

  it('ageing lifts only the language preference: priority still comes first', () => {
    const u = ug();
    const prio = t({ language: 'zh', priority: true, queuedAt: t0 + 25 * MIN });
    assert.equal(pickNext(counter(['zh']), [u, prio], { now: t0 + 30 * MIN, limitMinutes: limit }), prio);
  });

  it('among aged tickets the longest-waiting comes first, regardless of weight', () => {
    const older = t({ serviceId: 'A', language: 'bo', queuedAt: t0 });
    const newer = t({ serviceId: 'B', language: 'zh', queuedAt: t0 + MIN });
    const c = counter(['zh'], [['A', 1], ['B', 9]]);
    assert.equal(pickNext(c, [newer, older], { now: t0 + 40 * MIN, limitMinutes: limit }), older);
    // Before either is aged, language and weight decide.
    assert.equal(pickNext(c, [newer, older], { now: t0 + 2 * MIN, limitMinutes: limit }), newer);
  });

  it('an aged ticket is still only called by a counter serving its service', () => {
    const u = t({ serviceId: 'C', language: 'ug', queuedAt: t0 });
    assert.equal(pickNext(counter(['zh']), [u], { now: t0 + 60 * MIN, limitMinutes: limit }), null);
  });

  it('without the aging argument (or a limit of 0) the old rule holds', () => {
    const u = ug();
    const zh = zhStream();
    assert.equal(pickNext(counter(['zh']), [u, ...zh]), zh[0]);
    assert.equal(pickNext(counter(['zh']), [u, ...zh], { now: t0 + 99 * MIN, limitMinutes: 0 }), zh[0]);
  });
});
