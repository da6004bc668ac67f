import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0100 (ticket waits)', () => {
  it('adds the queue call count, re-queue time, wait and clock steps, filled from what old rows tell', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 90);
    await db.write(async (c) => {
      await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
      const add = (id: string, n: number, state: string, calls: number, called: number | null) =>
        c.run(
          `INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at, call_count, first_called_at, ref)
           VALUES (?, '2026-11-23', 's', 's', ?, ?, 'bo', ?, 1000, 1000, ?, ?, ?)`,
          [id, n, `A00${n}`, state, calls, called, `ref${n}`],
        );
      await add('t1', 1, 'done', 2, 31_000);
      await add('t2', 2, 'issued', 0, null);
      await add('t3', 3, 'called', 1, 400); // the clock had stepped back
    });
    assert.ok((await migrate(db, MIGRATIONS, 100)) >= 100);
    const rows = await db.reader.all<{ id: string; call_count: number; queue_call_count: number; requeued_at: number | null; wait_ms: number; clock_steps: number }>(
      'SELECT id, call_count, queue_call_count, requeued_at, wait_ms, clock_steps FROM tickets ORDER BY id',
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.call_count, r.queue_call_count, r.requeued_at, r.wait_ms, r.clock_steps]),
      [
        ['t1', 2, 2, null, 30_000, 0],
        ['t2', 0, 0, null, 0, 0],
        ['t3', 1, 1, null, 0, 1],
      ],
    );
    // A new row gets the defaults.
    await db.write((c) =>
      c.run(`INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at, ref)
             VALUES ('t4', '2026-11-23', 's', 's', 4, 'A004', 'zh', 'issued', 0, 0, 'ref4')`),
    );
    const t4 = await db.reader.get<{ queue_call_count: number; wait_ms: number; clock_steps: number }>("SELECT * FROM tickets WHERE id = 't4'");
    assert.deepEqual([t4?.queue_call_count, t4?.wait_ms, t4?.clock_steps], [0, 0, 0]);
    await db.close();
  });
});
