import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';

const tmp = { dir: mkdtempSync(join(tmpdir(), 'hall-m60-')) };
after(() => rmSync(tmp.dir, { recursive: true, force: true }));

async function indexNames(db: Database, table: string): Promise<string[]> {
  const rows = await db.reader.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`, [table]);
  return rows.map((r) => r.name);
}

describe('migration 0060 (export, expired tickets)', () => {
  it('widens the tickets state CHECK in place, keeping rows, indexes and foreign keys', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 50);
    await db.write(async (c) => {
      await c.run(`INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')`);
      await c.run(`INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at)
                   VALUES ('t1', '2026-12-01', 's', 's', 1, 'A001', 'bo', 'issued', 1, 1)`);
      await c.run(`INSERT INTO ticket_events (ticket_id, at, verb) VALUES ('t1', 1, 'issue')`);
    });
    const before = await indexNames(db, 'tickets');
    await assert.rejects(db.write((c) => c.run(`UPDATE tickets SET state = 'expired'`)), /CHECK/);

    assert.equal(await migrate(db, MIGRATIONS, 60), 60);
    await db.write((c) => c.run(`UPDATE tickets SET state = 'expired', exported_at = NULL WHERE id = 't1'`));
    assert.equal((await db.reader.get<{ state: string }>(`SELECT state FROM tickets WHERE id = 't1'`))?.state, 'expired');
    // Still refuses a state nobody knows.
    await assert.rejects(db.write((c) => c.run(`UPDATE tickets SET state = 'lost'`)), /CHECK/);
    // Foreign keys into tickets still hold.
    await assert.rejects(db.write((c) => c.run(`INSERT INTO ticket_events (ticket_id, at, verb) VALUES ('nope', 1, 'x')`)), /FOREIGN KEY/);
    assert.deepEqual((await indexNames(db, 'tickets')).filter((n) => n !== 'tickets_unexported'), before);
    assert.ok(before.includes('tickets_queue_heads') && before.includes('tickets_waiting'));

    const integrity = await db.reader.get<{ integrity_check: string }>('PRAGMA integrity_check');
    assert.equal(integrity?.integrity_check, 'ok');
    assert.deepEqual(await db.reader.all('PRAGMA foreign_key_check'), []);

    // The lock row exists once; a batch's records cannot be in two batches.
    assert.deepEqual(await db.reader.all('SELECT id, holder FROM export_lock'), [{ id: 1, holder: null }]);
    await db.write(async (c) => {
      await c.run(`INSERT INTO export_batches (id, created_at, status) VALUES ('b1', 1, 'delivered'), ('b2', 2, 'building')`);
      await c.run(`INSERT INTO export_batch_records (batch_id, kind, record_id) VALUES ('b1', 'ticket', 't1')`);
    });
    await assert.rejects(db.write((c) => c.run(`INSERT INTO export_batch_records (batch_id, kind, record_id) VALUES ('b2', 'ticket', 't1')`)), /UNIQUE/);
    // Only one batch may be open at a time.
    await assert.rejects(db.write((c) => c.run(`INSERT INTO export_batches (id, created_at, status) VALUES ('b3', 3, 'built')`)), /UNIQUE/);
    await db.close();

    // A fresh connection (new schema parse) sees the same.
    const again = await Database.open(join(tmp.dir, 'a.sqlite3'));
    assert.equal((await again.reader.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
    await again.close();
  });
});
