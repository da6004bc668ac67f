// Decides at start whether the personal-data key may be made. A new key is made only while
// nothing is sealed yet (no sealed submission, no sealed export passphrase): otherwise a key
// disk that is not mounted, or a data directory restored without its key, would be replaced
// by a fresh key and every stored answer (and the nightly export) lost for good. In that case
// the hall server refuses to start with one sentence naming the key it needs and where it
// looked; nothing is created, neither the key nor the folders of --key-file.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../../store/db.js';
import { KEY_BYTES, readKeyFile, writeKeyFile } from './keyFile.js';
import { defaultKeyFile, keyIdOf, type KeySetup } from './personalData.js';
import { randomBytes } from 'node:crypto';

/** The file beside the hall signing key that holds its passphrase, sealed (export/keys.ts). */
export function sealedPassphraseFile(dataDir: string): string {
  return join(dataDir, 'keys', 'hall-export.pass.sealed.json');
}

/** The server cannot start: the personal-data key that sealed the stored records is not there. */
export class DataKeyMissingError extends Error {
  constructor(
    readonly reason: 'missing' | 'wrong_key' | 'folder_missing' | 'unreadable',
    readonly neededKeyIds: string[],
    readonly lookedIn: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataKeyMissingError';
  }
}

/** The key ids of everything sealed in this data directory: submissions and the export passphrase. */
export async function sealedKeyIds(db: Database, dataDir: string): Promise<string[]> {
  const rows = await db.reader.all<{ key_id: string }>('SELECT DISTINCT key_id FROM submissions WHERE sealed IS NOT NULL AND key_id IS NOT NULL');
  const ids = new Set(rows.map((r) => r.key_id));
  try {
    const s = JSON.parse(readFileSync(sealedPassphraseFile(dataDir), 'utf8')) as { keyId?: unknown };
    if (typeof s.keyId === 'string') ids.add(s.keyId);
  } catch {
    // No sealed passphrase (or a damaged one, which the export reports itself).
  }
  return [...ids].sort();
}

function list(ids: string[]): string {
  return ids.join(', ');
}

/**
 * Checks (and on a first start makes) the key file; returns the sealed key ids for the cipher.
 * Throws DataKeyMissingError, with the sentence for the operator, when the start must stop.
 */
export async function prepareDataKey(setup: KeySetup, db: Database, dataDir: string): Promise<string[]> {
  const needed = await sealedKeyIds(db, dataDir);
  if (setup.kind !== 'key_file') return needed;
  const file = setup.file;
  let content;
  try {
    content = readKeyFile(file);
  } catch (e) {
    throw new DataKeyMissingError(
      'unreadable',
      needed,
      file,
      `The personal-data key file ${file} cannot be read (${(e as Error).message}); put the right key file back${needed.length ? ` (it must hold key ${list(needed)})` : ''} and start again.`,
    );
  }
  if (content) {
    const have = new Set([content.key, ...content.previous].map(keyIdOf));
    const lacking = needed.filter((id) => !have.has(id));
    if (lacking.length > 0 && lacking.length === needed.length) {
      throw new DataKeyMissingError(
        'wrong_key',
        lacking,
        file,
        `The stored residents' answers are sealed under personal-data key ${list(lacking)}, but the key file ${file} holds key ${list([...have])}; put the key file with ${list(lacking)} back (or restore it with npm run restore-key) and start again.`,
      );
    }
    return needed;
  }
  if (needed.length > 0) {
    throw new DataKeyMissingError(
      'missing',
      needed,
      file,
      `The personal-data key ${list(needed)} that sealed the stored residents' answers was not found at ${file}; put that key file back (is the key disk mounted? or restore it with npm run restore-key) and start again — no new key is made, as it would leave those answers unreadable.`,
    );
  }
  const folder = dirname(file);
  // The default folder lies in the data directory, which the server owns; a --key-file folder
  // that is missing is most likely a key disk that is not mounted, so it is never created.
  if (file === defaultKeyFile(dataDir)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  else if (!existsSync(folder)) {
    throw new DataKeyMissingError(
      'folder_missing',
      [],
      file,
      `The folder ${folder} for the personal-data key file does not exist (is the key disk mounted?); create it or correct --key-file, and start again.`,
    );
  }
  writeKeyFile(file, { key: randomBytes(KEY_BYTES), previous: [] }, 'create');
  return needed;
}
