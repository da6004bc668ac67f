// The nightly export at scale: 100 000 submissions (personal answers sealed) and 300 000
// tickets seeded straight into SQLite, then `npm run export` in a child process to a folder.
// Prints wall time and the child's peak RSS (VmHWM from /proc). Targets: ≤ 15 s, ≤ 300 MB.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { DEMO_COUNTERS, DEMO_SERVICES, seedDemoHall } from '../electron/server/demoHall.js';
import { loadOrCreateKeyFile, PersonalDataCipher } from '../electron/server/forms/personalData.js';
import { Database } from '../electron/store/db.js';
import { SqliteHallStore } from '../electron/store/hallStore.js';
import { migrate } from '../electron/store/migrations/index.js';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 100_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-export-'));
const dataDir = join(dir, 'data');
mkdirSync(dataDir);

try {
  const seedStart = performance.now();
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  await migrate(db);
  await seedDemoHall(new SqliteHallStore(db));
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  loadOrCreateKeyFile(join(dataDir, 'keys', 'personal-data.key'));
  const cipher = new PersonalDataCipher({ kind: 'key_file', file: join(dataDir, 'keys', 'personal-data.key'), dataDir });
  const day0 = Date.UTC(2026, 9, 1, 1, 0, 0);
  const services = DEMO_SERVICES.map((s) => s.id);
  const counters = DEMO_COUNTERS.map((c) => c.id);
  await db.write(async (c) => {
    // 300 000 tickets over 60 days: recursive CTE, all final.
    await c.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, priority, state, issued_at, queued_at,
         counter_id, call_count, first_called_at, last_called_at, started_at, finished_at)
       SELECT printf('t%07d', i), date(?1 / 1000 + (i % 60) * 86400, 'unixepoch'),
         json_extract(?2, '$[' || (i % ?3) || ']'), json_extract(?2, '$[' || (i % ?3) || ']'),
         i / 60 + 1, 'A' || i, CASE i % 3 WHEN 0 THEN 'zh' WHEN 1 THEN 'bo' ELSE 'ug' END, i % 10 = 0,
         CASE WHEN i % 17 = 0 THEN 'no_show' ELSE 'done' END,
         ?1 + (i % 60) * 86400000 + i, ?1 + (i % 60) * 86400000 + i,
         json_extract(?4, '$[' || (i % ?5) || ']'), 1, ?1 + (i % 60) * 86400000 + i + 300000, ?1 + (i % 60) * 86400000 + i + 300000,
         ?1 + (i % 60) * 86400000 + i + 360000, ?1 + (i % 60) * 86400000 + i + 900000
       FROM n`.replace('?)', `${TICKETS})`),
      [day0, JSON.stringify(services), services.length, JSON.stringify(counters), counters.length],
    );
  });
  const definition = {
    id: 'household', version: 1, serviceId: null, title: { zh: '户籍', bo: 'ཁྱིམ་ཚང་', ug: 'نوپۇس' }, allowWithoutTicket: true,
    fields: [
      { code: 'note', type: 'longtext', label: { zh: '备注', bo: 'མཆན།', ug: 'ئىزاھات' }, required: false, personal: false },
      { code: 'full_name', type: 'text', label: { zh: '姓名', bo: 'མིང་།', ug: 'ئىسىم' }, required: true, personal: true },
      { code: 'phone', type: 'phone', label: { zh: '电话', bo: 'ཁ་པར།', ug: 'تېلېفون' }, required: true, personal: true },
    ],
  };
  const BATCH = 5000;
  for (let start = 0; start < SUBMISSIONS; start += BATCH) {
    await db.write(async (c) => {
      if (start === 0) await c.run(`INSERT INTO form_definitions (id, version, definition, created_at) VALUES ('household', 1, ?, 1)`, [JSON.stringify(definition)]);
      for (let i = start; i < Math.min(SUBMISSIONS, start + BATCH); i++) {
        const id = `s${String(i).padStart(7, '0')}`;
        const sealed = cipher.seal({ full_name: 'བཀྲ་ཤིས་ཚེ་རིང་', phone: '13800138000' }, id);
        await c.run(
          `INSERT INTO submissions (id, form_id, form_version, language, filled_by, created_at, day, answers, sealed, key_id)
           VALUES (?, 'household', 1, 'bo', 'kiosk', ?, '2026-10-01', ?, ?, ?)`,
          [id, day0 + i, JSON.stringify({ note: `ئۈرۈمچى, "${i}"\nལྷ་ས།` }), sealed.sealed, sealed.keyId],
        );
      }
    });
  }
  await db.close();
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'District' }], format: 'armored' });
  const keyFile = join(dir, 'district.asc');
  writeFileSync(keyFile, publicKey);
  const out = join(dir, 'out');
  mkdirSync(out);
  if (process.env.BENCH_KEEP) cpSync(dataDir, join(dir, 'data-before-export'), { recursive: true });

  const started = performance.now();
  // The same command as `npm run export` (package.json), flags included.
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(import.meta.dirname, '..', 'electron', 'cli', 'export.ts'), '--data-dir', dataDir, '--district-key', keyFile, '--to-folder', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakKb = 0;
  let cpuTicks = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
      // utime + stime (fields 14 and 15) in clock ticks: the CPU the export used, which on a
      // shared machine says more than the wall time.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      cpuTicks = Math.max(cpuTicks, Number(stat[11]) + Number(stat[12]));
    } catch {
      // exited
    }
  }, 50);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const batchId = stdout.trim();
  const size = code === 0 ? statSync(join(out, `${batchId}.gpg`)).size : 0;
  console.log(
    JSON.stringify({
      submissions: SUBMISSIONS,
      tickets: TICKETS,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      exitCode: code,
      wallSeconds: Math.round(seconds * 100) / 100,
      peakRssMB: Math.round(peakKb / 1024),
      cpuSeconds: Math.round(cpuTicks) / 100,
      loadAverage: (await import('node:os')).loadavg()[0],
      batchMB: Math.round((size / 1024 / 1024) * 10) / 10,
      targets: { wallSeconds: 15, peakRssMB: 300 },
      ...(code === 0 ? {} : { error: stderr.slice(-500) }),
    }),
  );
} finally {
  // BENCH_KEEP=1 keeps the seeded data (for profiling the CLI by hand).
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
