// `npm run export -- --data-dir D [--district-key K.asc] [--to-folder OUT] [--to-url URL]
//   [--key-file PATH] [--attempts N] [--retry-base-ms MS] [--timeout-ms MS]`
// Runs one export now, with the configured district key and targets unless given. Exit 0 only
// when delivery was confirmed by every target (prints the batch id), or when there was
// nothing new (says so). Safe beside a running hall server: the database lock lets one run
// at a time, and a run interrupted anywhere is resumed with the same batch.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail, parseOrFail } from './args.js';
import type { HallDeps } from '../core/ports.js';
import { AuditStore } from '../store/auditStore.js';
import { Database } from '../store/db.js';
import { ExportStore } from '../store/exportStore.js';
import { SqliteHallStore } from '../store/hallStore.js';
import { migrate } from '../store/migrations/index.js';
import { AuditLog } from '../server/audit.js';
import { DEMO_HALL_NAME } from '../server/demoHall.js';
import type { SealingPort } from '../server/export/keys.js';
import { ExportRunner } from '../server/export/runner.js';
import type { ExportTarget } from '../server/export/targets.js';
import { keySetupFor } from '../server/forms/index.js';
import { PersonalDataCipher } from '../server/forms/personalData.js';

const USAGE = 'Usage: npm run export -- --data-dir D [--district-key K.asc] [--to-folder OUT] [--to-url URL]';

async function main(): Promise<void> {
  const { values } = parseOrFail({
      options: {
        'data-dir': { type: 'string' },
        'district-key': { type: 'string' },
        'to-folder': { type: 'string', multiple: true },
        'to-url': { type: 'string', multiple: true },
        'key-file': { type: 'string' },
        attempts: { type: 'string' },
        'retry-base-ms': { type: 'string' },
        'timeout-ms': { type: 'string' },
      },
    }, USAGE);
  const dataDir = values['data-dir'];
  if (!dataDir) fail(`--data-dir is required.\n${USAGE}`);
  const dbFile = join(resolve(dataDir), 'hall.sqlite3');
  if (!existsSync(dbFile)) fail(`No hall database in ${dataDir}.`);

  const targets: ExportTarget[] = [
    ...(values['to-folder'] ?? []).map((p) => ({ kind: 'folder' as const, path: resolve(p) })),
    ...(values['to-url'] ?? []).map((url) => ({ kind: 'url' as const, url })),
  ];
  const districtKey = values['district-key'] ? readFileSync(values['district-key'], 'utf8') : undefined;
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : fail(`not a number: ${v}`));

  const db = await Database.open(dbFile);
  try {
    await migrate(db);
    const store = new SqliteHallStore(db);
    const clock = { now: () => Date.now() };
    const deps: HallDeps = { store, clock, ids: { newId: () => randomUUID() }, events: { publish: () => undefined } };
    let sealing: SealingPort | null = null;
    const setup = keySetupFor(resolve(dataDir), values['key-file'], false);
    if (setup.kind === 'key_file' && existsSync(setup.file)) sealing = new PersonalDataCipher(setup);
    const runner = new ExportRunner({
      dbFile,
      store: new ExportStore(db),
      deps,
      dataDir: resolve(dataDir),
      hallName: DEMO_HALL_NAME.zh,
      sealing,
      audit: new AuditLog(new AuditStore(db), clock),
    });
    const outcome = await runner.run({
      trigger: 'cli',
      ...(targets.length > 0 ? { targets } : {}),
      ...(districtKey ? { districtKey } : {}),
      http: {
        retry: { attempts: num(values.attempts, 5), baseMs: num(values['retry-base-ms'], 1000), maxMs: 60_000 },
        timeoutMs: num(values['timeout-ms'], 120_000),
      },
    });
    if (outcome.result === 'delivered') {
      console.log(outcome.batchId);
      return;
    }
    if (outcome.result === 'nothing') {
      console.log('Nothing new to export.');
      return;
    }
    process.exitCode = 1;
    console.error(outcome.result === 'busy' ? 'Another export is running; try again later.' : `Export failed${outcome.batchId ? ` (batch ${outcome.batchId} kept for the next run)` : ''}: ${outcome.error}`);
  } finally {
    await db.close();
  }
}

await main();
