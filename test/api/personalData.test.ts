// Personal answers are encrypted at rest: no file in the data directory holds the resident's
// ID number or name (UTF-8 or UTF-16LE), a restarted server still reads them, a key file kept
// elsewhere (--key-file) leaves nothing of the key in the data directory, and retention purges
// the personal part a set number of days after the confirmed export.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DAY_MS } from '../../electron/core/forms/retention.js';
import { keySetupFor } from '../../electron/server/forms/index.js';
import { keyIdOf, loadOrCreateKeyFile, PersonalDataCipher, PersonalDataError } from '../../electron/server/forms/personalData.js';
import { ADMIN_PASSWORD, api, login, startTestHall, staffToken, tempDir, type TestHall } from '../support/hall.js';
import { BOX, PERMIT, residentId, storeForms, submitPermit } from './formsFixture.js';

const dirs: { remove(): void }[] = [];
after(() => dirs.forEach((d) => d.remove()));
function temp(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.dir;
}

type Json = Record<string, unknown>;
const NAME = '欧阳明珠卓玛';
const ID = residentId('54010219800101123');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Every file whose raw bytes contain any needle (UTF-8 and UTF-16LE). */
function filesHolding(dir: string, needles: string[]): string[] {
  const patterns = needles.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  return filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return patterns.some((p) => bytes.includes(p));
  });
}

async function fileTicketAndSubmit(hall: TestHall): Promise<string> {
  await storeForms(hall);
  return submitPermit(hall, { name: NAME, id_number: ID, phone: '13812345678', has_children: false, reason: 'study', consent: true, note: '备注不是个人信息' });
}

async function readBack(hall: TestHall, id: string, token: string) {
  return api<Json & { answers: Json }>(hall.url, 'GET', `/api/submissions/${id}`, token);
}

describe('personal data at rest', () => {
  it('no file in the data directory holds the ID number or the name, and a restart reads them back', async () => {
    const dataDir = temp('hall-pd-');
    let hall = await startTestHall({ dataDir, logLevel: 'debug' });
    const id = await fileTicketAndSubmit(hall);
    const staff = await staffToken(hall, 'pd-clerk');
    const first = await readBack(hall, id, staff);
    assert.equal(first.body.answers.name, NAME);
    assert.equal(first.body.answers.id_number, ID);
    // The non-personal answer is stored in clear (so the needle search can find what is there).
    assert.deepEqual(filesHolding(dataDir, ['备注不是个人信息']).map((f) => f.slice(dataDir.length)).filter((f) => f.includes('hall.sqlite3')).length > 0, true);

    // While running (database, WAL, shm, logs) …
    const files = filesUnder(dataDir);
    assert.ok(files.some((f) => f.endsWith('hall.sqlite3-wal')), `WAL searched too: ${files.join(', ')}`);
    assert.ok(files.some((f) => f.includes(`${join('logs', '')}`)), 'logs searched too');
    assert.deepEqual(filesHolding(dataDir, [NAME, ID, '13812345678']), []);
    // The key file is private to the server's user.
    const keyFile = join(dataDir, 'keys', 'personal-data.key');
    if (process.platform !== 'win32') assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const security = await api<{ personalDataStorage: Json }>(hall.url, 'GET', '/api/security', hall.adminToken);
    assert.equal(security.body.personalDataStorage.source, 'key_file');
    assert.equal(security.body.personalDataStorage.keyFileLocation, 'data_dir');
    assert.equal(security.body.personalDataStorage.ready, true);
    await hall.stop();
    // … and after a clean stop.
    assert.deepEqual(filesHolding(dataDir, [NAME, ID, '13812345678']), []);

    hall = await startTestHall({ dataDir, logLevel: 'debug' });
    const again = await readBack(hall, id, await staffToken(hall, 'pd-clerk-2'));
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(again.body.answers, first.body.answers);
    await hall.stop();
    assert.deepEqual(filesHolding(dataDir, [NAME, ID]), []);
  });

  it('with --key-file elsewhere, nothing of the key is in the data directory', async () => {
    const dataDir = temp('hall-pd-ext-');
    const keyDir = temp('hall-key-');
    const keyFile = join(keyDir, 'hall.key');
    let hall = await startTestHall({ dataDir, keyFile });
    const id = await fileTicketAndSubmit(hall);
    const security = await api<{ personalDataStorage: Json }>(hall.url, 'GET', '/api/security', hall.adminToken);
    assert.equal(security.body.personalDataStorage.keyFileLocation, 'external');
    await hall.stop();
    assert.ok(!existsSync(join(dataDir, 'keys')), 'no key folder in the data directory');
    const key = loadOrCreateKeyFile(keyFile);
    assert.equal(filesHolding(dataDir, [NAME, ID]).length, 0);
    const keyBytes = filesUnder(dataDir).filter((f) => readFileSync(f).includes(key) || readFileSync(f).includes(Buffer.from(key.toString('base64'))));
    assert.deepEqual(keyBytes, []);

    // The same key file reads the submission back; another key cannot.
    hall = await startTestHall({ dataDir, keyFile });
    const staff = await staffToken(hall, 'ext-clerk');
    assert.equal((await readBack(hall, id, staff)).body.answers.id_number, ID);
    await hall.stop();
    // Another (missing) key file: the start is refused, naming the key the records need,
    // and no new key is made (it would leave the stored answers unreadable).
    await assert.rejects(startTestHall({ dataDir, keyFile: join(keyDir, 'other.key') }), (e: Error) => {
      assert.equal(e.name, 'DataKeyMissingError');
      assert.ok(e.message.includes(keyIdOf(key)) && e.message.includes(join(keyDir, 'other.key')), e.message);
      return true;
    });
    assert.ok(!existsSync(join(keyDir, 'other.key')));
  });
});

describe('PersonalDataCipher', () => {
  it('binds each record to its submission and refuses tampering or another key', () => {
    const dir = temp('hall-cipher-');
    loadOrCreateKeyFile(join(dir, 'k.key'));
    const cipher = new PersonalDataCipher({ kind: 'key_file', file: join(dir, 'k.key'), dataDir: dir });
    const a = cipher.seal({ name: NAME }, 'sub-a');
    const b = cipher.seal({ name: NAME }, 'sub-a');
    assert.notDeepEqual(a.sealed, b.sealed, 'a fresh IV every time');
    assert.deepEqual(cipher.open(a.sealed, a.keyId, 'sub-a'), { name: NAME });
    assert.throws(() => cipher.open(a.sealed, a.keyId, 'sub-b'), PersonalDataError);
    const flipped = Buffer.from(a.sealed);
    flipped[flipped.length - 1]! ^= 1;
    assert.throws(() => cipher.open(flipped, a.keyId), /authentication/);
    // Changing the id inside the header breaks the tag (the header is the additional data).
    const moved = Buffer.from(a.sealed);
    moved[2 + 4] = 'b'.charCodeAt(0);
    assert.throws(() => cipher.open(moved, a.keyId), /authentication/);
    assert.throws(() => cipher.open(a.sealed, 'k1-0000000000000000'), /not the current key/);
    assert.ok(!a.sealed.includes(Buffer.from(NAME)));
  });

  it('in keyring mode seals nothing until the shell attaches a keyring that hands out a key', () => {
    const cipher = new PersonalDataCipher({ kind: 'keyring' });
    assert.equal(cipher.status().problem, 'keyring_not_attached');
    assert.throws(() => cipher.seal({ x: 1 }, 's'), PersonalDataError);
    let key: Buffer | null = null;
    cipher.attachKeyring({ key: () => key });
    assert.equal(cipher.status().problem, 'keyring_refuses');
    key = Buffer.alloc(32, 7);
    const s = cipher.seal({ x: 1 }, 's');
    assert.equal(s.keyId, keyIdOf(key));
    assert.deepEqual(cipher.open(s.sealed, s.keyId, 's'), { x: 1 });
    assert.equal(cipher.status().source, 'keyring');
  });

  it('picks the key source: --key-file first, then the Electron keyring, else the data directory', () => {
    assert.deepEqual(keySetupFor('/data', undefined, true), { kind: 'keyring' });
    assert.deepEqual(keySetupFor('/data', undefined, false), { kind: 'key_file', file: join('/data', 'keys', 'personal-data.key'), dataDir: '/data' });
    const explicit = keySetupFor('/data', '/secure/k.key', true);
    assert.equal(explicit.kind, 'key_file');
    const inside = new PersonalDataCipher({ kind: 'key_file', file: join(temp('hall-loc-'), 'k.key'), dataDir: '/elsewhere' });
    assert.equal(inside.status().keyFileLocation, 'external');
  });

  it('never replaces an existing key file, and refuses a file that is not a key file', () => {
    const dir = temp('hall-keyfile-');
    const file = join(dir, 'nested', 'k.key');
    // The folder is never created (a key disk that is not mounted must not get a new key).
    assert.throws(() => loadOrCreateKeyFile(file), /ENOENT/);
    assert.ok(!existsSync(join(dir, 'nested')));
    mkdirSync(join(dir, 'nested'));
    const k1 = loadOrCreateKeyFile(file);
    const k2 = loadOrCreateKeyFile(file, () => Buffer.alloc(32, 1));
    assert.deepEqual(k1, k2);
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['k.key'], 'no temporary file left behind');
    const cipher = new PersonalDataCipher({ kind: 'key_file', file: join(dir, 'nested'), dataDir: dir });
    assert.equal(cipher.status().ready, false);
  });
});

describe('retention', () => {
  it('purges the personal answers 30 days after the confirmed export, audited; nothing before', async () => {
    let now = Date.UTC(2026, 10, 23, 2, 0, 0);
    const clock = { now: () => now };
    const dataDir = temp('hall-retention-');
    const hall = await startTestHall({ dataDir, clock });
    const id = await fileTicketAndSubmit(hall);
    await staffToken(hall, 'ret-clerk');
    // Sessions expire as the fake clock runs: a fresh login for each look.
    const staffNow = () => login(hall.url, 'ret-clerk', 'staff-password');
    const box = await api<{ id: string }>(hall.url, 'POST', '/api/submissions', hall.kioskToken, { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: 'ok' } });
    const ctx = hall.server.context;
    const job = ctx.retention!;

    // Not exported: nothing is purged, however long ago.
    now += 400 * DAY_MS;
    assert.deepEqual(await job.runNow(), []);
    assert.equal((await readBack(hall, id, await staffNow())).body.answers.name, NAME);

    // The export confirms delivery now; 29 days later nothing is due, 31 days later it is.
    const exportedAt = now;
    await ctx.db.write((c) => c.run('UPDATE submissions SET exported_at = ? WHERE id IN (?, ?)', [exportedAt, id, box.body.id]));
    now = exportedAt + 29 * DAY_MS;
    assert.deepEqual(await job.runNow(), []);
    now = exportedAt + 31 * DAY_MS;
    assert.deepEqual((await job.runNow()).sort(), [id, box.body.id].sort());

    const staff = await staffNow();
    const after = await readBack(hall, id, staff);
    assert.equal(after.status, 200);
    assert.equal(after.body.personalPurged, true);
    assert.ok(!('name' in after.body.answers) && !('id_number' in after.body.answers) && !('phone' in after.body.answers));
    assert.equal(after.body.answers.reason, 'study', 'the non-personal answers stay');
    const row = await ctx.db.reader.get<{ sealed: Buffer | null; purged_at: number }>('SELECT sealed, purged_at FROM submissions WHERE id = ?', [id]);
    assert.equal(row?.sealed, null);
    assert.equal(row?.purged_at, now);
    const audit = await ctx.db.reader.all<{ actor_kind: string; detail: string }>("SELECT actor_kind, detail FROM audit_log WHERE action = 'purge.personal'");
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_kind, 'system');
    const detail = JSON.parse(audit[0]!.detail) as { count: number; ids: string[] };
    assert.equal(detail.count, 2);
    assert.deepEqual(detail.ids.sort(), [id, box.body.id].sort());
    // A purged submission cannot be refilled.
    const refill = await api<Json>(hall.url, 'PUT', `/api/submissions/${id}`, staff, { answers: {} });
    assert.equal(refill.status, 409);
    // A second pass finds nothing more.
    assert.deepEqual(await job.runNow(), []);

    // The retention period is the admin's setting.
    const admin = await login(hall.url, 'admin', ADMIN_PASSWORD);
    assert.equal((await api(hall.url, 'PUT', '/api/forms/retention', admin, { days: 7 })).status, 200);
    assert.equal((await api(hall.url, 'PUT', '/api/forms/retention', admin, { days: -1 })).status, 400);
    assert.equal((await api(hall.url, 'PUT', '/api/forms/retention', staff, { days: 7 })).status, 403);
    const t2 = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'zh' });
    const s2 = await api<{ id: string }>(hall.url, 'POST', '/api/submissions', hall.kioskToken, {
      formId: PERMIT.id, version: 1, language: 'zh', ticketId: t2.body.id,
      answers: { name: NAME, id_number: ID, has_children: false, reason: 'work', consent: true },
    });
    assert.equal(s2.status, 201, JSON.stringify(s2.body));
    await ctx.db.write((c) => c.run('UPDATE submissions SET exported_at = ? WHERE id = ?', [now, s2.body.id]));
    now += 8 * DAY_MS;
    assert.deepEqual(await job.runNow(), [s2.body.id]);
    await hall.stop();
  });
});
