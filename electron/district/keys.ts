// The district's secrets, all in <dataDir>/keys (0700, files 0600): its OpenPGP key pair, made
// on first start unless --district-key gives one (the halls encrypt every batch to its public
// half), the key's passphrase (a 0600 file, or DISTRICT_KEY_PASSPHRASE / --passphrase-file,
// never the command line), and the data key that seals personal answers at rest.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { writeSecretFile } from '../shared/durableFiles.js';

export interface DistrictKeys {
  privateKey: openpgp.PrivateKey;
  publicArmored: string;
  fingerprint: string;
}

export function keysDir(dataDir: string): string {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export interface KeyOptions {
  dataDir: string;
  /** An existing armored secret key file (--district-key). */
  keyFile?: string | undefined;
  /** Its passphrase, from a file or the environment. */
  passphrase?: string | undefined;
  name?: string;
}

export async function loadOrCreateDistrictKey(o: KeyOptions): Promise<DistrictKeys> {
  const dir = keysDir(o.dataDir);
  let keyFile = o.keyFile;
  let passphrase = o.passphrase;
  if (!keyFile) {
    keyFile = join(dir, 'district.key.asc');
    const passFile = join(dir, 'district.pass');
    if (!existsSync(keyFile)) {
      if (!passphrase) {
        passphrase = randomBytes(32).toString('base64url');
        writeSecretFile(passFile, passphrase);
      }
      const { privateKey } = await openpgp.generateKey({
        type: 'ecc',
        curve: 'ed25519Legacy',
        userIDs: [{ name: o.name ?? 'District office (Hall Kiosk)' }],
        passphrase,
        format: 'armored',
      });
      // Written last: its presence means the passphrase is kept already.
      writeSecretFile(keyFile, privateKey);
    }
    if (!passphrase && existsSync(passFile)) passphrase = readFileSync(passFile, 'utf8').trim();
  }
  const locked = await openpgp.readPrivateKey({ armoredKey: readFileSync(keyFile, 'utf8') });
  let privateKey = locked;
  if (!locked.isDecrypted()) {
    if (!passphrase) throw new Error(`the district key ${keyFile} is protected: set DISTRICT_KEY_PASSPHRASE or --passphrase-file`);
    privateKey = await openpgp.decryptKey({ privateKey: locked, passphrase });
  }
  return { privateKey, publicArmored: privateKey.toPublic().armor(), fingerprint: privateKey.getFingerprint().toUpperCase() };
}

/** AES-256-GCM sealing of personal answers; the id (hall/submission) is bound as associated data. */
export class AnswerCipher {
  readonly keyId: string;
  private constructor(private readonly key: Buffer) {
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  static loadOrCreate(dataDir: string): AnswerCipher {
    const file = join(keysDir(dataDir), 'data.key');
    if (!existsSync(file)) writeSecretFile(file, randomBytes(32).toString('base64'));
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
    return new AnswerCipher(key);
  }

  seal(value: unknown, id: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(id, 'utf8'));
    const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }

  open(sealed: Buffer, id: string): unknown {
    const d = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    d.setAAD(Buffer.from(id, 'utf8'));
    d.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8'));
  }
}
