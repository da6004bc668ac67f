// The key that encrypts residents' personal data at rest, protected by the operating
// system's secret store through Electron's safeStorage (DPAPI on Windows, libsecret or
// KWallet on Linux). On Linux without a secret store safeStorage silently falls back to
// `basic_text`, a hard-coded password: the wrapped key is then as good as plaintext. We say
// so, and refuse to hand out the key (so no personal data is stored) until an admin has
// acknowledged the risk on the admin page.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir } from '../shared/durableFiles.js';

/** The parts of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

export interface KeyFiles {
  read(name: string): Buffer | null;
  /** Must be atomic: a half-written wrapped key would lose every encrypted record. */
  write(name: string, data: Buffer): void;
}

export type KeyProtection = 'os' | 'basic_text' | 'unavailable';
export type KeyProblem = 'basic_text_not_acknowledged' | 'encryption_unavailable' | 'key_unreadable';

/** What the admin page shows (served by the hall server as JSON). */
export interface PersonalDataKeyStatus {
  protection: KeyProtection;
  /** safeStorage backend: dpapi, keychain, gnome_libsecret, kwallet5, basic_text, unknown … */
  backend: string;
  riskAcknowledged: { by: string; at: string } | null;
  personalDataAllowed: boolean;
  problem: KeyProblem | null;
}

export const KEY_FILE = 'personal-data.key';
export const ACK_FILE = 'basic-text-acknowledged.json';
const KEY_BYTES = 32;

export function keyProtection(platform: NodeJS.Platform, safe: SafeStorageLike): { protection: KeyProtection; backend: string } {
  const backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : (safe.getSelectedStorageBackend?.() ?? 'unknown');
  if (!safe.isEncryptionAvailable()) return { protection: 'unavailable', backend };
  if (backend === 'basic_text') return { protection: 'basic_text', backend };
  // 'unknown' means safeStorage was asked before app 'ready': treat as not protected.
  if (backend === 'unknown') return { protection: 'unavailable', backend };
  return { protection: 'os', backend };
}

export class PersonalDataKeyring {
  private cached: Buffer | null = null;
  private unreadable = false;

  constructor(
    private readonly deps: {
      safeStorage: SafeStorageLike;
      files: KeyFiles;
      platform: NodeJS.Platform;
      now: () => Date;
      randomKey: () => Buffer;
      /** Where the wrapped key lies, for the admin page's sentence when it is missing. */
      location?: string;
    },
  ) {}

  get location(): string | undefined {
    return this.deps.location;
  }

  /**
   * The stored key without making one: the hall server asks this first when records are
   * already sealed, so a lost wrapped key is reported instead of replaced.
   */
  existingKey(): Buffer | null {
    this.loadExisting();
    return this.cached;
  }

  status(): PersonalDataKeyStatus {
    const { protection, backend } = keyProtection(this.deps.platform, this.deps.safeStorage);
    const ack = protection === 'basic_text' ? this.readAck() : null;
    let problem: KeyProblem | null = null;
    if (protection === 'unavailable') problem = 'encryption_unavailable';
    else if (protection === 'basic_text' && !ack) problem = 'basic_text_not_acknowledged';
    else if (!this.loadExisting()) problem = 'key_unreadable';
    return { protection, backend, riskAcknowledged: ack, personalDataAllowed: problem === null, problem };
  }

  /** Admin action; recorded with who and when. Only meaningful with the basic_text backend. */
  acknowledgeBasicTextRisk(by: string): PersonalDataKeyStatus {
    const name = by.trim();
    if (name.length === 0 || name.length > 100) throw new Error('acknowledgement needs the admin user name');
    if (keyProtection(this.deps.platform, this.deps.safeStorage).protection === 'basic_text') {
      const ack = { by: name, at: this.deps.now().toISOString(), backend: 'basic_text' };
      this.deps.files.write(ACK_FILE, Buffer.from(JSON.stringify(ack)));
    }
    return this.status();
  }

  /**
   * The 32-byte data key, created on first use; null while personal data is refused.
   * An existing key that cannot be unwrapped (secret store reset, data moved to another
   * machine) is never replaced: a new key would make every stored record unreadable.
   */
  key(): Buffer | null {
    if (this.cached) return this.cached;
    if (!this.status().personalDataAllowed) return null;
    if (this.cached) return this.cached; // status() unwrapped the existing key
    const key = this.deps.randomKey();
    if (key.length !== KEY_BYTES) throw new Error('randomKey must return 32 bytes');
    this.deps.files.write(KEY_FILE, this.deps.safeStorage.encryptString(key.toString('base64')));
    this.cached = key;
    return key;
  }

  /** Unwraps a stored key once; false when one exists but cannot be unwrapped. */
  private loadExisting(): boolean {
    if (this.cached) return true;
    if (this.unreadable) return false;
    const wrapped = this.deps.files.read(KEY_FILE);
    if (!wrapped) return true;
    try {
      const key = Buffer.from(this.deps.safeStorage.decryptString(wrapped), 'base64');
      if (key.length !== KEY_BYTES) throw new Error('wrong key length');
      this.cached = key;
      return true;
    } catch {
      this.unreadable = true;
      return false;
    }
  }

  private readAck(): { by: string; at: string } | null {
    const raw = this.deps.files.read(ACK_FILE);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw.toString('utf8')) as unknown;
      if (typeof v === 'object' && v !== null && typeof (v as { by?: unknown }).by === 'string' && typeof (v as { at?: unknown }).at === 'string') {
        return { by: (v as { by: string }).by, at: (v as { at: string }).at };
      }
    } catch {
      // A damaged acknowledgement counts as none: the admin is asked again.
    }
    return null;
  }
}

/** The folder fsync after a key file's rename (shared/durableFiles.ts); exported for the durability test. */
export const syncDirectory = fsyncDir;

/** Key files in a directory, written with write-temp, fsync, rename, fsync of the folder. */
export function directoryKeyFiles(dir: string, syncDir: (dir: string) => void = syncDirectory): KeyFiles {
  return {
    read(name) {
      try {
        return readFileSync(join(dir, name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    write(name, data) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = join(dir, `${name}.tmp`);
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, join(dir, name));
      syncDir(dir);
    },
  };
}
