// Backups of the personal-data key (`npm run backup-key`, `npm run restore-key`). The backup
// holds the key file's own text, encrypted one of two ways:
// - to a passphrase: AES-256-GCM under a key derived with scrypt (N = 2^17, r = 8, p = 1,
//   a random 16-byte salt), in a small JSON document; the key id and the parameters are the
//   GCM additional data, so nothing in the document can be changed unnoticed;
// - to the district's OpenPGP public key (openpgp.js, armored): the district restores it
//   with `gpg --decrypt key-backup.asc > personal-data.key`, which is the key file itself.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import * as openpgp from 'openpgp';
import { parseKeyFile, serializeKeyFile, type KeyFileContent } from './keyFile.js';
import { keyIdOf } from './personalData.js';

export const BACKUP_FORMAT = 'hall-kiosk personal-data key backup';
export const MIN_BACKUP_PASSPHRASE = 12;
const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

interface BackupDoc {
  format: string;
  keyId: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
}

function aad(doc: Pick<BackupDoc, 'format' | 'keyId' | 'kdf' | 'cipher'>): Buffer {
  return Buffer.from(JSON.stringify([doc.format, doc.keyId, doc.kdf, doc.cipher]), 'utf8');
}

export async function backupToPassphrase(content: KeyFileContent, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_BACKUP_PASSPHRASE) throw new Error(`the backup passphrase must be at least ${MIN_BACKUP_PASSPHRASE} characters`);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const head = { format: BACKUP_FORMAT, keyId: keyIdOf(content.key), kdf: { ...KDF, salt: salt.toString('base64') }, cipher: 'aes-256-gcm' as const };
  const c = createCipheriv('aes-256-gcm', await derive(passphrase, salt, KDF), iv);
  c.setAAD(aad(head));
  const data = Buffer.concat([c.update(serializeKeyFile(content), 'utf8'), c.final()]);
  const doc: BackupDoc = { ...head, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
  return JSON.stringify(doc, null, 1) + '\n';
}

export async function backupToOpenPgp(content: KeyFileContent, armoredPublicKey: string): Promise<string> {
  const key = await openpgp.readKey({ armoredKey: armoredPublicKey });
  const message = await openpgp.createMessage({ text: serializeKeyFile(content) });
  return openpgp.encrypt({ message, encryptionKeys: key, format: 'armored' });
}

/** Opens a passphrase backup, or accepts a plain key file (an OpenPGP backup gpg has decrypted). */
export async function openBackup(raw: Buffer, passphrase: string | null): Promise<KeyFileContent> {
  let doc: Partial<BackupDoc> & { format?: unknown };
  try {
    doc = JSON.parse(raw.toString('utf8')) as typeof doc;
  } catch {
    throw new Error('this is not a key backup or key file (an OpenPGP backup must first be decrypted: gpg --decrypt FILE > personal-data.key)');
  }
  if (doc.format !== BACKUP_FORMAT) return parseKeyFile(raw);
  if (passphrase === null) throw new Error('this backup is protected by a passphrase: give --passphrase-file or HALL_KEY_BACKUP_PASSPHRASE');
  const kdf = doc.kdf!;
  const d = createDecipheriv('aes-256-gcm', await derive(passphrase, Buffer.from(kdf.salt, 'base64'), kdf), Buffer.from(doc.iv!, 'base64'));
  d.setAAD(aad(doc as BackupDoc));
  d.setAuthTag(Buffer.from(doc.tag!, 'base64'));
  let text: Buffer;
  try {
    text = Buffer.concat([d.update(Buffer.from(doc.data!, 'base64')), d.final()]);
  } catch {
    throw new Error('the passphrase is wrong, or the backup was changed');
  }
  const content = parseKeyFile(text);
  if (keyIdOf(content.key) !== doc.keyId) throw new Error('the backup does not hold the key it names');
  return content;
}
