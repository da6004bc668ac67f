// The district's check of a batch file: decrypt with the district's private key, verify the
// hall's signature, then recompute every member's size, SHA-256 and record count and compare
// them with manifest.json. Streams: a batch of any size is checked in flat memory.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import * as openpgp from 'openpgp';
import { manifestProblems, type FoundFile, type Manifest } from '../../core/export/manifest.js';
import { HALL_KEY_MEMBER } from './builder.js';
import { openProtected } from './protect.js';
import { extractTar, readBatchEntry } from '../../shared/batchEntry.js';

export interface VerifyInput {
  file: string;
  districtPrivateKey: string;
  passphrase?: string;
  /** The hall's public key (from its admin page); else the key inside the batch is used. */
  hallPublicKey?: string;
  /**
   * Without a hall key the signature is checked against the key the batch carries, which
   * proves only that the batch is intact: anyone can encrypt to the district's public key and
   * sign with a key of their own. That is accepted only when asked for explicitly.
   */
  integrityOnly?: boolean;
}

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  manifest: Manifest | null;
  files: FoundFile[];
  signedBy: string | null;
  /** True when the signature was checked against the key inside the batch, not a given one. */
  keyFromBatch: boolean;
}

/**
 * A batch is bound to its name: the hall names each file `<manifest.batchId>.gpg`, and the
 * district files and de-duplicates batches by that name. A copy under another name (an old
 * batch passed off as a new one, or one batch filed twice) is refused.
 */
export function fileNameProblem(file: string, manifest: Pick<Manifest, 'batchId'>): string | null {
  const expected = `${manifest.batchId}.gpg`;
  if (basename(file) === expected) return null;
  return `the file is named ${basename(file)} but holds batch ${manifest.batchId}: a renamed copy is refused (the hall names it ${expected})`;
}

async function decryptedTar(input: VerifyInput, decryptWith: openpgp.PrivateKey, verifyWith: openpgp.PublicKey | null) {
  const { data, signatures } = await openProtected(createReadStream(input.file) as AsyncIterable<Uint8Array>, { decryptWith, verifyWith });
  return { tarStream: Readable.fromWeb(data as import('node:stream/web').ReadableStream<Uint8Array>), signatures };
}

async function readDistrictKey(input: VerifyInput): Promise<openpgp.PrivateKey> {
  const key = await openpgp.readPrivateKey({ armoredKey: input.districtPrivateKey });
  if (key.isDecrypted()) return key;
  if (!input.passphrase) throw new Error('the private key is protected: give its --passphrase');
  return openpgp.decryptKey({ privateKey: key, passphrase: input.passphrase });
}

/** First pass when no hall key is given: the public key the hall put inside the batch. */
async function embeddedHallKey(input: VerifyInput, decryptWith: openpgp.PrivateKey): Promise<string | null> {
  const { tarStream } = await decryptedTar(input, decryptWith, null);
  const extract = extractTar(tarStream);
  let found: string | null = null;
  for await (const entry of extract) {
    const parts: Buffer[] = [];
    for await (const c of entry) if (entry.header.name === HALL_KEY_MEMBER) parts.push(c as Buffer);
    if (entry.header.name === HALL_KEY_MEMBER) found = Buffer.concat(parts).toString('utf8');
  }
  return found;
}

export async function verifyBatch(input: VerifyInput): Promise<VerifyReport> {
  const decryptWith = await readDistrictKey(input);
  const keyFromBatch = !input.hallPublicKey;
  const hallArmored = input.hallPublicKey ?? (await embeddedHallKey(input, decryptWith));
  if (!hallArmored) {
    return { ok: false, problems: ['no hall public key: give --hall-key HALL.asc (shown on the hall’s admin page)'], manifest: null, files: [], signedBy: null, keyFromBatch };
  }
  const hallKey = await openpgp.readKey({ armoredKey: hallArmored });
  const { tarStream, signatures } = await decryptedTar(input, decryptWith, hallKey);

  const found: FoundFile[] = [];
  const problems: string[] = [];
  let manifestText = '';
  const extract = extractTar(tarStream);
  for await (const entry of extract) {
    const read = await readBatchEntry(entry.header.name, entry);
    if (read.manifestText !== null) manifestText = read.manifestText;
    else {
      if (read.kind === 'csv' && !read.bomOk) problems.push(`${read.name}: does not start with a UTF-8 byte-order mark`);
      found.push({ name: read.name, bytes: read.bytes, sha256: read.sha256, records: read.records });
    }
  }
  let signedBy: string | null = null;
  try {
    const sig = signatures[0];
    if (!sig) throw new Error('the batch is not signed');
    await sig.verified;
    signedBy = hallKey.getFingerprint().toUpperCase();
  } catch (e) {
    problems.push(`signature: ${(e as Error).message}`);
  }
  let manifest: Manifest | null = null;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    problems.push('manifest.json is missing or not JSON');
  }
  if (manifest) {
    problems.push(...manifestProblems(manifest, found));
    if (signedBy && manifest.hallKeyFingerprint !== signedBy) problems.push(`the manifest names hall key ${manifest.hallKeyFingerprint}, the batch was signed by ${signedBy}`);
    const misnamed = fileNameProblem(input.file, manifest);
    if (misnamed) problems.push(misnamed);
  }
  if (keyFromBatch && !input.integrityOnly) {
    problems.push(
      `the signer was not checked: the batch is signed by ${signedBy ?? 'an unknown key'}, taken from inside the batch, and anyone can make such a batch. ` +
        'Give --hall-key HALL.asc (the key you got from the hall and compared by phone), or ask for --integrity-only',
    );
  }
  return { ok: problems.length === 0, problems, manifest, files: found, signedBy, keyFromBatch };
}
