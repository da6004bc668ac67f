// Shared by the key commands (rotate-key, backup-key, restore-key): arguments, the data
// directory's database and audit log, and reading a secret from a file or the environment
// (never from the command line, where `ps` and shell history would show it).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditStore } from '../store/auditStore.js';
import { Database } from '../store/db.js';
import { migrate } from '../store/migrations/index.js';
import { AuditLog } from '../server/audit.js';
import { keySetupFor } from '../server/forms/index.js';

import { fail } from './args.js';

export { fail };

/** The key file the hall server uses for this data directory (--key-file wins). */
export function keyFileFor(dataDir: string, keyFile: string | undefined): string {
  const setup = keySetupFor(resolve(dataDir), keyFile, false);
  if (setup.kind !== 'key_file') throw new Error('unreachable: headless key setup is a key file');
  return setup.file;
}

export async function openHallDb(dataDir: string): Promise<{ db: Database; audit: AuditLog }> {
  const file = join(resolve(dataDir), 'hall.sqlite3');
  if (!existsSync(file)) fail(`No hall database in ${dataDir}.`);
  const db = await Database.open(file);
  await migrate(db);
  return { db, audit: new AuditLog(new AuditStore(db), { now: () => Date.now() }) };
}

/** A passphrase from --passphrase-file or HALL_KEY_BACKUP_PASSPHRASE; null when neither is given. */
export function passphraseFrom(file: string | undefined): string | null {
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  return process.env.HALL_KEY_BACKUP_PASSPHRASE ?? null;
}
