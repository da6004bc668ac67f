import type { Migration } from './index.js';

/**
 * What the statistics need to count a resident's whole wait across transfers (issue 19):
 * - `call_count` now keeps every call of the ticket (it used to restart at 0 on a transfer);
 *   `queue_call_count` is the calls in its current queue, for the no-show-after-N-calls rule;
 * - `requeued_at`: when the ticket last went back into a queue after being called (a transfer);
 * - `wait_ms`: the time it has waited in queues so far, summed over every wait that ended in
 *   a call (issue → first call, each transfer → next call);
 * - `clock_steps`: how many of those waits came out negative (the clock stepped back) and were
 *   counted as 0.
 * Old tickets get what their rows can tell: calls here = calls so far, wait = first call − issue.
 */
export const m0100TicketWaits: Migration = {
  version: 100,
  name: 'ticket total calls, waits across transfers, clock steps',
  async up(conn) {
    await conn.exec(`
      ALTER TABLE tickets ADD COLUMN queue_call_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN requeued_at INTEGER;
      ALTER TABLE tickets ADD COLUMN wait_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN clock_steps INTEGER NOT NULL DEFAULT 0;
      UPDATE tickets SET
        queue_call_count = call_count,
        wait_ms = CASE WHEN first_called_at IS NULL OR first_called_at < issued_at THEN 0 ELSE first_called_at - issued_at END,
        clock_steps = CASE WHEN first_called_at IS NOT NULL AND first_called_at < issued_at THEN 1 ELSE 0 END;
    `);
  },
};
