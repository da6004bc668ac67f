// `npm run restore-key -- --from BACKUP (--data-dir D | --key-file PATH) [--passphrase-file P]`
// Puts a backed-up personal-data key back where the hall server looks for it. BACKUP is a
// passphrase backup from `npm run backup-key` (passphrase from --passphrase-file or
// HALL_KEY_BACKUP_PASSPHRASE) or a plain key file, e.g. an OpenPGP backup the district has
// decrypted (`gpg --decrypt key-backup.asc > personal-data.key`). An existing key file is
// never overwritten; the --key-file folder is never created (mount the key disk first).
// With --data-dir the restore is audited in the hall's log (data_key.restored: the key id and
// the backup file's SHA-256), like the backup that made it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseOrFail } from './args.js';
import { openBackup } from '../server/forms/keyBackup.js';
import { writeKeyFile } from '../server/forms/keyFile.js';
import { defaultKeyFile, keyIdOf } from '../server/forms/personalData.js';
import { fail, keyFileFor, openHallDb, passphraseFrom } from './dataKeyCli.js';

const USAGE = 'Usage: npm run restore-key -- --from BACKUP (--data-dir D | --key-file PATH) [--passphrase-file P]';

async function main(): Promise<void> {
  const { values } = parseOrFail({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, 'passphrase-file': { type: 'string' } } }, USAGE);
  if (!values.from || (!values['data-dir'] && !values['key-file'])) fail(USAGE);
  const keyFile = values['key-file'] ? resolve(values['key-file']) : keyFileFor(values['data-dir']!, undefined);
  if (existsSync(keyFile)) fail(`${keyFile} exists already; move it away first if it is the wrong key (it is never overwritten).`);
  const backup = readFileSync(values.from);
  const content = await openBackup(backup, passphraseFrom(values['passphrase-file']));
  if (values['data-dir'] && keyFile === defaultKeyFile(resolve(values['data-dir']))) mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  else if (!existsSync(dirname(keyFile))) fail(`The folder ${dirname(keyFile)} does not exist (is the key disk mounted?).`);
  writeKeyFile(keyFile, content, 'create');
  const keyId = keyIdOf(content.key);
  const dataDir = values['data-dir'];
  if (dataDir && existsSync(join(resolve(dataDir), 'hall.sqlite3'))) {
    const { db, audit } = await openHallDb(dataDir);
    try {
      const sha256 = createHash('sha256').update(backup).digest('hex');
      await db.write((c) => audit.recordIn(c, 'system', { action: 'data_key.restored', target: keyId, detail: { keyFile, backupSha256: sha256 } }));
    } finally {
      await db.close();
    }
  }
  console.log(`Key ${keyId} restored to ${keyFile}; start the hall server again.`);
}

main().catch((e: unknown) => fail(`Key restore failed: ${(e as Error).message}`, 1));
