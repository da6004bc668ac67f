// `npm run backup-key -- --data-dir D --out FILE [--key-file PATH]
//   [--passphrase-file P | HALL_KEY_BACKUP_PASSPHRASE=… | --district-key district.asc]`
// Writes the personal-data key, encrypted, for safekeeping (electron/server/forms/keyBackup.ts:
// AES-256-GCM with scrypt to a passphrase, or OpenPGP to the district's public key). A
// passphrase backup is read back and opened before it counts; the backup is then recorded as
// confirmed (data_key_backups, audited), which the admin page's security section shows.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseOrFail } from './args.js';
import { backupToOpenPgp, backupToPassphrase, openBackup } from '../server/forms/keyBackup.js';
import { readKeyFile } from '../server/forms/keyFile.js';
import { keyIdOf } from '../server/forms/personalData.js';
import { fail, keyFileFor, openHallDb, passphraseFrom } from './dataKeyCli.js';

const USAGE = 'Usage: npm run backup-key -- --data-dir D --out FILE [--key-file PATH] [--passphrase-file P | --district-key district.asc] (or HALL_KEY_BACKUP_PASSPHRASE in the environment)';

async function main(): Promise<void> {
  const { values } = parseOrFail({
      options: {
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        out: { type: 'string' },
        'passphrase-file': { type: 'string' },
        'district-key': { type: 'string' },
      },
    }, USAGE);
  const dataDir = values['data-dir'];
  const out = values.out;
  if (!dataDir || !out) fail(`--data-dir and --out are required.\n${USAGE}`);
  if (existsSync(out)) fail(`${out} exists already; choose a new file (a backup is never overwritten).`);
  const keyFile = keyFileFor(dataDir, values['key-file']);
  const content = readKeyFile(keyFile);
  if (!content) fail(`There is no personal-data key file at ${keyFile}.`);
  const keyId = keyIdOf(content.key);

  let text: string;
  let protection: 'passphrase' | 'openpgp';
  if (values['district-key']) {
    text = await backupToOpenPgp(content, readFileSync(values['district-key'], 'utf8'));
    protection = 'openpgp';
  } else {
    const passphrase = passphraseFrom(values['passphrase-file']);
    if (passphrase === null) fail(`Give the backup passphrase in a file (--passphrase-file) or in HALL_KEY_BACKUP_PASSPHRASE, never on the command line; or --district-key.\n${USAGE}`);
    text = await backupToPassphrase(content, passphrase);
    protection = 'passphrase';
  }
  writeFileSync(out, text, { mode: 0o600, flag: 'wx' });
  const written = readFileSync(out);
  // Confirmed only when what is on disk opens to the same key (passphrase backups).
  if (protection === 'passphrase' && keyIdOf((await openBackup(written, passphraseFrom(values['passphrase-file']))).key) !== keyId) {
    fail(`The backup in ${out} did not read back; it is not recorded as a backup.`, 1);
  }
  const sha256 = createHash('sha256').update(written).digest('hex');
  const { db, audit } = await openHallDb(dataDir);
  try {
    await db.write(async (c) => {
      await c.run('INSERT INTO data_key_backups (key_id, protection, file_sha256, made_at) VALUES (?, ?, ?, ?)', [keyId, protection, sha256, Date.now()]);
      await audit.recordIn(c, 'system', { action: 'data_key.backup_made', target: keyId, detail: { protection, sha256 } });
    });
  } finally {
    await db.close();
  }
  console.log(`Key ${keyId} backed up to ${out} (${protection === 'passphrase' ? 'AES-256-GCM, scrypt passphrase' : 'OpenPGP, district key'}); SHA-256 ${sha256}. Keep it apart from the data directory.`);
}

main().catch((e: unknown) => fail(`Key backup failed: ${(e as Error).message}`, 1));
