import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { join } from 'node:path';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS, schemaVersion, type Migration } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0010 (initial schema)', () => {
  it('creates the tables on an empty file and sets user_version', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    assert.equal(await migrate(db, MIGRATIONS, 10), 10);
    const tables = (await db.reader.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => r.name);
    for (const t of ['services', 'counters', 'counter_services', 'tickets', 'ticket_events', 'staff', 'sessions', 'devices', 'settings', 'login_failures', 'idempotency_keys']) {
      assert.ok(tables.includes(t), `missing table ${t}`);
    }
    await db.exclusive(async (c) => assert.equal(await schemaVersion(c), 10));
    await db.close();
  });

  it('enforces one number per service and day', async () => {
    const db = await Database.open(join(tmp.dir, 'b.sqlite3'));
    await migrate(db, MIGRATIONS, 10);
    await db.write(async (c) => {
      await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
      await c.run("INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at) VALUES ('t1', '2026-11-23', 's', 's', 1, 'A001', 'zh', 'issued', 0, 0)");
    });
    await assert.rejects(
      db.write((c) => c.run("INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at) VALUES ('t2', '2026-11-23', 's', 's', 1, 'A001', 'zh', 'issued', 0, 0)")),
      /UNIQUE/,
    );
    await db.close();
  });

  it('is applied once: running migrate again changes nothing', async () => {
    const db = await Database.open(join(tmp.dir, 'c.sqlite3'));
    await migrate(db);
    const v = await migrate(db);
    assert.equal(v, Math.max(...MIGRATIONS.map((m) => m.version)));
    await db.close();
  });

  it('a failing migration leaves the database at the previous version', async () => {
    const db = await Database.open(join(tmp.dir, 'd.sqlite3'));
    const broken: Migration = {
      version: 9999,
      name: 'broken',
      async up(c) {
        await c.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    await migrate(db, MIGRATIONS, 10);
    await assert.rejects(migrate(db, [...MIGRATIONS.filter((m) => m.version <= 10), broken]), /boom/);
    await db.exclusive(async (c) => assert.equal(await schemaVersion(c), 10));
    const t = await db.reader.get("SELECT name FROM sqlite_master WHERE name = 'half_done'");
    assert.equal(t, undefined);
    await db.close();
  });

  it('refuses a database from a newer build', async () => {
    const db = await Database.open(join(tmp.dir, 'e.sqlite3'));
    await db.exclusive((c) => c.exec('PRAGMA user_version = 999999'));
    await assert.rejects(migrate(db), /newer Hall Kiosk/);
    await db.close();
  });
});
