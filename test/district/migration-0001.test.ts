// District migration 0001 on a real embedded PostgreSQL: applied once in its transaction,
// a second run applies nothing; the month partitions take rows; the audit log is append-only;
// (the roll-up's addition is tested with migration 0002, whose tables it also writes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrate } from '../../electron/district/db/migrations/index.js';
import { ensurePartition } from '../../electron/district/sql/partitions.js';
import { embeddedDistrictDb } from '../support/district.js';

describe('district migration 0001', () => {
  const pgDb = embeddedDistrictDb('district-mig-');

  it('applies once, then nothing', async () => {
    assert.equal(await migrate(pgDb.db, 0), 0);
    assert.equal(await migrate(pgDb.db, 1), 1);
    assert.equal(await migrate(pgDb.db, 1), 0);
    const v = await pgDb.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(v.rows.map((r) => r.version), [1]);
  });

  it('tickets go to their month partition, made on demand', async () => {
    await pgDb.db.tx(async (c) => {
      await ensurePartition(c, 'tickets', '2026-11');
      await ensurePartition(c, 'tickets', '2026-11');
      await c.query(`INSERT INTO tickets (hall_id, day, id, batch_id, code, service_id, issued_service_id, language, priority, state, call_count, issued_at)
                     VALUES ('h', '2026-11-30', 't1', 'b', 'A001', 's', 's', 'zh', false, 'done', 1, 0)`);
    });
    assert.equal(Number((await pgDb.db.query<{ n: string }>('SELECT count(*) AS n FROM tickets_2026_11')).rows[0]!.n), 1);
    await assert.rejects(pgDb.db.query(`INSERT INTO tickets (hall_id, day, id, batch_id, code, service_id, issued_service_id, language, priority, state, call_count, issued_at)
                     VALUES ('h', '2026-12-01', 't2', 'b', 'A002', 's', 's', 'zh', false, 'done', 1, 0)`), /no partition/);
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    await pgDb.db.query("INSERT INTO audit_log (at, action) VALUES (1, 'x')");
    await assert.rejects(pgDb.db.query("UPDATE audit_log SET action = 'y'"), /append-only/);
    await assert.rejects(pgDb.db.query('DELETE FROM audit_log'), /append-only/);
  });
});
