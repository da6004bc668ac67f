import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0090 (resident side)', () => {
  it('backfills a 128-bit reference for every ticket, adds ratings and the rater role', async () => {
    const db = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await migrate(db, MIGRATIONS, 40);
    await db.write(async (c) => {
      await c.run("INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES ('s', 'A', 'a', 'a', 'a')");
      await c.run("INSERT INTO counters (id, number, name_zh, name_bo, name_ug) VALUES ('c1', 1, '1', '1', '1')");
      await c.run("INSERT INTO devices (id, role, name, token_hash, created_at) VALUES ('k', 'kiosk', 'K', 'h1', 0)");
      for (let i = 1; i <= 3; i++) {
        await c.run(
          `INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, kiosk_id, state, issued_at, queued_at)
           VALUES (?, '2026-11-23', 's', 's', ?, ?, 'bo', 'k', 'done', 0, 0)`,
          [`t${i}`, i, `A00${i}`],
        );
      }
    });
    assert.ok((await migrate(db, MIGRATIONS, 90)) >= 90);
    const refs = await db.reader.all<{ ref: string }>('SELECT ref FROM tickets');
    assert.equal(new Set(refs.map((r) => r.ref)).size, 3);
    for (const { ref } of refs) assert.match(ref, /^[A-Za-z0-9_-]{22}$/);
    const t1 = await db.reader.get<{ ref: string }>(`SELECT ref FROM tickets WHERE id = 't1'`);
    await assert.rejects(db.write((c) => c.run(`UPDATE tickets SET ref = ? WHERE id = 't2'`, [t1!.ref])), /UNIQUE/);

    // The widened CHECK admits raters with a counter and still refuses anything else.
    await db.write((c) => c.run("INSERT INTO devices (id, role, name, token_hash, created_at, counter_id) VALUES ('r', 'rater', 'R', 'h2', 0, 'c1')"));
    await assert.rejects(db.write((c) => c.run("INSERT INTO devices (id, role, name, token_hash, created_at) VALUES ('x', 'bogus', 'X', 'h3', 0)")), /CHECK/);
    await assert.rejects(db.write((c) => c.run("INSERT INTO devices (id, role, name, token_hash, created_at, counter_id) VALUES ('y', 'rater', 'Y', 'h4', 0, 'nope')")), /FOREIGN KEY/);
    // The old tickets still point at their kiosk.
    assert.equal((await db.reader.get<{ n: number }>("SELECT COUNT(*) AS n FROM tickets JOIN devices ON devices.id = tickets.kiosk_id"))?.n, 3);

    await db.write((c) => c.run("INSERT INTO ratings (id, ticket_id, service_id, day, score, via, at) VALUES ('r1', 't1', 's', '2026-11-23', 1, 'pad', 5)"));
    await assert.rejects(db.write((c) => c.run("INSERT INTO ratings (id, ticket_id, service_id, day, score, via, at) VALUES ('r2', 't1', 's', '2026-11-23', 3, 'phone', 5)")), /UNIQUE/);
    await assert.rejects(db.write((c) => c.run("INSERT INTO ratings (id, ticket_id, service_id, day, score, via, at) VALUES ('r3', 't2', 's', '2026-11-23', 6, 'phone', 5)")), /CHECK/);
    await assert.rejects(db.write((c) => c.run("INSERT INTO ratings (id, ticket_id, service_id, day, score, via, at) VALUES ('r4', 't3', 's', '2026-11-23', 2, 'sms', 5)")), /CHECK/);
    assert.equal((await db.reader.get<{ reasons: string }>("SELECT reasons FROM ratings WHERE id = 'r1'"))?.reasons, '[]');
    await db.write((c) => c.run("INSERT INTO rating_followups (id, rating_id, opened_at) VALUES ('f1', 'r1', 5)"));
    await assert.rejects(db.write((c) => c.run("INSERT INTO rating_followups (id, rating_id, opened_at) VALUES ('f2', 'r1', 6)")), /UNIQUE/);
    const check = await db.reader.get<{ integrity_check: string }>('PRAGMA integrity_check');
    assert.equal(check?.integrity_check, 'ok');
    await db.close();
    // Reopening reads the widened schema from disk.
    const again = await Database.open(join(tmp.dir, 'a.sqlite3'));
    await again.write((c) => c.run("INSERT INTO devices (id, role, name, token_hash, created_at) VALUES ('r9', 'rater', 'R9', 'h9', 0)"));
    await again.close();
  });
});
