import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0030 (queue-head index)', () => {
  it('adds the partial index on a database at version 20, keeping its tickets', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 20);
    await db.write(async (c) => {
      await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
      await c.run("INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at) VALUES ('t1', '2026-11-23', 's', 's', 1, 'A001', 'bo', 'issued', 0, 0)");
    });
    assert.equal(await migrate(db, MIGRATIONS, 30), 30);
    const index = await db.reader.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'tickets_queue_heads'");
    assert.match(index?.sql ?? '', /WHERE state IN \('issued', 'transferred'\)/);
    assert.equal((await db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets'))?.n, 1);
    await db.close();
  });

  it('is what the head-of-group lookup uses', async () => {
    const db = await Database.open(join(tmp.dir, 'b.sqlite3'));
    await migrate(db, MIGRATIONS, 30);
    const plan = await db.reader.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT id FROM tickets
       WHERE day = '2026-11-23' AND state IN ('issued', 'transferred') AND service_id = 's' AND priority = 0 AND language = 'zh'
         AND IFNULL(target_counter_id, '') = '' ORDER BY queued_at, id LIMIT 1`,
    );
    assert.ok(plan.some((p) => p.detail.includes('tickets_queue_heads')), JSON.stringify(plan));
    await db.close();
  });
});
