import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS, schemaVersion } from '../../electron/store/migrations/index.js';
import { PrintJobStore } from '../../electron/store/printJobStore.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

async function at10WithTicket(name: string): Promise<Database> {
  const db = await Database.open(join(tmp.dir, name));
  await migrate(db, MIGRATIONS, 10);
  await db.write(async (c) => {
    await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
    await c.run("INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at) VALUES ('t1', '2026-11-23', 's', 's', 1, 'A001', 'zh', 'issued', 0, 0)");
  });
  return db;
}

const job = { ticketId: 't1', kind: 'ticket' as const, printer: 'tcp://127.0.0.1:9100', paperWidth: 576 as const, layout: '{}', at: 5 };

describe('migration 0020 (print jobs)', () => {
  it('upgrades a version-10 file with tickets in it, keeping them', async () => {
    const db = await at10WithTicket('a.sqlite3');
    assert.equal(await migrate(db, MIGRATIONS, 20), 20);
    await db.exclusive(async (c) => assert.equal(await schemaVersion(c), 20));
    const cols = (await db.reader.all<{ name: string }>('PRAGMA table_info(print_jobs)')).map((r) => r.name);
    for (const c of ['ticket_id', 'printer', 'state', 'reason', 'attempts', 'created_at', 'updated_at', 'printed_at', 'layout']) assert.ok(cols.includes(c), c);
    assert.equal((await db.reader.get<{ n: number }>('SELECT count(*) AS n FROM tickets'))?.n, 1);
    await db.close();
  });

  it('one job per ticket; a second request returns the first job', async () => {
    const db = await at10WithTicket('b.sqlite3');
    await migrate(db);
    const store = new PrintJobStore(db);
    const a = await store.createJob(job);
    const b = await store.createJob({ ...job, at: 6 });
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(b.job.id, a.job.id);
    await assert.rejects(
      db.write((c) => c.run("INSERT INTO print_jobs (ticket_id, kind, printer, paper_width, state, layout, created_at, updated_at) VALUES ('t1', 'ticket', 'x', 576, 'queued', '{}', 1, 1)")),
      /UNIQUE/,
    );
    await db.close();
  });

  it('checks states, widths, the ticket reference and that a failure has a reason', async () => {
    const db = await at10WithTicket('c.sqlite3');
    await migrate(db);
    const bad = [
      "('t1', 'ticket', 'x', 576, 'lost', NULL, '{}', 1, 1)",
      "('t1', 'ticket', 'x', 500, 'queued', NULL, '{}', 1, 1)",
      "('t1', 'ticket', 'x', 576, 'failed', NULL, '{}', 1, 1)",
      "(NULL, 'ticket', 'x', 576, 'queued', NULL, '{}', 1, 1)",
      "('nope', 'ticket', 'x', 576, 'queued', NULL, '{}', 1, 1)",
    ];
    for (const values of bad) {
      await assert.rejects(
        db.write((c) => c.run(`INSERT INTO print_jobs (ticket_id, kind, printer, paper_width, state, reason, layout, created_at, updated_at) VALUES ${values}`)),
        /CHECK|FOREIGN KEY/,
        values,
      );
    }
    await db.close();
  });

  it('the store walks a job through its states and keeps settings', async () => {
    const db = await at10WithTicket('d.sqlite3');
    await migrate(db);
    const store = new PrintJobStore(db);
    const { job: j } = await store.createJob(job);
    assert.equal(await store.requeue('t1', 'x', 576, '{}', 7), null, 'no reprint while queued');
    await store.markFailed(j.id, 'paper_out', 8);
    assert.deepEqual({ ...(await store.get(j.id)), layout: undefined }, { ...j, state: 'failed', reason: 'paper_out', updatedAt: 8, layout: undefined });
    const again = await store.requeue('t1', 'tcp://10.0.0.9:9100', 384, '{"a":1}', 9);
    assert.equal(again?.attempts, 2);
    assert.equal(again?.state, 'queued');
    assert.equal(again?.paperWidth, 384);
    await store.markPrinted(j.id, 10);
    assert.equal((await store.get(j.id))?.printedAt, 10);
    const { job: t } = await store.createJob({ ...job, ticketId: null, kind: 'test' });
    assert.equal(await store.failInterrupted(11), 1);
    assert.equal((await store.get(t.id))?.reason, 'interrupted');
    assert.deepEqual((await store.recent(5)).map((r) => r.id), [t.id, j.id]);
    assert.equal(await store.loadSettings(), null);
    await store.saveSettings({ address: 'tcp://a:1', paperWidth: 384 });
    await store.saveSettings({ address: 'tcp://b:2', paperWidth: 576 });
    assert.deepEqual(await store.loadSettings(), { address: 'tcp://b:2', paperWidth: 576 });
    await db.close();
  });
});
