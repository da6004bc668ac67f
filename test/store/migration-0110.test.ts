import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0110 (data key rotations and backups)', () => {
  it('adds the rotation and backup tables; at most one rotation is open at a time', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 90);
    assert.equal(await migrate(db, MIGRATIONS, 110), 110);
    await db.write((c) => c.run(`INSERT INTO data_key_rotations (from_key_ids, to_key_id, started_at) VALUES ('["k1-a"]', 'k1-b', 1)`));
    await assert.rejects(db.write((c) => c.run(`INSERT INTO data_key_rotations (from_key_ids, to_key_id, started_at) VALUES ('["k1-b"]', 'k1-c', 2)`)), /UNIQUE/);
    await db.write((c) => c.run('UPDATE data_key_rotations SET finished_at = 3'));
    await db.write((c) => c.run(`INSERT INTO data_key_rotations (from_key_ids, to_key_id, started_at) VALUES ('["k1-b"]', 'k1-c', 4)`));
    await db.write((c) => c.run(`INSERT INTO data_key_backups (key_id, protection, file_sha256, made_at) VALUES ('k1-c', 'passphrase', 'ab', 5)`));
    await assert.rejects(db.write((c) => c.run(`INSERT INTO data_key_backups (key_id, protection, file_sha256, made_at) VALUES ('k1-c', 'plain', 'ab', 5)`)), /CHECK/);
    assert.equal((await db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM data_key_rotations'))?.n, 2);
    await db.close();
  });
});
