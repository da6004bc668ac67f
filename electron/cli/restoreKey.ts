// `npm run restore-key -- --from BACKUP (--data-dir D | --key-file PATH) [--passphrase-file P]`
// Puts a backed-up personal-data key back where the hall server looks for it. BACKUP is a
// passphrase backup from `npm run backup-key` (passphrase from --passphrase-file or
// HALL_KEY_BACKUP_PASSPHRASE) or a plain key file, e.g. an OpenPGP backup the district has
// decrypted (`gpg --decrypt key-backup.asc > personal-data.key`). An existing key file is
// never overwritten; the --key-file folder is never created (mount the key disk first).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackup } from '../server/forms/keyBackup.js';
import { writeKeyFile } from '../server/forms/keyFile.js';
import { defaultKeyFile, keyIdOf } from '../server/forms/personalData.js';
import { fail, keyFileFor, passphraseFrom } from './dataKeyCli.js';

const USAGE = 'Usage: npm run restore-key -- --from BACKUP (--data-dir D | --key-file PATH) [--passphrase-file P]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, 'passphrase-file': { type: 'string' } } }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (!values.from || (!values['data-dir'] && !values['key-file'])) fail(USAGE);
  const keyFile = values['key-file'] ? resolve(values['key-file']) : keyFileFor(values['data-dir']!, undefined);
  if (existsSync(keyFile)) fail(`${keyFile} exists already; move it away first if it is the wrong key (it is never overwritten).`);
  const content = await openBackup(readFileSync(values.from), passphraseFrom(values['passphrase-file']));
  if (values['data-dir'] && keyFile === defaultKeyFile(resolve(values['data-dir']))) mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  else if (!existsSync(dirname(keyFile))) fail(`The folder ${dirname(keyFile)} does not exist (is the key disk mounted?).`);
  writeKeyFile(keyFile, content, 'create');
  console.log(`Key ${keyIdOf(content.key)} restored to ${keyFile}; start the hall server again.`);
}

main().catch((e: unknown) => fail(`Key restore failed: ${(e as Error).message}`, 1));
