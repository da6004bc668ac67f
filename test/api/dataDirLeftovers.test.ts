// Issue 17 item 9, leftovers on disk: (1) after the retention purge no sealed byte of the
// purged answers is left in the database file or its WAL (secure_delete, then a truncating
// checkpoint); (2) the data directory, database, logs, keys and TLS files are 0700 folders
// and 0600 files on every start, also when an existing directory had wider modes.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DAY_MS } from '../../electron/core/forms/retention.js';
import { ensureHallTls } from '../../electron/server/tls/hallCa.js';
import { startTestHall, tempDir } from '../support/hall.js';
import { PERMIT, residentId, storeForms } from './formsFixture.js';

const dirs: { remove(): void }[] = [];
after(() => dirs.forEach((d) => d.remove()));

function entries(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue;
    out.push({ path: p, dir: st.isDirectory(), mode: st.mode & 0o777 });
    if (st.isDirectory()) out.push(...entries(p));
  }
  return out;
}

function notPrivate(dataDir: string): string[] {
  const all = [{ path: dataDir, dir: true, mode: lstatSync(dataDir).mode & 0o777 }, ...entries(dataDir)];
  return all.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600)).map((e) => `${e.path.slice(dataDir.length) || '/'} ${e.mode.toString(8)}`);
}

describe('leftovers on disk', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, () => {
  it('purged sealed answers are in neither the database file nor the WAL afterwards', async () => {
    let now = Date.UTC(2026, 10, 23, 2, 0, 0);
    const t = tempDir('hall-purge-');
    dirs.push(t);
    const hall = await startTestHall({ dataDir: t.dir, clock: { now: () => now } });
    await storeForms(hall);
    const ctx = hall.server.context;
    const ids: string[] = [];
    await ctx.db.write(async (c) => {
      for (let i = 0; i < 20; i++) {
        const id = `purge-${i}`;
        // Long answers: the sealed blobs span overflow pages as well as in-page cells.
        const s = ctx.personalData.seal({ name: `Name ${i} ${'x'.repeat(i * 200)}`, id_number: residentId() }, id);
        await c.run(
          `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers, sealed, key_id, exported_at)
           VALUES (?, ?, 1, 'zh', 'kiosk', ?, '2026-11-23', '{}', ?, ?, ?)`,
          [id, PERMIT.id, now, s.sealed, s.keyId, now],
        );
        ids.push(id);
      }
    });
    // Some of it reaches the database file itself (as hours of normal running would).
    await ctx.db.exclusive((c) => c.run("PRAGMA wal_checkpoint(TRUNCATE)"));
    const rows = await ctx.db.reader.all<{ sealed: Buffer }>('SELECT sealed FROM submissions WHERE id LIKE ?', ['purge-%']);
    // 24 bytes from the ciphertext of each record: random, so found only where the record is.
    const needles = rows.map((r) => r.sealed.subarray(r.sealed.length - 24));
    const files = () => ['hall.sqlite3', 'hall.sqlite3-wal'].map((f) => join(t.dir, f)).filter(existsSync);
    const holding = () => files().flatMap((f) => needles.filter((n) => readFileSync(f).includes(n)).map(() => f));
    assert.ok(holding().length >= needles.length, 'the test sees the sealed bytes before the purge');

    now += 31 * DAY_MS;
    assert.equal((await ctx.retention!.runNow()).length, ids.length);
    assert.deepEqual(holding(), []);
    await hall.stop();
    assert.deepEqual(holding(), []);
  });

  it('makes folders 0700 and files 0600 on a first start, and narrows an existing directory on every start', async () => {
    const old = process.umask(0o022);
    try {
      const t = tempDir('hall-modes-');
      dirs.push(t);
      let hall = await startTestHall({ dataDir: t.dir });
      // The hall CA and certificate as a --tls start makes them (tests fetch over plain HTTP).
      await ensureHallTls(t.dir, ['127.0.0.1']);
      assert.deepEqual(notPrivate(t.dir), [], 'first start');
      await hall.stop();
      // An older build (or a careless restore) left it all readable.
      for (const e of [{ path: t.dir, dir: true }, ...entries(t.dir)]) chmodSync(e.path, e.dir ? 0o755 : 0o644);
      assert.ok(notPrivate(t.dir).length > 3);
      hall = await startTestHall({ dataDir: t.dir });
      assert.deepEqual(notPrivate(t.dir), [], 'after a restart');
      await hall.stop();
      assert.deepEqual(notPrivate(t.dir), [], 'after a stop');
    } finally {
      process.umask(old);
    }
  });
});
