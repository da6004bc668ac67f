// Residents' personal answers (names, ID numbers, phones) are sealed with AES-256-GCM before
// they reach the database: a random 96-bit IV per record, the 128-bit tag, and the submission
// id bound in as additional data, so a sealed blob moved to another row does not open.
//
// Where the 32-byte data key comes from:
// - in the Electron app, the shell's keyring (electron/shell/dataKey.ts: wrapped by the OS
//   secret store), attached after start through attachPersonalDataKey;
// - on a headless server, a key file created with mode 0600, by default
//   <dataDir>/keys/personal-data.key, or wherever --key-file points (off the data disk).
// The key id stored beside each record is derived from the key (a hash, not the key), so a
// record sealed under another key is recognised and refused instead of opened wrongly.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { AnswerValue } from '../../core/forms/definition.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 1;
const KEY_FILE_FORMAT = 'hall-kiosk personal-data key';

export type PersonalDataSource = 'keyring' | 'key_file';

/** The keyring call the cipher needs; electron/shell/dataKey.ts PersonalDataKeyring has it. */
export interface KeyringLike {
  /** The data key, or null while the keyring refuses personal data (e.g. basic_text not acknowledged). */
  key(): Buffer | null;
}

export interface PersonalDataStatus {
  source: PersonalDataSource;
  /** Whether personal answers can be sealed right now. */
  ready: boolean;
  keyId: string | null;
  /** For key_file: whether the file lies inside the data directory ('data_dir') or elsewhere. */
  keyFileLocation: 'data_dir' | 'external' | null;
  problem: 'keyring_not_attached' | 'keyring_refuses' | 'key_file_unreadable' | null;
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

function fsyncDir(dir: string): void {
  // Makes the rename/link durable; directories cannot be opened for fsync on Windows.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function parseKeyFile(raw: Buffer): Buffer {
  let v: unknown;
  try {
    v = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new PersonalDataError('unavailable', 'the key file is not a Hall Kiosk key file (an Electron-wrapped key needs the desktop app)');
  }
  const o = v as { format?: unknown; key?: unknown };
  if (o?.format !== KEY_FILE_FORMAT || typeof o.key !== 'string') throw new PersonalDataError('unavailable', 'the key file is not a Hall Kiosk key file');
  const key = Buffer.from(o.key, 'base64');
  if (key.length !== KEY_BYTES) throw new PersonalDataError('unavailable', 'the key file holds a key of the wrong length');
  return key;
}

/**
 * Reads the key file, or creates it: written to a temporary file (0600), fsynced, then
 * hard-linked into place (which fails if another process created it first, so an existing key
 * is never replaced), and the folder fsynced.
 */
export function loadOrCreateKeyFile(file: string, randomKey: () => Buffer = () => randomBytes(KEY_BYTES)): Buffer {
  try {
    const raw = readFileSync(file);
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return parseKeyFile(raw);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomKey();
  if (key.length !== KEY_BYTES) throw new Error('randomKey must return 32 bytes');
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify({ format: KEY_FILE_FORMAT, created: new Date().toISOString(), key: key.toString('base64') }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  fsyncDir(dir);
  // Whoever won the race, everyone uses the key that is in the file now.
  return parseKeyFile(readFileSync(file));
}

export type KeySetup = { kind: 'keyring' } | { kind: 'key_file'; file: string; dataDir: string };

export class PersonalDataCipher {
  private keyring: KeyringLike | null = null;
  private fileKey: Buffer | null = null;
  private fileProblem: string | null = null;

  constructor(private readonly setup: KeySetup) {
    if (setup.kind === 'key_file') {
      try {
        this.fileKey = loadOrCreateKeyFile(setup.file);
      } catch (e) {
        // The server still starts (queues work without forms); sealing answers 503.
        this.fileProblem = (e as Error).message;
      }
    }
  }

  get source(): PersonalDataSource {
    return this.setup.kind;
  }

  /** The Electron shell's keyring; only used when the cipher was set up for one. */
  attachKeyring(keyring: KeyringLike): void {
    if (this.setup.kind === 'keyring') this.keyring = keyring;
  }

  status(): PersonalDataStatus {
    const location = this.setup.kind === 'key_file' ? (isInside(this.setup.dataDir, this.setup.file) ? 'data_dir' : 'external') : null;
    let key: Buffer | null = null;
    let problem: PersonalDataStatus['problem'] = null;
    if (this.setup.kind === 'key_file') {
      key = this.fileKey;
      if (!key) problem = 'key_file_unreadable';
    } else if (!this.keyring) problem = 'keyring_not_attached';
    else {
      key = this.keyring.key();
      if (!key) problem = 'keyring_refuses';
    }
    return { source: this.setup.kind, ready: key !== null, keyId: key ? keyIdOf(key) : null, keyFileLocation: location, problem };
  }

  private currentKey(): Buffer {
    const key = this.setup.kind === 'key_file' ? this.fileKey : (this.keyring?.key() ?? null);
    if (!key) throw new PersonalDataError('unavailable', this.fileProblem ?? 'no personal-data key is available');
    return key;
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
    const key = this.currentKey();
    if (keyIdOf(key) !== keyId) throw new PersonalDataError('unknown_key', `sealed under key ${keyId}, which is not the current key`);
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
