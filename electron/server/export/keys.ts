// The two OpenPGP keys of the export: the hall's own signing key (made on first use, its
// private half stored passphrase-encrypted, the passphrase sealed under the personal-data
// key when the hall has one, else in a 0600 file beside it) and the district's public key
// (pasted on the admin page) that every batch is encrypted to.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { writeSecretFile } from '../../shared/durableFiles.js';

/** What the export needs of the forms' PersonalDataCipher (structurally compatible). */
export interface SealingPort {
  seal(obj: Record<string, string>, id: string): { sealed: Buffer; keyId: string };
  open(sealed: Buffer, keyId: string, id?: string): Record<string, unknown>;
}

const SEAL_ID = 'export-hall-signing-key';

export interface HallKey {
  privateKey: openpgp.PrivateKey;
  publicArmored: string;
  fingerprint: string;
  /** How the key's passphrase is kept: sealed by the personal-data key, or a 0600 file. */
  protection: 'personal_data_key' | 'passphrase_file';
}

export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

/** Upper-case hex in groups of four, as GnuPG prints fingerprints. */
export function formatFingerprint(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})/g, '$1 ').trim();
}

function readPassphrase(dir: string, sealing: SealingPort | null): { passphrase: string; protection: HallKey['protection'] } | null {
  const sealedFile = join(dir, 'hall-export.pass.sealed.json');
  const plainFile = join(dir, 'hall-export.pass');
  if (existsSync(sealedFile)) {
    if (!sealing) throw new Error('the hall signing key is protected by the personal-data key, which is not available here');
    const s = JSON.parse(readFileSync(sealedFile, 'utf8')) as { sealed: string; keyId: string };
    const opened = sealing.open(Buffer.from(s.sealed, 'base64'), s.keyId, SEAL_ID);
    return { passphrase: String(opened.passphrase), protection: 'personal_data_key' };
  }
  if (existsSync(plainFile)) return { passphrase: readFileSync(plainFile, 'utf8').trim(), protection: 'passphrase_file' };
  return null;
}

/**
 * Re-seals the signing key's passphrase under the current personal-data key (key rotation).
 * Returns the key id it is sealed under now, or null when there is no sealed passphrase.
 * Atomic: the file holds the old or the new sealing, never half of one.
 */
export function resealPassphrase(dataDir: string, sealing: SealingPort): string | null {
  const sealedFile = join(keysDir(dataDir), 'hall-export.pass.sealed.json');
  if (!existsSync(sealedFile)) return null;
  const s = JSON.parse(readFileSync(sealedFile, 'utf8')) as { sealed: string; keyId: string };
  const opened = sealing.open(Buffer.from(s.sealed, 'base64'), s.keyId, SEAL_ID);
  const again = sealing.seal({ passphrase: String(opened.passphrase) }, SEAL_ID);
  if (again.keyId === s.keyId) return s.keyId;
  writeSecretFile(sealedFile, JSON.stringify({ sealed: again.sealed.toString('base64'), keyId: again.keyId }));
  return again.keyId;
}

/**
 * The hall's signing key, made on first use: ECC (Ed25519 signing, Curve25519 encryption
 * subkey), v4 format, which GnuPG 2.2 and later read.
 */
export async function loadOrCreateHallKey(dataDir: string, hallName: string, sealing: SealingPort | null): Promise<HallKey> {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'hall-export.key.asc');
  if (!existsSync(keyFile)) {
    const passphrase = randomBytes(32).toString('base64url');
    let protection: HallKey['protection'] = 'passphrase_file';
    if (sealing) {
      try {
        const s = sealing.seal({ passphrase }, SEAL_ID);
        writeSecretFile(join(dir, 'hall-export.pass.sealed.json'), JSON.stringify({ sealed: s.sealed.toString('base64'), keyId: s.keyId }));
        protection = 'personal_data_key';
      } catch {
        // No personal-data key available (headless, no key file): fall back to a 0600 file.
      }
    }
    if (protection === 'passphrase_file') writeSecretFile(join(dir, 'hall-export.pass'), passphrase);
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: `${hallName} (Hall Kiosk export)` }],
      passphrase,
      format: 'armored',
    });
    // The key file is written last: its presence means the passphrase is already stored.
    writeSecretFile(keyFile, privateKey);
  }
  const pass = readPassphrase(dir, sealing);
  if (!pass) throw new Error(`the hall signing key ${keyFile} exists but its passphrase is missing`);
  const locked = await openpgp.readPrivateKey({ armoredKey: readFileSync(keyFile, 'utf8') });
  const privateKey = await openpgp.decryptKey({ privateKey: locked, passphrase: pass.passphrase });
  return {
    privateKey,
    publicArmored: privateKey.toPublic().armor(),
    fingerprint: privateKey.getFingerprint().toUpperCase(),
    protection: pass.protection,
  };
}

/** The hall's public key if it exists already (the admin page shows it without creating one). */
export async function readHallPublicKey(dataDir: string): Promise<{ armored: string; fingerprint: string } | null> {
  const keyFile = join(keysDir(dataDir), 'hall-export.key.asc');
  if (!existsSync(keyFile)) return null;
  const key = await openpgp.readPrivateKey({ armoredKey: readFileSync(keyFile, 'utf8') });
  return { armored: key.toPublic().armor(), fingerprint: key.getFingerprint().toUpperCase() };
}

export interface DistrictKey {
  key: openpgp.PublicKey;
  fingerprint: string;
  userIds: string[];
}

/** Parses an armored public key and checks it can encrypt; throws a plain-words Error if not. */
export async function readDistrictKey(armored: string): Promise<DistrictKey> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey: armored });
  } catch (e) {
    throw new Error(`not an OpenPGP public key: ${(e as Error).message}`);
  }
  if (key.isPrivate()) throw new Error('this is a private key; paste the district’s PUBLIC key');
  try {
    await key.getEncryptionKey();
  } catch (e) {
    throw new Error(`the key cannot encrypt: ${(e as Error).message}`);
  }
  return { key: key as openpgp.PublicKey, fingerprint: key.getFingerprint().toUpperCase(), userIds: key.getUserIDs() };
}
