// `npm run verify-batch -- FILE.gpg --key DISTRICT-PRIVATE.asc [--passphrase P] (--hall-key HALL.asc | --integrity-only)`
// For the district: decrypts a batch, checks the hall's signature, every file's SHA-256, size
// and record count against manifest.json, and that the file is named after its batch id, and
// prints a summary. Exit 0 only when all of it checks out AND the signer was checked against
// the hall key given with --hall-key (or --integrity-only was asked for: then the signature is
// checked against the key inside the batch, which anyone could have put there); 1 with the
// list of problems otherwise; 2 for wrong usage.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyBatch } from '../server/export/verify.js';

const USAGE = 'Usage: npm run verify-batch -- FILE.gpg --key PRIVATE.asc [--passphrase P] (--hall-key HALL.asc | --integrity-only)';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { key: { type: 'string' }, passphrase: { type: 'string' }, 'hall-key': { type: 'string' }, 'integrity-only': { type: 'boolean' } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const file = parsed.positionals[0];
  const { key, passphrase } = parsed.values;
  if (!file || !key) {
    console.error(USAGE);
    process.exit(2);
  }
  for (const f of [file, key, parsed.values['hall-key']]) {
    if (f && !existsSync(f)) {
      console.error(`No such file: ${f}`);
      process.exit(2);
    }
  }
  let report;
  try {
    report = await verifyBatch({
      file,
      districtPrivateKey: readFileSync(key, 'utf8'),
      ...(passphrase ? { passphrase } : {}),
      ...(parsed.values['hall-key'] ? { hallPublicKey: readFileSync(parsed.values['hall-key'], 'utf8') } : {}),
      integrityOnly: parsed.values['integrity-only'] === true,
    });
  } catch (e) {
    console.error(`FAILED: the batch could not be decrypted and its signature verified: ${(e as Error).message}`);
    process.exit(1);
  }
  const m = report.manifest;
  if (m) {
    console.log(`batch ${m.batchId} from hall ${m.hallName} (${m.hallId}), created ${m.createdAt}`);
    console.log(`records from ${m.range.from ?? '-'} to ${m.range.to ?? '-'}, schema ${m.schemaVersion}`);
  }
  for (const f of report.files) console.log(`  ${f.name.padEnd(40)} ${String(f.records).padStart(8)} records  ${f.sha256.slice(0, 16)}…`);
  if (report.signedBy) {
    console.log(`signed by ${report.signedBy}${report.keyFromBatch ? ' (the key inside the batch, NOT checked against the hall’s key)' : ' (the hall key given)'}`);
  }
  if (!report.ok) {
    console.error('FAILED:');
    for (const p of report.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  if (report.keyFromBatch) {
    console.log('OK (integrity only): hashes and counts check out and the batch is intact, but WHO signed it was not checked;');
    console.log('compare the fingerprint above with the one on the hall’s admin page, or run again with --hall-key');
  } else console.log('OK: signature, hashes and counts check out');
}

await main();
