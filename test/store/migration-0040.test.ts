import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AuditStore } from '../../electron/store/auditStore.js';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0040 (audit log)', () => {
  it('adds an append-only audit log to a database at version 30', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 30);
    assert.equal(await migrate(db, MIGRATIONS, 40), 40);
    const audit = new AuditStore(db);
    await audit.append({ at: 1000, actorKind: 'staff', actorId: 's1', actorName: 'wang', action: 'setup.service.create', target: 'svc', detail: { after: { prefix: 'A' } } });
    await audit.append({ at: 2000, actorKind: 'system', actorId: null, actorName: null, action: 'export.run', target: 'b1', detail: null });
    assert.deepEqual((await audit.list({ from: 0, to: 3000, action: 'setup.' })).map((e) => e.action), ['setup.service.create']);
    assert.deepEqual((await audit.list({ from: 1500, to: 3000 })).map((e) => e.target), ['b1']);
    assert.deepEqual((await audit.list({ from: 0, to: 3000, actorId: 's1' }))[0]?.detail, { after: { prefix: 'A' } });
    await assert.rejects(db.write((c) => c.run("UPDATE audit_log SET action = 'x'")), /append-only/);
    await assert.rejects(db.write((c) => c.run('DELETE FROM audit_log')), /append-only/);
    assert.equal((await audit.list({ from: 0, to: 3000 })).length, 2);
    await db.close();
  });
});
