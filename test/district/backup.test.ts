// The district backup: an online physical copy of the embedded cluster taken while the server
// runs (npm run district-backup), which starts as a cluster of its own holding the same rows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/district/db/database.js';
import { startEmbedded } from '../../electron/district/db/embedded.js';
import { startTestDistrict, type TestDistrict } from '../support/district.js';
import { api, tempDir } from '../support/hall.js';

describe('district backup', () => {
  const tmp = tempDir('district-backup-');
  chmodSync(tmp.dir, 0o711);
  let district: TestDistrict | null = null;
  after(async () => {
    await district?.stop();
    tmp.remove();
  });

  it('copies the running cluster, and the copy starts with the same rows', async () => {
    const dataDir = join(tmp.dir, 'district');
    district = await startTestDistrict({ dataDir, dropFolder: join(tmp.dir, 'drop') });
    const r = await api(district.url, 'POST', '/api/accounts', district.adminToken, { username: 'viewer-b', password: 'viewer-password', role: 'viewer' });
    assert.equal(r.status, 201);
    const out = join(tmp.dir, 'backup');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'electron', 'cli', 'districtBackup.ts'), '--data-dir', dataDir, '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(join(out, 'pg', 'backup_label')));
    await district.stop();
    district = null;

    // Restore: a fresh data dir with the copy as its cluster (and the same pg.json).
    const restored = join(tmp.dir, 'restored');
    mkdirSync(restored, { mode: 0o711 });
    cpSync(join(out, 'pg'), join(restored, 'pg'), { recursive: true });
    spawnSync('chown', ['-R', '--reference', join(out, 'pg'), join(restored, 'pg')]);
    chmodSync(join(restored, 'pg'), 0o700);
    cpSync(join(dataDir, 'pg.json'), join(restored, 'pg.json'));
    writeFileSync(join(restored, '.keep'), '');
    const pg = await startEmbedded(restored, () => undefined);
    const db = new Database(pg.url);
    try {
      const names = (await db.query<{ username: string }>('SELECT username FROM accounts ORDER BY username')).rows.map((x) => x.username);
      assert.deepEqual(names, ['admin', 'viewer-b']);
    } finally {
      await db.close();
      await pg.stop();
    }
  });
});
