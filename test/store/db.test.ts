import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { join } from 'node:path';
import { Database } from '../../electron/store/db.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('database connection', () => {
  it('opens in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const db = await Database.open(join(tmp.dir, 'p.sqlite3'));
    const mode = await db.write((c) => c.get<{ journal_mode: string }>('PRAGMA journal_mode'));
    const sync = await db.write((c) => c.get<{ synchronous: number }>('PRAGMA synchronous'));
    const fk = await db.write((c) => c.get<{ foreign_keys: number }>('PRAGMA foreign_keys'));
    assert.equal(mode?.journal_mode, 'wal');
    assert.equal(sync?.synchronous, 2); // FULL
    assert.equal(fk?.foreign_keys, 1);
    await db.close();
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await Database.open(join(tmp.dir, 'r.sqlite3'));
    await db.write((c) => c.exec('CREATE TABLE x (v INTEGER)'));
    await assert.rejects(
      db.write(async (c) => {
        await c.run('INSERT INTO x VALUES (1)');
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal((await db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM x'))?.n, 0);
    // The queue goes on after a failure.
    await db.write((c) => c.run('INSERT INTO x VALUES (2)'));
    assert.equal((await db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM x'))?.n, 1);
    await db.close();
  });

  it('serializes concurrent transactions (no lost update)', async () => {
    const db = await Database.open(join(tmp.dir, 's.sqlite3'));
    await db.write((c) => c.exec('CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (0);'));
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.write(async (c) => {
          const r = await c.get<{ v: number }>('SELECT v FROM n');
          await c.run('UPDATE n SET v = ?', [(r?.v ?? 0) + 1]);
        }),
      ),
    );
    assert.equal((await db.reader.get<{ v: number }>('SELECT v FROM n'))?.v, 50);
    await db.close();
  });

  it('backs up with VACUUM INTO to a consistent copy', async () => {
    const db = await Database.open(join(tmp.dir, 'live.sqlite3'));
    await migrate(db);
    await db.write((c) => c.run("INSERT INTO settings (key, value) VALUES ('k', '\"v\"')"));
    const copy = join(tmp.dir, 'backup.sqlite3');
    await db.backupTo(copy);
    await db.close();
    const restored = await Database.open(copy);
    assert.equal((await restored.reader.get<{ value: string }>("SELECT value FROM settings WHERE key = 'k'"))?.value, '"v"');
    await restored.close();
  });

  it('refuses to open a file that is not a database', async () => {
    const bad = join(tmp.dir, 'garbage.sqlite3');
    writeFileSync(bad, Buffer.alloc(8192, 7));
    await assert.rejects(Database.open(bad));
  });
});
