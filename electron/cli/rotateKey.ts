// `npm run rotate-key -- --data-dir D [--key-file PATH] [--batch-size N]`
// Makes a new personal-data key and re-seals every sealed submission and the export
// passphrase under it, in batches; the old key is kept in the key file until the last record
// has moved, then retired. Safe beside a running hall server (it re-reads the key file), and
// resumable: after a crash run the same command again. Audited (data_key.rotation_*).
// Exit 0 when the old key was retired; 1 when records could not be moved (the old key stays).
import { resolve } from 'node:path';
import { parseOrFail } from './args.js';
import { rotateDataKey } from '../server/forms/keyRotation.js';
import { fail, keyFileFor, openHallDb } from './dataKeyCli.js';

const USAGE = 'Usage: npm run rotate-key -- --data-dir D [--key-file PATH] [--batch-size N]';

async function main(): Promise<void> {
  const { values } = parseOrFail({ options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, 'batch-size': { type: 'string' } } }, USAGE);
  const dataDir = values['data-dir'];
  if (!dataDir) fail(`--data-dir is required.\n${USAGE}`);
  const batchSize = values['batch-size'] === undefined ? 200 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) fail('--batch-size must be a whole number from 1 to 10000.');
  const keyFile = keyFileFor(dataDir, values['key-file']);
  const { db, audit } = await openHallDb(dataDir);
  // Crash tests: HALL_ROTATE_FAULT=after-batch:N kills this process right after batch N committed.
  const fault = /^after-batch:(\d+)$/.exec(process.env.HALL_ROTATE_FAULT ?? '');
  const settle = Number(process.env.HALL_ROTATE_SETTLE_MS);
  try {
    const r = await rotateDataKey({
      db,
      dataDir: resolve(dataDir),
      keyFile,
      audit,
      now: () => Date.now(),
      batchSize,
      ...(Number.isInteger(settle) && settle >= 0 ? { settleMs: settle } : {}),
      afterBatch: (n, moved) => {
        console.log(`batch ${n}: ${moved} records re-sealed`);
        if (fault && n === Number(fault[1])) process.kill(process.pid, 'SIGKILL');
      },
    });
    const from = r.fromKeyIds.join(', ');
    if (!r.retired) {
      console.error(`Rotation to ${r.toKeyId} is not finished: ${r.unreadable.length} record(s) under ${from} could not be opened (${r.unreadable.slice(0, 5).join(', ')}); the old key stays in ${keyFile}.`);
      process.exitCode = 1;
    } else {
      console.log(`${r.resumed ? 'Resumed and finished' : 'Finished'}: ${r.moved} records re-sealed from ${from} to ${r.toKeyId}; the old key is retired. Back up the new key now (npm run backup-key).`);
    }
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => fail(`Key rotation failed: ${(e as Error).message}`, 1));
