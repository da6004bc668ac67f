// Issue 17 item 1: the personal-data key. A missing key is never silently replaced: the
// start is refused with the key id the records need and the path looked at, and nothing is
// created; restoring the key from its backup brings everything back. Rotation runs beside a
// server under load, survives a SIGKILL in the middle, and after the resume every record
// reads under the new key alone and the nightly export (real gpg) still runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadOrCreateHallKey } from '../../electron/server/export/keys.js';
import { readKeyFile } from '../../electron/server/forms/keyFile.js';
import { keyIdOf, PersonalDataCipher } from '../../electron/server/forms/personalData.js';
import { gpg, gpgDecrypt, gpgImport, makeDistrictKey, PAST_DAY, PAST_DAY_10H, seedHall, stopGpgAgent, untar, type DistrictKey } from '../support/exportFixture.js';
import { api, startTestHall, tempDir, type TestHall } from '../support/hall.js';
import { PERMIT, residentId, storeForms, submitPermit } from './formsFixture.js';

const tmp = tempDir('hall-datakey-');
let district: DistrictKey;
before(() => {
  district = makeDistrictKey(tmp.dir);
});
after(() => {
  stopGpgAgent(district);
  tmp.remove();
});

const NAME = '欧阳明珠卓玛';
const PASSPHRASE = 'a long backup passphrase for the test';
const ROOT = join(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(`${p}/`, ...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

function submit(hall: TestHall, n: number): Promise<string> {
  return submitPermit(hall, { name: `${NAME}${n}`, id_number: residentId(), has_children: false, reason: 'study', consent: true });
}

async function readName(hall: TestHall, id: string): Promise<unknown> {
  const r = await api<{ answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${id}`, hall.adminToken);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.answers.name;
}

describe('a missing personal-data key', () => {
  it('refuses the start with the key id and the path, creates nothing, and reads everything again once restored from backup', async () => {
    const dataDir = join(tmp.dir, 'hall-missing');
    let hall = await startTestHall({ dataDir });
    await storeForms(hall);
    const ids = [await submit(hall, 1), await submit(hall, 2)];
    const keyFile = join(dataDir, 'keys', 'personal-data.key');
    const keyId = keyIdOf(readKeyFile(keyFile)!.key);

    // Not backed up yet; then a passphrase backup (passphrase from the environment) is confirmed.
    let security = await api<{ dataKey: { keyId: string; backup: unknown } }>(hall.url, 'GET', '/api/security', hall.adminToken);
    assert.equal(security.body.dataKey.keyId, keyId);
    assert.equal(security.body.dataKey.backup, null);
    const backup = join(tmp.dir, 'key-backup.json');
    const b = await runNode('electron/cli/backupKey.ts', ['--data-dir', dataDir, '--out', backup], { HALL_KEY_BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(b.code, 0, b.stderr);
    assert.ok(!readFileSync(backup).includes(readKeyFile(keyFile)!.key.toString('base64')), 'the backup holds the key encrypted');
    security = await api(hall.url, 'GET', '/api/security', hall.adminToken);
    assert.equal((security.body.dataKey.backup as { protection: string }).protection, 'passphrase');
    // The same key to the district's OpenPGP key: gpg decrypts it to the key file itself.
    const pgpBackup = join(tmp.dir, 'key-backup.asc');
    const p = await runNode('electron/cli/backupKey.ts', ['--data-dir', dataDir, '--out', pgpBackup, '--district-key', district.publicFile]);
    assert.equal(p.code, 0, p.stderr);
    const decrypted = gpg(district.home, ['--decrypt', pgpBackup]);
    assert.equal(decrypted.status, 0, decrypted.stderr);
    assert.equal(JSON.parse(decrypted.stdout.toString()).key, readKeyFile(keyFile)!.key.toString('base64'));
    await hall.stop();

    // The key is gone (a key disk not mounted, a data directory restored without it).
    rmSync(keyFile);
    const before = filesUnder(dataDir).filter((f) => !f.includes('/logs/'));
    await assert.rejects(startTestHall({ dataDir }), (e: Error) => {
      assert.equal(e.name, 'DataKeyMissingError');
      assert.ok(e.message.includes(keyId), e.message);
      assert.ok(e.message.includes(keyFile), e.message);
      return true;
    });
    assert.ok(!existsSync(keyFile), 'no new key');
    // `npm run serve` says the same in one sentence and exits non-zero.
    const serve = await runNode('electron/cli/serve.ts', ['--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], { HALL_ADMIN_PASSWORD: 'test-admin-password' });
    assert.notEqual(serve.code, 0);
    assert.match(serve.stderr, new RegExp(`${keyId}.*${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(!existsSync(keyFile), 'no new key');
    // A --key-file on a folder that does not exist: the folder is not created either.
    const unmounted = join(tmp.dir, 'unmounted-key-disk');
    await assert.rejects(startTestHall({ dataDir, keyFile: join(unmounted, 'hall.key') }), /k1-/);
    assert.ok(!existsSync(unmounted));
    assert.deepEqual(filesUnder(dataDir).filter((f) => !f.includes('/logs/')), before, 'nothing created in the data directory');

    // Restored from its backup: everything reads again.
    const wrong = await runNode('electron/cli/restoreKey.ts', ['--from', backup, '--data-dir', dataDir], { HALL_KEY_BACKUP_PASSPHRASE: 'not the passphrase at all' });
    assert.notEqual(wrong.code, 0);
    assert.ok(!existsSync(keyFile));
    const passFile = join(tmp.dir, 'backup.pass');
    writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const r = await runNode('electron/cli/restoreKey.ts', ['--from', backup, '--data-dir', dataDir, '--passphrase-file', passFile]);
    assert.equal(r.code, 0, r.stderr);
    hall = await startTestHall({ dataDir });
    for (const [i, id] of ids.entries()) assert.equal(await readName(hall, id), `${NAME}${i + 1}`);
    // The restore is in the hall's audit log, with the key it brought back.
    const restored = await hall.server.context.db.reader.all<{ target: string }>(`SELECT target FROM audit_log WHERE action = 'data_key.restored'`);
    assert.deepEqual(restored.map((r) => r.target), [keyId]);
    await hall.stop();
  });
});

describe('key rotation', () => {
  it('under load, SIGKILLed mid-rotation and resumed: every record reads under the new key and the export still runs', async () => {
    const dataDir = join(tmp.dir, 'hall-rotate');
    await seedHall(dataDir, 5);
    const hall = await startTestHall({ dataDir });
    await storeForms(hall);
    const ctx = hall.server.context;
    const keyFile = join(dataDir, 'keys', 'personal-data.key');
    const oldKeyId = keyIdOf(readKeyFile(keyFile)!.key);
    // The export's signing key, its passphrase sealed under the data key.
    assert.equal((await loadOrCreateHallKey(dataDir, 'Test hall', ctx.personalData)).protection, 'personal_data_key');
    // 600 sealed submissions of a past day (the export's) …
    const N = 600;
    await ctx.db.write(async (c) => {
      for (let i = 0; i < N; i++) {
        const id = `s-${String(i).padStart(5, '0')}`;
        const s = ctx.personalData.seal({ name: `${NAME}${i}`, id_number: residentId() }, id);
        await c.run(
          `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers, sealed, key_id)
           VALUES (?, ?, 1, 'zh', 'kiosk', ?, ?, ?, ?, ?)`,
          [id, PERMIT.id, PAST_DAY_10H + i, PAST_DAY, JSON.stringify({ has_children: false, reason: 'study', consent: true }), s.sealed, s.keyId],
        );
      }
    });

    // … and residents keep submitting while the key is rotated.
    let load = true;
    const live: string[] = [];
    const loader = (async () => {
      for (let n = 0; load; n++) live.push(await submit(hall, 10_000 + n));
    })();
    const env = { HALL_ROTATE_SETTLE_MS: '300' };
    const killed = await runNode('electron/cli/rotateKey.ts', ['--data-dir', dataDir, '--batch-size', '100'], { ...env, HALL_ROTATE_FAULT: 'after-batch:2' });
    assert.equal(killed.signal, 'SIGKILL', killed.stdout + killed.stderr);
    const mid = readKeyFile(keyFile)!;
    assert.deepEqual(mid.previous.map(keyIdOf), [oldKeyId], 'the old key is kept until the last record moved');
    const newKeyId = keyIdOf(mid.key);
    // Mid-rotation the server reads records under both keys and seals new ones under the new key.
    const keyIds = await ctx.db.reader.all<{ key_id: string; n: number }>('SELECT key_id, COUNT(*) AS n FROM submissions WHERE sealed IS NOT NULL GROUP BY key_id');
    assert.deepEqual(keyIds.map((k) => k.key_id).sort(), [oldKeyId, newKeyId].sort(), JSON.stringify(keyIds));
    assert.equal(await readName(hall, 's-00000'), `${NAME}0`);
    assert.equal(await readName(hall, `s-${String(N - 1).padStart(5, '0')}`), `${NAME}${N - 1}`);
    const duringId = await submit(hall, 99_999);
    assert.equal((await ctx.db.reader.get<{ key_id: string }>('SELECT key_id FROM submissions WHERE id = ?', [duringId]))?.key_id, newKeyId);

    const resumed = await runNode('electron/cli/rotateKey.ts', ['--data-dir', dataDir, '--batch-size', '100'], env);
    assert.equal(resumed.code, 0, resumed.stdout + resumed.stderr);
    load = false;
    await loader;
    assert.ok(live.length > 0, 'submissions arrived during the rotation');

    // Only the new key is left, and every record opens with it alone.
    const after = readKeyFile(keyFile)!;
    assert.equal(keyIdOf(after.key), newKeyId);
    assert.deepEqual(after.previous, []);
    const fresh = new PersonalDataCipher({ kind: 'key_file', file: keyFile, dataDir });
    const rows = await ctx.db.reader.all<{ id: string; sealed: Buffer; key_id: string }>('SELECT id, sealed, key_id FROM submissions WHERE sealed IS NOT NULL');
    assert.equal(rows.length, N + live.length + 1);
    for (const r of rows) {
      assert.equal(r.key_id, newKeyId, r.id);
      assert.match(String(fresh.open(r.sealed, r.key_id, r.id).name), new RegExp(`^${NAME}\\d+$`));
    }
    assert.equal(await readName(hall, live[live.length - 1]!), `${NAME}${10_000 + live.length - 1}`);
    const audit = await ctx.db.reader.all<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'data_key.%' ORDER BY id`);
    assert.deepEqual(audit.map((a) => a.action), ['data_key.rotation_started', 'data_key.rotation_resumed', 'data_key.rotation_finished']);
    const rotation = await ctx.db.reader.get<{ records_moved: number; passphrase_moved: number; finished_at: number | null }>('SELECT * FROM data_key_rotations');
    assert.ok(rotation?.finished_at && rotation.passphrase_moved === 1 && rotation.records_moved >= N, JSON.stringify(rotation));
    await hall.stop();

    // The export (signing-key passphrase now sealed under the new key) still runs end to end.
    const out = join(tmp.dir, 'out-rotate');
    mkdirSync(out);
    const x = await runNode('electron/cli/export.ts', ['--data-dir', dataDir, '--district-key', district.publicFile, '--to-folder', out]);
    assert.equal(x.code, 0, x.stderr);
    const batchId = x.stdout.trim();
    const hallKey = await loadOrCreateHallKey(dataDir, 'Test hall', new PersonalDataCipher({ kind: 'key_file', file: keyFile, dataDir }));
    gpgImport(district, hallKey.publicArmored);
    const d = gpgDecrypt(district, join(out, `${batchId}.gpg`));
    assert.ok(d.ok, d.stderr);
    const csv = [...untar(d.plain)].find(([name]) => name.startsWith(`submissions-${PERMIT.id}`));
    assert.ok(csv, 'the batch has the form’s submissions');
    assert.ok(csv[1].toString('utf8').includes(`${NAME}0`), 'the personal answers opened under the new key');
  });
});
