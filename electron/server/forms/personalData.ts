// Residents' personal answers (names, ID numbers, phones) are sealed with AES-256-GCM before
// they reach the database: a random 96-bit IV per record, the 128-bit tag, and the submission
// id bound in as additional data, so a sealed blob moved to another row does not open.
//
// Where the 32-byte data key comes from:
// - in the Electron app, the shell's keyring (electron/shell/dataKey.ts: wrapped by the OS
//   secret store), attached after start through attachPersonalDataKey;
// - on a headless server, a key file with mode 0600 (keyFile.ts), by default
//   <dataDir>/keys/personal-data.key, or wherever --key-file points (off the data disk).
//   It is created only while nothing is sealed yet (dataKeyCheck.ts decides at start);
//   during a rotation it also holds the previous key, and the cipher re-reads the file when
//   it changes, so a running server seals under the new key and opens under either.
// The key id stored beside each record is derived from the key (a hash, not the key), so a
// record sealed under another key is recognised and refused instead of opened wrongly.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { AnswerValue } from '../../core/forms/definition.js';
import { readKeyFile } from './keyFile.js';

export { loadOrCreateKeyFile } from './keyFile.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 1;

export type PersonalDataSource = 'keyring' | 'key_file';

/** The keyring call the cipher needs; electron/shell/dataKey.ts PersonalDataKeyring has it. */
export interface KeyringLike {
  /** The data key, or null while the keyring refuses personal data (e.g. basic_text not acknowledged). */
  key(): Buffer | null;
  /** The stored key without making one (null when none is stored or it cannot be unwrapped). */
  existingKey?(): Buffer | null;
  /** Where the keyring keeps its wrapped key (for the admin page's sentence). */
  location?: string;
}

export interface PersonalDataStatus {
  source: PersonalDataSource;
  /** Whether personal answers can be sealed right now. */
  ready: boolean;
  keyId: string | null;
  /** Keys still readable while a rotation moves records off them. */
  previousKeyIds: string[];
  /** For key_file: whether the file lies inside the data directory ('data_dir') or elsewhere. */
  keyFileLocation: 'data_dir' | 'external' | null;
  problem: 'keyring_not_attached' | 'keyring_refuses' | 'key_file_unreadable' | 'key_missing' | null;
  /** With key_missing: the key ids the stored records need, and where the key was looked for. */
  missing: { keyIds: string[]; lookedIn: string } | null;
}

/** Personal data cannot be sealed or opened now (no key, wrong key, damaged record). */
export class PersonalDataError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'unknown_key' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'PersonalDataError';
  }
}

export function keyIdOf(key: Buffer): string {
  return 'k1-' + createHash('sha256').update('hall-kiosk personal-data key id\0').update(key).digest('hex').slice(0, 16);
}

/** Where the headless key file goes by default. */
export function defaultKeyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'personal-data.key');
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export type KeySetup = { kind: 'keyring' } | { kind: 'key_file'; file: string; dataDir: string };

export class PersonalDataCipher {
  private keyring: KeyringLike | null = null;
  private fileKeys: { current: Buffer; all: Map<string, Buffer>; previous: string[] } | null = null;
  private fileStamp = '';
  private fileProblem: string | null = null;

  /**
   * neededKeyIds: the key ids of records sealed before this start (dataKeyCheck.ts). In
   * keyring mode the keyring may make a key only while this is empty; otherwise a missing
   * wrapped key is reported (key_missing) instead of silently replaced.
   */
  constructor(
    private readonly setup: KeySetup,
    private readonly neededKeyIds: readonly string[] = [],
  ) {
    this.refreshFile();
  }

  get source(): PersonalDataSource {
    return this.setup.kind;
  }

  /** The Electron shell's keyring; only used when the cipher was set up for one. */
  attachKeyring(keyring: KeyringLike): void {
    if (this.setup.kind === 'keyring') this.keyring = keyring;
  }

  /**
   * Re-reads the key file when it changed on disk (a rotation beside the running server):
   * one stat per seal, and per open of a record under a key not yet known.
   */
  private refreshFile(): void {
    if (this.setup.kind !== 'key_file') return;
    let stamp: string;
    try {
      const st = statSync(this.setup.file);
      stamp = `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch (e) {
      // A key file that vanished while running: keep the keys already read.
      if (!this.fileKeys) this.fileProblem = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no personal-data key file' : (e as Error).message;
      return;
    }
    if (stamp === this.fileStamp) return;
    try {
      const c = readKeyFile(this.setup.file);
      if (!c) return;
      // Keys once read stay known for the life of the process: a record sealed under the old
      // key just before a rotation retired it still opens (and the rotation's sweep moves it).
      const all = new Map<string, Buffer>(this.fileKeys?.all ?? []);
      for (const k of [c.key, ...c.previous]) all.set(keyIdOf(k), k);
      this.fileKeys = { current: c.key, all, previous: c.previous.map(keyIdOf) };
      this.fileStamp = stamp;
      this.fileProblem = null;
    } catch (e) {
      // The server still starts (queues work without forms); sealing answers 503.
      if (!this.fileKeys) this.fileProblem = (e as Error).message;
    }
  }

  /** The keyring's key, unless sealed records exist and the keyring holds no key of theirs. */
  private keyringKey(): { key: Buffer | null; missing: PersonalDataStatus['missing'] } {
    const k = this.keyring;
    if (!k) return { key: null, missing: null };
    if (this.neededKeyIds.length > 0 && k.existingKey) {
      const existing = k.existingKey();
      if (!existing || !this.neededKeyIds.includes(keyIdOf(existing))) {
        return { key: null, missing: { keyIds: [...this.neededKeyIds], lookedIn: k.location ?? 'the keyring' } };
      }
    }
    return { key: k.key(), missing: null };
  }

  status(): PersonalDataStatus {
    this.refreshFile();
    const location = this.setup.kind === 'key_file' ? (isInside(this.setup.dataDir, this.setup.file) ? 'data_dir' : 'external') : null;
    let key: Buffer | null = null;
    let problem: PersonalDataStatus['problem'] = null;
    let missing: PersonalDataStatus['missing'] = null;
    let previous: string[] = [];
    if (this.setup.kind === 'key_file') {
      key = this.fileKeys?.current ?? null;
      if (!key) problem = 'key_file_unreadable';
      else previous = this.fileKeys!.previous;
    } else if (!this.keyring) problem = 'keyring_not_attached';
    else {
      ({ key, missing } = this.keyringKey());
      if (missing) problem = 'key_missing';
      else if (!key) problem = 'keyring_refuses';
    }
    return { source: this.setup.kind, ready: key !== null, keyId: key ? keyIdOf(key) : null, previousKeyIds: previous, keyFileLocation: location, problem, missing };
  }

  private currentKey(): Buffer {
    let key: Buffer | null = null;
    if (this.setup.kind === 'key_file') {
      this.refreshFile();
      key = this.fileKeys?.current ?? null;
    } else {
      const r = this.keyringKey();
      if (r.missing) throw new PersonalDataError('unavailable', `the personal-data key ${r.missing.keyIds.join(', ')} is missing from ${r.missing.lookedIn}`);
      key = r.key;
    }
    if (!key) throw new PersonalDataError('unavailable', this.fileProblem ?? 'no personal-data key is available');
    return key;
  }

  /** The key a record was sealed under: the current one or, during a rotation, a previous one. */
  private keyFor(keyId: string): Buffer {
    const current = this.currentKey();
    if (keyIdOf(current) === keyId) return current;
    if (this.setup.kind === 'key_file') {
      const k = this.fileKeys?.all.get(keyId);
      if (k) return k;
    }
    throw new PersonalDataError('unknown_key', `sealed under key ${keyId}, which is not the current key`);
  }

  /**
   * Seals the personal answers of one submission. Layout: format byte, id length, id (UTF-8),
   * IV, tag, ciphertext; the header (format, length, id) is the GCM additional data.
   */
  seal(obj: Record<string, AnswerValue>, submissionId: string): { sealed: Buffer; keyId: string } {
    const key = this.currentKey();
    const id = Buffer.from(submissionId, 'utf8');
    if (id.length === 0 || id.length > 255) throw new Error('submission id must be 1–255 bytes');
    const header = Buffer.concat([Buffer.from([FORMAT, id.length]), id]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(JSON.stringify(obj), 'utf8'), cipher.final()]);
    return { sealed: Buffer.concat([header, iv, cipher.getAuthTag(), body]), keyId: keyIdOf(key) };
  }

  /**
   * Opens a sealed record. When submissionId is given, the record must have been sealed for
   * that submission (the export and the routes always pass it).
   */
  open(sealed: Buffer, keyId: string, submissionId?: string): Record<string, AnswerValue> {
    const key = this.keyFor(keyId);
    if (sealed.length < 2 || sealed[0] !== FORMAT) throw new PersonalDataError('damaged', 'unknown sealed format');
    const idLength = sealed[1]!;
    const headerLength = 2 + idLength;
    if (sealed.length < headerLength + IV_BYTES + TAG_BYTES) throw new PersonalDataError('damaged', 'sealed record too short');
    const header = sealed.subarray(0, headerLength);
    if (submissionId !== undefined && header.subarray(2).toString('utf8') !== submissionId) {
      throw new PersonalDataError('damaged', 'sealed record belongs to another submission');
    }
    const iv = sealed.subarray(headerLength, headerLength + IV_BYTES);
    const tag = sealed.subarray(headerLength + IV_BYTES, headerLength + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    let text: string;
    try {
      text = Buffer.concat([decipher.update(sealed.subarray(headerLength + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new PersonalDataError('damaged', 'sealed record failed authentication');
    }
    return JSON.parse(text) as Record<string, AnswerValue>;
  }
}
