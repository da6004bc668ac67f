// Opening a hall's batch file at the district: which district it is for, its manifest, the
// hall's signature, and every member's size, SHA-256 and record count against the manifest.
// Pass 1 decrypts only as far as manifest.json (first member) to learn the hall; pass 2
// decrypts again with the enrolled hall key, hands every JSON line to the loader as it
// streams past, and only then judges signature, hashes and counts, so the caller commits the
// loader's transaction only for a batch that passed everything.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import * as openpgp from 'openpgp';
import { MANIFEST_NAME, manifestProblems, type FoundFile, type Manifest } from '../../core/export/manifest.js';
import { openProtected } from '../../server/export/protect.js';
import { extractTar, readBatchEntry } from '../../shared/batchEntry.js';

export const REFUSAL_CODES = ['UNKNOWN_HALL', 'BAD_SIGNATURE', 'HASH_MISMATCH', 'NAME_MISMATCH', 'NOT_FOR_THIS_DISTRICT', 'NOT_A_BATCH'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export class BatchRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly problem: string,
    readonly manifest: Manifest | null = null,
  ) {
    super(`${code}: ${problem}`);
    this.name = 'BatchRefused';
  }
}

function tarOf(data: ReadableStream<Uint8Array>): ReturnType<typeof extractTar> {
  return extractTar(Readable.fromWeb(data as import('node:stream/web').ReadableStream<Uint8Array>));
}

async function readMessage(file: string): Promise<openpgp.Message<Uint8Array>> {
  try {
    return (await openpgp.readMessage({ binaryMessage: Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array> })) as openpgp.Message<Uint8Array>;
  } catch (e) {
    throw new BatchRefused('NOT_A_BATCH', `not an OpenPGP message: ${(e as Error).message}`);
  }
}

function parseManifest(text: string): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new BatchRefused('NOT_A_BATCH', 'manifest.json is missing or not JSON');
  }
  const problems = manifestProblems(m, []).filter((p) => !p.includes('missing from the archive'));
  const mm = m as Partial<Manifest>;
  if (problems.length > 0 || typeof mm.hallId !== 'string' || typeof mm.batchId !== 'string') {
    throw new BatchRefused('NOT_A_BATCH', problems[0] ?? 'manifest.json names no hall or batch');
  }
  return m as Manifest;
}

/**
 * Whether the encrypted message is whole (its modification check passes). Pass 1 reads the
 * manifest before that check, so a refusal found there is first checked against this: a
 * changed byte is BAD_SIGNATURE whatever it happened to garble.
 */
export async function messageIntact(file: string, districtKey: openpgp.PrivateKey): Promise<boolean> {
  try {
    const { data } = await openProtected(createReadStream(file) as AsyncIterable<Uint8Array>, { decryptWith: districtKey, verifyWith: null });
    for await (const chunk of Readable.fromWeb(data as import('node:stream/web').ReadableStream<Uint8Array>)) void chunk;
    return true;
  } catch {
    return false;
  }
}

/** Pass 1: checks the batch is encrypted to this district and reads its manifest. */
export async function peekManifest(file: string, districtKey: openpgp.PrivateKey): Promise<Manifest> {
  const message = await readMessage(file);
  const ours = new Set((await districtKey.getDecryptionKeys()).map((k) => k.getKeyID().toHex()));
  const to = message.getEncryptionKeyIDs().map((k) => k.toHex());
  if (!to.some((k) => ours.has(k))) throw new BatchRefused('NOT_FOR_THIS_DISTRICT', `encrypted to ${to.join(', ') || 'no key'}, not to this district's key`);
  let text: string | null = null;
  try {
    // Only the manifest is needed to know the hall; nothing read here is trusted (pass 2 checks
    // the whole message, MDC and signature), so the data may stream before the end is checked.
    const result = await openpgp.decrypt({
      message: await readMessage(file),
      decryptionKeys: districtKey,
      format: 'binary',
      config: { allowUnauthenticatedStream: true },
    });
    const extract = tarOf(result.data as unknown as ReadableStream<Uint8Array>);
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      if (entry.header.name === MANIFEST_NAME) text = Buffer.concat(parts).toString('utf8');
      break;
    }
    extract.destroy();
  } catch (e) {
    throw new BatchRefused('BAD_SIGNATURE', `the batch cannot be decrypted whole (changed in transit?): ${(e as Error).message}`);
  }
  try {
    if (text === null) throw new BatchRefused('NOT_A_BATCH', 'manifest.json is not the first member');
    return parseManifest(text);
  } catch (e) {
    if (e instanceof BatchRefused && !(await messageIntact(file, districtKey))) throw new BatchRefused('BAD_SIGNATURE', 'the batch was changed after it was encrypted');
    throw e;
  }
}

/** A failure of the loader (the database), as opposed to one of the batch. */
class SinkFailure extends Error {
  constructor(readonly inner: unknown) {
    super('loader failed');
  }
}

/** Receives every JSON line of every .jsonl member, in archive order. */
export type LineSink = (member: string, record: unknown) => Promise<void> | void;

/**
 * Pass 2: decrypts with the enrolled hall key, streams JSON lines to the sink, then checks the
 * signature (BAD_SIGNATURE) and every size, hash and count (HASH_MISMATCH). Throws BatchRefused;
 * anything else thrown is a failure of this server (the caller retries later).
 */
export async function readBatch(file: string, districtKey: openpgp.PrivateKey, hallKey: openpgp.PublicKey, expected: Manifest, sink: LineSink): Promise<FoundFile[]> {
  let opened: Awaited<ReturnType<typeof openProtected>>;
  try {
    opened = await openProtected(createReadStream(file) as AsyncIterable<Uint8Array>, { decryptWith: districtKey, verifyWith: hallKey });
  } catch (e) {
    throw new BatchRefused('BAD_SIGNATURE', (e as Error).message, expected);
  }
  const found: FoundFile[] = [];
  let manifestText = '';
  const give = async (member: string, line: string) => {
    const record: unknown = JSON.parse(line);
    try {
      await sink(member, record);
    } catch (e) {
      throw e instanceof SyntaxError ? e : new SinkFailure(e);
    }
  };
  const extract = tarOf(opened.data);
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      let rest = '';
      const jsonl = name.endsWith('.jsonl');
      const read = await readBatchEntry(name, entry, async (chunk) => {
        if (!jsonl) return;
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) await give(name, line);
      });
      if (jsonl && rest.trim()) await give(name, rest);
      if (read.manifestText !== null) manifestText = read.manifestText;
      else found.push({ name, bytes: read.bytes, sha256: read.sha256, records: read.records });
    }
  } catch (e) {
    if (e instanceof SyntaxError) throw new BatchRefused('HASH_MISMATCH', `a JSON line does not parse: ${e.message}`, expected);
    if (e instanceof BatchRefused) throw e;
    if (e instanceof SinkFailure) throw e.inner;
    // The decryption stream fails when the message was changed, signed by another key, or the
    // archive inside is broken: all of it is the batch's fault, not this server's.
    throw new BatchRefused('BAD_SIGNATURE', (e as Error).message, expected);
  }
  try {
    const sig = opened.signatures[0];
    if (!sig) throw new Error('the batch is not signed');
    await sig.verified;
  } catch (e) {
    throw new BatchRefused('BAD_SIGNATURE', `signature: ${(e as Error).message}`, expected);
  }
  const manifest = parseManifest(manifestText);
  if (manifest.batchId !== expected.batchId || manifest.hallId !== expected.hallId) throw new BatchRefused('HASH_MISMATCH', 'the manifest changed between reads', expected);
  const problems = manifestProblems(manifest, found);
  if (problems.length > 0) throw new BatchRefused('HASH_MISMATCH', problems.slice(0, 5).join('; '), manifest);
  return found;
}
