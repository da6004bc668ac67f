import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { SqliteHallStore } from '../../electron/store/hallStore.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0080 (admin setup)', () => {
  it('adds icon and weekly hours to services, keeping existing services open as before', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 50);
    await db.write((c) =>
      c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug, open_from, open_to) VALUES ('s', 'A', '甲', 'ཀ', 'ئا', '08:30', '17:30')"),
    );
    assert.ok((await migrate(db, MIGRATIONS, 80)) >= 80);
    const store = new SqliteHallStore(db);
    const before = (await store.reads.listServices())[0]!;
    assert.equal(before.icon, null);
    assert.equal(before.hours, null);
    assert.equal(before.openFrom, '08:30');

    const hours = { mon: [['08:30', '12:00'], ['14:00', '17:30']] as [string, string][], sat: [] };
    await store.write((tx) => tx.saveService({ ...before, icon: 'bus', hours }));
    const after1 = (await store.reads.listServices())[0]!;
    assert.equal(after1.icon, 'bus');
    assert.deepEqual(after1.hours, hours);

    // The column refuses text that is not JSON, whatever the code above does.
    await assert.rejects(db.write((c) => c.run("UPDATE services SET hours = 'mon 8-12' WHERE id = 's'")), /CHECK/);
    // Counters keep the languages of their usual staff; existing counters start with none.
    await db.write((c) => c.run("INSERT INTO counters (id, number, name_zh, name_bo, name_ug) VALUES ('c1', 1, '1', '1', '1')"));
    const counter = (await store.reads.listCounters())[0]!;
    assert.deepEqual(counter.usualLanguages, []);
    await store.write((tx) => tx.saveCounter({ ...counter, usualLanguages: ['bo', 'zh'] }));
    assert.deepEqual((await store.reads.listCounters())[0]!.usualLanguages, ['bo', 'zh']);
    await assert.rejects(db.write((c) => c.run("UPDATE counters SET usual_languages = 'bo' WHERE id = 'c1'")), /CHECK/);
    const idx = await db.reader.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'audit_log_actor'");
    assert.equal(idx.length, 1);
    await db.close();
  });
});
