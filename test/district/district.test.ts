// End to end against a real embedded PostgreSQL: three real hall servers (separate data dirs,
// fake clocks) take tickets, close their day and export to the district's URL and its drop
// folder; the district holds every record once; a replay changes nothing; a renamed copy, a
// tampered byte, an unenrolled hall and a batch for another district are refused and kept in
// quarantine with the right code. Also the Contract endpoints and their refusals.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { purgeAnswers } from '../../electron/district/sql/retention.js';
import { exportServiceOf } from '../../electron/server/export/index.js';
import { protectStream } from '../../electron/server/export/protect.js';
import { buildBatch, dayRecords, syntheticHall } from '../support/districtBatch.js';
import { startTestDistrict, type TestDistrict } from '../support/district.js';
import { PAST_DAY, PAST_DAY_10H } from '../support/exportFixture.js';
import { api, startTestHall, tempDir, type TestHall } from '../support/hall.js';

async function postBatch(url: string, file: string, batchId: string) {
  const res = await fetch(`${url}/api/batches`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Idempotency-Key': batchId }, body: readFileSync(file) });
  return { status: res.status, body: (await res.json()) as { outcome?: string; error?: { code: string; message: string } } };
}

async function count(d: TestDistrict, sql: string, values: unknown[] = []): Promise<number> {
  return Number((await d.server.db.query<{ n: string }>(sql, values)).rows[0]!.n);
}

describe('the district receives every hall’s nightly batch', () => {
  const tmp = tempDir('district-e2e-');
  let district: TestDistrict;
  const halls: TestHall[] = [];
  const hallIds: string[] = [];
  const batchFiles: string[] = [];
  let now = PAST_DAY_10H;
  const clock = { now: () => now };
  const TICKETS = [4, 3, 2];

  before(async () => {
    // PostgreSQL runs as its own user when the tests run as root: it must reach the data dir.
    chmodSync(tmp.dir, 0o711);
    district = await startTestDistrict({ dataDir: join(tmp.dir, 'district'), dropFolder: join(tmp.dir, 'drop') });
  });
  after(async () => {
    for (const h of halls) await h.stop().catch(() => undefined);
    await district?.stop();
    tmp.remove();
  });

  it('answers the Contract endpoints and refuses bad input', async () => {
    assert.equal((await api(district.url, 'GET', '/api/health')).status, 200);
    const key = await fetch(`${district.url}/api/district-key.asc`);
    assert.equal(key.status, 200);
    assert.match(await key.text(), /BEGIN PGP PUBLIC KEY BLOCK/);
    assert.equal((await api(district.url, 'GET', '/api/halls')).status, 401);
    const wrong = await api<{ error: { code: string; message: string } }>(district.url, 'POST', '/api/session', null, { username: 'admin', password: 'nope' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'INVALID_CREDENTIALS');
    assert.ok(wrong.body.error.message.length > 0);
    const badHall = await api<{ error: { code: string } }>(district.url, 'POST', '/api/halls', district.adminToken, { id: 'x', names: { zh: 'x', bo: 'x', ug: 'x' }, publicKey: 'not a key' });
    assert.equal(badHall.status, 422);
    assert.equal(badHall.body.error.code, 'BAD_HALL_KEY');
    assert.equal((await api(district.url, 'GET', '/api/report?from=2026-13-01&to=2026-11-02', district.adminToken)).status, 400);
    const viewer = await api(district.url, 'POST', '/api/accounts', district.adminToken, { username: 'viewer1', password: 'viewer-password', role: 'viewer' });
    assert.equal(viewer.status, 201);
    const vt = (await api<{ token: string }>(district.url, 'POST', '/api/session', null, { username: 'viewer1', password: 'viewer-password' })).body.token;
    assert.equal((await api(district.url, 'GET', '/api/halls', vt)).status, 200);
    assert.equal((await api(district.url, 'POST', '/api/halls', vt, { id: 'y', names: { zh: 'y', bo: 'y', ug: 'y' }, publicKey: 'k' })).status, 403);
    assert.equal((await api(district.url, 'GET', '/api/audit', vt)).status, 403);
  });

  it('three halls export to the URL and the drop folder; every record is held once', async () => {
    const districtKey = await (await fetch(`${district.url}/api/district-key.asc`)).text();
    for (let i = 0; i < 3; i++) {
      const hall = await startTestHall({ dataDir: join(tmp.dir, `hall-${i}`), clock });
      halls.push(hall);
      for (let t = 0; t < TICKETS[i]!; t++) {
        const r = await api(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language: ['zh', 'bo', 'ug'][t % 3] });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      const hk = await api<{ hallId: string; fingerprint: string; publicKey: string }>(hall.url, 'GET', '/api/export/hall-key', hall.adminToken);
      assert.equal(hk.status, 200);
      assert.ok(hk.body.hallId && hk.body.fingerprint);
      hallIds.push(hk.body.hallId);
      // Halls 0 and 1 are enrolled; hall 2 is not.
      if (i < 2) {
        const e = await api<{ fingerprint: string }>(district.url, 'POST', '/api/halls', district.adminToken, { id: hk.body.hallId, names: { zh: `大厅${i}`, bo: `ཞབས་ཞུ་ཁང་${i}`, ug: `زال${i}` }, publicKey: hk.body.publicKey });
        assert.equal(e.status, 201, JSON.stringify(e.body));
        assert.equal(e.body.fingerprint, hk.body.fingerprint);
      }
      const target = i === 1 ? { kind: 'folder', path: district.dropFolder } : { kind: 'url', url: `${district.url}/api/batches` };
      const put = await api(hall.url, 'PUT', '/api/export/settings', hall.adminToken, { districtKey, targets: [target], schedule: '02:00' });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      await hall.stop();
    }
    // The next morning: each hall starts, closes the day and catches up with its export.
    now = PAST_DAY_10H + 23 * 3600_000;
    for (let i = 0; i < 3; i++) {
      const hall = await startTestHall({ dataDir: join(tmp.dir, `hall-${i}`), clock });
      halls[i] = hall;
      const outcome = (await exportServiceOf(hall.server.context)!.startup) as { result: string; batchId: string } | null;
      if (i < 2) assert.equal(outcome?.result, 'delivered', JSON.stringify(outcome));
      else assert.notEqual(outcome?.result, 'delivered');
    }
    await district.server.drop!.scan();
    await district.server.drop!.scan();
    const loadedDir = join(district.dropFolder, 'loaded');
    assert.equal(readdirSync(loadedDir).length, 1);
    batchFiles.push(join(loadedDir, readdirSync(loadedDir)[0]!));

    for (let i = 0; i < 2; i++) {
      assert.equal(await count(district, 'SELECT count(*) AS n FROM tickets WHERE hall_id = $1', [hallIds[i]]), TICKETS[i]);
    }
    assert.equal(await count(district, 'SELECT count(*) AS n FROM tickets WHERE hall_id = $1', [hallIds[2]]), 0);
    assert.equal(await count(district, 'SELECT count(*) AS n FROM batches'), 2);
    // Tickets sit in their month's partition.
    assert.equal(await count(district, "SELECT count(*) AS n FROM tickets_2026_11"), TICKETS[0]! + TICKETS[1]!);

    const report = await api<{ lines: { hallId: string; tickets: number; served: number; noShows: number }[] }>(district.url, 'GET', `/api/report?from=${PAST_DAY}&to=${PAST_DAY}`, district.adminToken);
    assert.equal(report.status, 200);
    const byHall = new Map(report.body.lines.map((l) => [l.hallId, l.tickets]));
    assert.equal(byHall.get(hallIds[0]!), TICKETS[0]);
    assert.equal(byHall.get(hallIds[1]!), TICKETS[1]);
    const xlsx = await fetch(`${district.url}/api/report.xlsx?from=${PAST_DAY}&to=${PAST_DAY}`, { headers: { Authorization: `Bearer ${district.adminToken}` } });
    assert.equal(xlsx.status, 200);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');

    const list = await api<{ id: string; lastBatchId: string | null; late: boolean }[]>(district.url, 'GET', '/api/halls', district.adminToken);
    assert.equal(list.status, 200);
    for (const h of list.body) assert.ok(h.lastBatchId, `hall ${h.id} has its batch`);
  });

  it('a replay is answered 200 and changes nothing', async () => {
    const file = batchFiles[0]!;
    const batchId = file.split('/').pop()!.replace(/\.gpg$/, '');
    const before = await count(district, 'SELECT count(*) AS n FROM tickets');
    const r = await postBatch(district.url, file, batchId);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.outcome, 'repeat');
    assert.equal(await count(district, 'SELECT count(*) AS n FROM tickets'), before);
    assert.equal(await count(district, 'SELECT count(*) AS n FROM daily_rollup WHERE tickets > 0 AND hall_id = $1', [hallIds[1]]) > 0, true);
    const roll = await count(district, 'SELECT coalesce(sum(tickets), 0) AS n FROM daily_rollup');
    assert.equal(roll, TICKETS[0]! + TICKETS[1]!);
  });

  it('a renamed copy, a tampered byte, an unenrolled hall and another district’s batch are quarantined', async () => {
    const file = batchFiles[0]!;
    // Renamed copy in the drop folder.
    copyFileSync(file, join(district.dropFolder, 'renamed-copy.gpg'));
    await district.server.drop!.scan();
    await district.server.drop!.scan();
    assert.ok(existsSync(join(district.dropFolder, 'refused', 'renamed-copy.gpg')));

    // A file still being copied in (growing between scans) is left alone until it stands still.
    const whole = readFileSync(file);
    const growing = join(district.dropFolder, 'growing.gpg');
    writeFileSync(growing, whole.subarray(0, 100));
    await district.server.drop!.scan();
    writeFileSync(growing, whole.subarray(0, 5000));
    await district.server.drop!.scan();
    assert.ok(existsSync(growing), 'a growing file is not taken');
    assert.equal(existsSync(join(district.dropFolder, 'refused', 'growing.gpg')), false);
    rmSync(growing);

    // A tampered byte in the middle of the encrypted data, over HTTP under its own batch id.
    const batchId = file.split('/').pop()!.replace(/\.gpg$/, '');
    const bytes = readFileSync(file);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0x01;
    const tampered = join(tmp.dir, 'tampered.gpg');
    writeFileSync(tampered, bytes);
    const t = await postBatch(district.url, tampered, batchId);
    assert.equal(t.status, 422, JSON.stringify(t.body));
    assert.equal(t.body.error?.code, 'BAD_SIGNATURE');

    // Another district's batch: encrypted to a key that is not ours.
    const other = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Other district' }], format: 'object' });
    const signer = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Some hall' }], format: 'object' });
    const stream = await protectStream((async function* () { yield Buffer.from('not for you'); })(), { encryptTo: other.publicKey, signWith: signer.privateKey, filename: 'b.tar', date: new Date() });
    const chunks: Uint8Array[] = [];
    for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    const foreign = join(tmp.dir, 'foreign.gpg');
    writeFileSync(foreign, Buffer.concat(chunks));
    const f = await postBatch(district.url, foreign, 'foreign-batch');
    assert.equal(f.status, 422);
    assert.equal(f.body.error?.code, 'NOT_FOR_THIS_DISTRICT');

    const q = await api<{ code: string; fileName: string; hallId: string | null }[]>(district.url, 'GET', '/api/quarantine', district.adminToken);
    const codes = q.body.map((x) => x.code).sort();
    assert.ok(codes.includes('UNKNOWN_HALL'), codes.join());
    assert.ok(codes.includes('NAME_MISMATCH'), codes.join());
    assert.ok(codes.includes('BAD_SIGNATURE'), codes.join());
    assert.ok(codes.includes('NOT_FOR_THIS_DISTRICT'), codes.join());
    assert.equal(q.body.find((x) => x.code === 'UNKNOWN_HALL')?.hallId, hallIds[2]);
    // Quarantined files are kept.
    assert.equal(readdirSync(join(district.dataDir, 'quarantine')).length, q.body.length);
  });

  it('a batch whose hashes do not match, or whose manifest names another hall, is refused', async () => {
    const districtKey = await (await fetch(`${district.url}/api/district-key.asc`)).text();
    const synth = await syntheticHall('synthetic-hall');
    const e = await api(district.url, 'POST', '/api/halls', district.adminToken, { id: synth.id, names: { zh: '合成', bo: 'ཚོད་ལྟ', ug: 'سىناق' }, publicKey: synth.publicArmored });
    assert.equal(e.status, 201);
    const dir = join(tmp.dir, 'synthetic');
    mkdirSync(dir);
    const corrupt = join(dir, 'corrupt.gpg');
    writeFileSync(corrupt, await buildBatch(synth, districtKey, dayRecords(synth.id, '2026-11-10', 20), { batchId: 'corrupt', corrupt: true }));
    const c = await postBatch(district.url, corrupt, 'corrupt');
    assert.equal(c.status, 422);
    assert.equal(c.body.error?.code, 'HASH_MISMATCH');
    const posing = join(dir, 'posing.gpg');
    writeFileSync(posing, await buildBatch(synth, districtKey, dayRecords(hallIds[0]!, '2026-11-10', 5), { batchId: 'posing', manifestHallId: hallIds[0]! }));
    const p = await postBatch(district.url, posing, 'posing');
    assert.equal(p.status, 422);
    assert.equal(p.body.error?.code, 'BAD_SIGNATURE');
    assert.equal(await count(district, "SELECT count(*) AS n FROM tickets WHERE day = '2026-11-10'"), 0, 'nothing of a refused batch is loaded');

    // A good synthetic batch with ratings, follow-ups and submissions.
    const good = join(dir, 'good.gpg');
    const rec = dayRecords(synth.id, '2026-11-11', 200, 3);
    writeFileSync(good, await buildBatch(synth, districtKey, rec, { batchId: 'good' }));
    const g = await postBatch(district.url, good, 'good');
    assert.equal(g.status, 201, JSON.stringify(g.body));
    const rep = await api<{ lines: { hallId: string; tickets: number; served: number; noShows: number; ratings: number; ratingMean: number; waitMeanSeconds: number }[] }>(district.url, 'GET', `/api/report?from=2026-11-01&to=2026-11-30&hall=${synth.id}`, district.adminToken);
    const total = rep.body.lines.reduce((a, l) => ({ tickets: a.tickets + l.tickets, served: a.served + l.served, noShows: a.noShows + l.noShows, ratings: a.ratings + l.ratings }), { tickets: 0, served: 0, noShows: 0, ratings: 0 });
    assert.deepEqual(total, {
      tickets: rec.tickets.length,
      served: rec.tickets.filter((t) => t.state === 'done').length,
      noShows: rec.tickets.filter((t) => t.state === 'no_show').length,
      ratings: rec.ratings.length,
    });
    const series = await api<{ points: { period: string; tickets: number }[] }>(district.url, 'GET', `/api/series?from=2026-11-01&to=2026-11-30&by=month&hall=${synth.id}`, district.adminToken);
    assert.deepEqual(series.body.points.map((x) => [x.period, x.tickets]), [['2026-11-01', 200]]);
    const fu = await api<{ hallId: string }[]>(district.url, 'GET', `/api/followups?hall=${synth.id}`, district.adminToken);
    assert.equal(fu.body.length, rec.followups.length);

    // Submissions: listed without answers, opened one at a time (audited), downloaded formula-safe.
    const list = await api<{ id: string; answers?: unknown }[]>(district.url, 'GET', `/api/submissions?hall=${synth.id}&day=2026-11-11`, district.adminToken);
    assert.equal(list.body.length, 3);
    assert.equal(list.body[0]!.answers, undefined);
    const raw = await district.server.db.query<{ answers_sealed: Buffer }>('SELECT answers_sealed FROM submissions WHERE id = $1', [list.body[0]!.id]);
    assert.ok(!raw.rows[0]!.answers_sealed.toString('latin1').includes('1380000'), 'answers are sealed at rest');
    const one = await api<{ answers: Record<string, string> }>(district.url, 'GET', `/api/submissions/${synth.id}/2026-11-11/${list.body[0]!.id}`, district.adminToken);
    assert.equal(one.status, 200);
    assert.equal(one.body.answers.full_name, '居民0');
    const audit = await api<{ action: string; target: string; actor: string }[]>(district.url, 'GET', '/api/audit', district.adminToken);
    assert.ok(audit.body.some((a) => a.action === 'submission.read' && a.target === `${synth.id}/${list.body[0]!.id}` && a.actor === 'admin'));
    const csv = await fetch(`${district.url}/api/submissions/download?hall=${synth.id}&form=suggestion_box&from=2026-11-11&to=2026-11-11&format=csv`, { headers: { Authorization: `Bearer ${district.adminToken}` } });
    assert.equal(csv.status, 200);
    const text = await csv.text();
    assert.ok(text.includes(`'=HYPERLINK`), 'a formula-like answer gets a leading apostrophe');
    assert.ok(!/(^|,)=HYPERLINK/m.test(text));
    const xlsx = await fetch(`${district.url}/api/submissions/download?hall=${synth.id}&form=suggestion_box&from=2026-11-11&to=2026-11-11`, { headers: { Authorization: `Bearer ${district.adminToken}` } });
    assert.equal(xlsx.status, 200);
    const audit2 = await api<{ action: string }[]>(district.url, 'GET', '/api/audit', district.adminToken);
    assert.ok(audit2.body.filter((a) => a.action === 'submission.download').length >= 2);

    // Retention: answers older than the period are erased, the purge audited, rows kept.
    const purged = await purgeAnswers(district.server.db, Date.parse('2026-11-11T00:00:00Z') + 31 * 86_400_000, 30);
    assert.equal(purged, 3);
    assert.equal(await count(district, 'SELECT count(*) AS n FROM submissions WHERE answers_sealed IS NOT NULL AND hall_id = $1', [synth.id]), 0);
    const audit3 = await api<{ action: string; detail: { count: number } }[]>(district.url, 'GET', '/api/audit', district.adminToken);
    assert.equal(audit3.body.find((a) => a.action === 'submission.purge')?.detail.count, 3);
  });

  it('every endpoint checks its role', async () => {
    const viewer = (await api<{ token: string }>(district.url, 'POST', '/api/session', null, { username: 'viewer1', password: 'viewer-password' })).body.token;
    for (const r of district.server.router.list()) {
      const path = r.pattern.replace(/:[A-Za-z]+/g, 'x');
      if (r.access === 'public') continue;
      const anon = await api(district.url, r.method, path);
      assert.equal(anon.status, 401, `${r.method} ${r.pattern} without a token`);
      const bad = await api(district.url, r.method, path, 'garbage-token');
      assert.equal(bad.status, 401, `${r.method} ${r.pattern} with a bad token`);
      if (!r.access.includes('viewer')) {
        const v = await api(district.url, r.method, path, viewer);
        assert.equal(v.status, 403, `${r.method} ${r.pattern} as viewer`);
      }
    }
  });

  it('never answers 5xx to malformed input on any endpoint', async () => {
    let seed = 20261206;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const values: unknown[] = [null, true, 0, -1, 1e308, 'x', '', 'A'.repeat(5000), '\u0000', '../../etc/passwd', [], {}, { id: 1 }, { id: 'a', names: 'x', publicKey: [] },
      { username: [], password: {} }, { username: 'x', password: 'y', role: 'root' }, 'བཀྲ་ཤིས', 'ئۇيغۇر'];
    const ids = ['x', '..', '%2e%2e%2f', 'A'.repeat(300), '%00', '%zz', '2026-02-30', '2026-11-11', '😀'];
    const queries = ['', '?from=x&to=y', '?from=2026-11-01&to=2026-10-01', '?from=2026-11-01&to=2026-11-30&by=year', '?hall=%00', '?from=2026-11-01&to=2026-11-30&hall=' + 'A'.repeat(300), '?limit=-5', '?form=x&format=pdf'];
    const tokens = [null, district.adminToken, 'garbage'];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const r = pick(district.server.router.list());
      if (r.method === 'DELETE' && r.pattern === '/api/session') continue;
      const path = r.pattern.replace(/:[A-Za-z]+/g, () => pick(ids)) + pick(queries);
      const headers: Record<string, string> = {};
      const token = pick(tokens);
      if (token) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (r.method !== 'GET') {
        const kind = rnd();
        if (kind < 0.6) {
          headers['Content-Type'] = 'application/json';
          body = JSON.stringify(pick(values));
        } else if (kind < 0.8) {
          headers['Content-Type'] = 'application/json';
          body = '{"broken":';
        } else body = 'plain text';
        if (r.pattern === '/api/batches' && rnd() < 0.5) headers['Idempotency-Key'] = pick(ids.filter((x) => /^[\x20-\x7e]+$/.test(x)));
      }
      const res = await fetch(district.url + path, { method: r.method, headers, body });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      assert.ok(res.status < 500, `${r.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
      if (res.status >= 400) assert.match(text, /"error":\{"code":"[A-Z_]+","message":"[^"]+"/);
    }
    assert.equal((await api(district.url, 'GET', '/api/health')).status, 200);
  });
});
