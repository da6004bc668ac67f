import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { FormStore } from '../../electron/store/formStore.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { SubmissionStore } from '../../electron/store/submissionStore.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

const def = (version: number) => ({
  id: 'f',
  version,
  serviceId: 's',
  title: { zh: '表', bo: 'རེའུ་མིག', ug: 'جەدۋەل' },
  allowWithoutTicket: false,
  fields: [],
});

describe('migration 0050 (forms)', () => {
  it('adds form definitions, submissions and services.form_id to a database at version 40', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 40);
    await db.write(async (c) => {
      await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
      await c.run("INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, state, issued_at, queued_at) VALUES ('t1', '2026-11-23', 's', 's', 1, 'A001', 'bo', 'issued', 0, 0)");
    });
    assert.equal(await migrate(db, MIGRATIONS, 50), 50);
    // The existing service keeps its row and has no form yet.
    assert.deepEqual(await db.reader.get('SELECT id, form_id FROM services'), { id: 's', form_id: null });

    const forms = new FormStore(db);
    await forms.write(async (tx) => {
      await tx.insert(def(1), 1000, 'admin');
      await tx.insert(def(2), 2000, 'admin');
    });
    assert.deepEqual((await forms.reads.listActive()).map((f) => f.version), [2]);
    await forms.write((tx) => tx.setActive('f', 2, false));
    assert.deepEqual((await forms.reads.listActive()).map((f) => f.version), [1]);
    assert.deepEqual((await forms.reads.listAll()).map((f) => [f.version, f.active]), [[2, false], [1, true]]);
    await assert.rejects(forms.write((tx) => tx.insert(def(1), 3000, null)), /UNIQUE|PRIMARY/);
    assert.equal(await forms.reads.retentionDays(), 30);

    const subs = new SubmissionStore(db);
    const base = {
      formId: 'f', formVersion: 1, ticketId: 't1', language: 'bo' as const, filledBy: 'kiosk' as const, fillerId: 'k1', createdAt: 5, day: '2026-11-23',
      answers: { topic: 'a' }, sealed: Buffer.from([1, 2, 3]), keyId: 'k1-x', reviewedBy: null, reviewedAt: null, exportedAt: null, exportBatchId: null, purgedAt: null,
    };
    await subs.write((tx) => tx.insert({ ...base, id: 'sub1' }));
    // One submission per ticket and form; none for a ticket that does not exist.
    await assert.rejects(subs.write((tx) => tx.insert({ ...base, id: 'sub2' })), /UNIQUE/);
    await assert.rejects(subs.write((tx) => tx.insert({ ...base, id: 'sub3', ticketId: 'ghost' })), /FOREIGN KEY/);
    // Without a ticket, any number.
    await subs.write(async (tx) => {
      await tx.insert({ ...base, id: 'n1', ticketId: null });
      await tx.insert({ ...base, id: 'n2', ticketId: null });
    });
    const got = await subs.reads.get('sub1');
    assert.deepEqual(got?.answers, { topic: 'a' });
    assert.deepEqual([...(got?.sealed ?? [])], [1, 2, 3]);
    assert.equal((await subs.reads.forTicket('t1'))?.id, 'sub1');
    assert.deepEqual([...(await subs.reads.idsForTickets(['t1', 'tX']))], [['t1', 'sub1']]);

    await db.write((c) => c.run("UPDATE submissions SET exported_at = 100 WHERE id IN ('sub1', 'n1')"));
    assert.deepEqual((await subs.reads.exportedBefore(100, 10)).map((s) => s.id), ['n1', 'sub1']);
    assert.deepEqual((await subs.reads.exportedBefore(99, 10)).map((s) => s.id), []);
    assert.deepEqual(await subs.write((tx) => tx.purgePersonal(['sub1', 'n1'], 200)), ['sub1', 'n1']);
    assert.deepEqual(await subs.write((tx) => tx.purgePersonal(['sub1'], 300)), [], 'a purge happens once');
    const purged = await subs.reads.get('sub1');
    assert.equal(purged?.sealed, null);
    assert.equal(purged?.purgedAt, 200);
    assert.deepEqual(purged?.answers, { topic: 'a' }, 'the non-personal answers stay');
    await db.close();
  });
});
