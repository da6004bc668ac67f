// The headless personal-data key file: JSON {format, created, key, previous?}. `key` seals
// new records; `previous` holds the keys a rotation is moving records away from (readable
// only), so a server running beside `npm run rotate-key` opens records under either key.
// Written atomically (temporary file 0600, fsync, link or rename, fsync of the folder), and
// never into a folder that does not exist: a missing folder usually means a key disk that is
// not mounted, and a key made there would be lost with the next mount.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir } from '../../shared/durableFiles.js';

export const KEY_BYTES = 32;
export const KEY_FILE_FORMAT = 'hall-kiosk personal-data key';

export interface KeyFileContent {
  key: Buffer;
  /** Keys being rotated away from; empty outside a rotation. */
  previous: Buffer[];
}

/** The key file is not a Hall Kiosk key file (or holds a key of the wrong length). */
export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

function keyFrom(v: unknown): Buffer {
  if (typeof v !== 'string') throw new KeyFileError('the key file is not a Hall Kiosk key file');
  const key = Buffer.from(v, 'base64');
  if (key.length !== KEY_BYTES) throw new KeyFileError('the key file holds a key of the wrong length');
  return key;
}

export function parseKeyFile(raw: Buffer): KeyFileContent {
  let v: unknown;
  try {
    v = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new KeyFileError('the key file is not a Hall Kiosk key file (an Electron-wrapped key needs the desktop app)');
  }
  const o = v as { format?: unknown; key?: unknown; previous?: unknown };
  if (o?.format !== KEY_FILE_FORMAT) throw new KeyFileError('the key file is not a Hall Kiosk key file');
  const previous = Array.isArray(o.previous) ? o.previous.map(keyFrom) : [];
  return { key: keyFrom(o.key), previous };
}

export function serializeKeyFile(c: KeyFileContent, created = new Date().toISOString()): string {
  const doc: Record<string, unknown> = { format: KEY_FILE_FORMAT, created, key: c.key.toString('base64') };
  if (c.previous.length > 0) doc.previous = c.previous.map((k) => k.toString('base64'));
  return JSON.stringify(doc) + '\n';
}

/** The key file's content, or null when there is no file. Tightens a too-open mode to 0600. */
export function readKeyFile(file: string): KeyFileContent | null {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseKeyFile(raw);
}

/**
 * Writes the key file. 'create' hard-links the new file into place, which fails if another
 * process made one first (an existing key is never replaced; the caller re-reads); 'replace'
 * renames over it (rotation). The folder must exist: it is never created here.
 */
export function writeKeyFile(file: string, content: KeyFileContent, how: 'create' | 'replace'): void {
  const dir = dirname(file);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, serializeKeyFile(content));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (how === 'replace') renameSync(tmp, file);
    else {
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } finally {
    if (how === 'create') unlinkSync(tmp);
  }
  fsyncDir(dir);
}

/**
 * Reads the key file, or creates it when there is none (in an existing folder only). For
 * tests and first starts; the server decides first whether a new key is allowed at all
 * (dataKeyCheck.ts).
 */
export function loadOrCreateKeyFile(file: string, randomKey: () => Buffer = () => randomBytes(KEY_BYTES)): Buffer {
  const existing = readKeyFile(file);
  if (existing) return existing.key;
  const key = randomKey();
  if (key.length !== KEY_BYTES) throw new Error('randomKey must return 32 bytes');
  writeKeyFile(file, { key, previous: [] }, 'create');
  // Whoever won the race, everyone uses the key that is in the file now.
  return readKeyFile(file)!.key;
}
