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
