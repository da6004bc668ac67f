import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../electron/core/errors.js';
import {
  allowedVerbs,
  callTicket,
  cancelTicket,
  expireTicket,
  finishTicket,
  markNoShow,
  recallTicket,
  startTicket,
  transferTicket,
  TRANSITIONS,
  type TicketVerb,
} from '../../electron/core/lifecycle.js';
import { DEFAULT_POLICY, FINAL_STATES, TICKET_STATES, type Ticket, type TicketState } from '../../electron/core/model.js';

const base: Ticket = {
  id: 't1', day: '2026-11-23', serviceId: 'A', issuedServiceId: 'A', number: 1, code: 'A001', language: 'bo',
  priority: false, kioskId: null, state: 'issued', issuedAt: 0, queuedAt: 0, targetCounterId: null, counterId: null,
  callCount: 0, queueCallCount: 0, requeuedAt: null, waitMs: 0, clockSteps: 0,
  firstCalledAt: null, lastCalledAt: null, startedAt: null, finishedAt: null,
};
const policy = { ...DEFAULT_POLICY, recallGapSeconds: 30, noShowAfterCalls: 2 };

const apply: Record<TicketVerb, (t: Ticket) => Ticket> = {
  call: (t) => callTicket(t, 'c1', 1_000_000),
  recall: (t) => recallTicket(t, policy, 1_000_000 + 999_999),
  start: (t) => startTicket(t, 5),
  finish: (t) => finishTicket(t, 6),
  noShow: (t) => markNoShow({ ...t, callCount: 5, queueCallCount: 5 }, policy, 7),
  cancel: (t) => cancelTicket(t, 8),
  transfer: (t) => transferTicket(t, { serviceId: 'B' }, 10),
  expire: (t) => expireTicket(t, 9),
};

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.code;
  }
  return 'no error';
}

describe('ticket lifecycle', () => {
  it('goes issued → called → serving → done', () => {
    let t = callTicket(base, 'c1', 100);
    assert.equal(t.state, 'called');
    assert.equal(t.callCount, 1);
    assert.equal(t.firstCalledAt, 100);
    t = startTicket(t, 200);
    assert.equal(t.state, 'serving');
    t = finishTicket(t, 300);
    assert.deepEqual([t.state, t.startedAt, t.finishedAt], ['done', 200, 300]);
  });

  it('refuses every transition the table does not list, with ILLEGAL_TRANSITION', () => {
    let refused = 0;
    for (const state of TICKET_STATES) {
      for (const verb of Object.keys(apply) as TicketVerb[]) {
        const t = { ...base, state: state as TicketState, counterId: 'c1', lastCalledAt: 0 };
        if (TRANSITIONS[state][verb]) {
          assert.equal(apply[verb](t).state, TRANSITIONS[state][verb], `${state} --${verb}`);
        } else {
          assert.equal(code(() => apply[verb](t)), 'ILLEGAL_TRANSITION', `${state} --${verb}`);
          refused++;
        }
      }
    }
    assert.ok(refused > 20);
  });

  it('final states allow nothing', () => {
    for (const s of ['done', 'no_show', 'cancelled', 'expired'] as const) assert.deepEqual(allowedVerbs(s), []);
  });

  it('the day’s close expires waiting, called and served tickets, and nothing final', () => {
    for (const s of ['issued', 'transferred', 'called', 'serving'] as const) {
      const t = expireTicket({ ...base, state: s }, 42);
      assert.equal(t.state, 'expired');
      assert.equal(t.finishedAt, 42);
      assert.ok(FINAL_STATES.includes(t.state));
    }
    for (const s of ['done', 'no_show', 'cancelled', 'expired'] as const) {
      assert.equal(code(() => expireTicket({ ...base, state: s }, 42)), 'ILLEGAL_TRANSITION');
    }
  });

  it('recall needs the minimum gap', () => {
    const called = callTicket(base, 'c1', 10_000);
    assert.equal(code(() => recallTicket(called, policy, 10_000 + 29_000)), 'RECALL_TOO_SOON');
    const again = recallTicket(called, policy, 10_000 + 30_000);
    assert.equal(again.callCount, 2);
    assert.equal(again.lastCalledAt, 40_000);
  });

  it('no-show only after the configured number of calls', () => {
    const once = callTicket(base, 'c1', 0);
    assert.equal(code(() => markNoShow(once, policy, 1)), 'NO_SHOW_TOO_EARLY');
    const twice = recallTicket(once, policy, 60_000);
    assert.equal(markNoShow(twice, policy, 61_000).state, 'no_show');
  });

  it('transfer keeps the queue place and the total calls, and restarts the calls in the queue', () => {
    const called = recallTicket(callTicket({ ...base, queuedAt: 42 }, 'c1', 0), policy, 60_000);
    const moved = transferTicket(called, { serviceId: 'B' }, 70_000);
    assert.deepEqual(
      [moved.state, moved.serviceId, moved.queuedAt, moved.callCount, moved.queueCallCount, moved.counterId, moved.requeuedAt],
      ['transferred', 'B', 42, 2, 0, null, 70_000],
    );
    assert.equal(moved.issuedServiceId, 'A');
    assert.equal(code(() => transferTicket(called, {}, 70_000)), 'SAME_TARGET');
    // The new counter must call it twice again before a no-show.
    const there = callTicket(moved, 'c2', 100_000);
    assert.equal(code(() => markNoShow(there, policy, 100_001)), 'NO_SHOW_TOO_EARLY');
    assert.equal(there.callCount, 3);
  });

  it('wait sums issue → first call and each transfer → next call; recalls add nothing', () => {
    const first = callTicket({ ...base, issuedAt: 1_000 }, 'c1', 11_000); // 10 s
    const again = recallTicket(first, policy, 50_000);
    assert.equal(again.waitMs, 10_000);
    const moved = transferTicket(again, { serviceId: 'B' }, 60_000);
    // Moved again before anyone called it: the wait goes on from the first transfer.
    const movedAgain = transferTicket(moved, { serviceId: 'C' }, 65_000);
    assert.equal(movedAgain.requeuedAt, 60_000);
    const there = callTicket(movedAgain, 'c2', 90_000); // + 30 s
    assert.deepEqual([there.waitMs, there.clockSteps, there.firstCalledAt], [40_000, 0, 11_000]);
  });

  it('a clock that stepped back counts the wait as 0 and counts the step', () => {
    const t = callTicket({ ...base, issuedAt: 100_000 }, 'c1', 40_000);
    assert.deepEqual([t.waitMs, t.clockSteps], [0, 1]);
  });

  it('a ticket transferred to a counter can be called only there', () => {
    const moved = transferTicket(callTicket(base, 'c1', 0), { counterId: 'c2' }, 1);
    assert.equal(code(() => callTicket(moved, 'c3', 1)), 'NOT_AT_THIS_COUNTER');
    assert.equal(callTicket(moved, 'c2', 1).state, 'called');
  });
});
