import type { Migration } from './index.js';

/**
 * callNext needs only the head of each (service, priority, language, target counter) group of
 * waiting tickets. This partial index holds exactly the waiting tickets in that order, so each
 * head is one index seek instead of a sort of the whole day's queue.
 */
export const m0030QueueHeadIndex: Migration = {
  version: 30,
  name: 'index for the head of each waiting group',
  async up(conn) {
    await conn.exec(`
      CREATE INDEX tickets_queue_heads
        ON tickets (day, service_id, priority, language, IFNULL(target_counter_id, ''), queued_at, id)
        WHERE state IN ('issued', 'transferred');
    `);
  },
};
