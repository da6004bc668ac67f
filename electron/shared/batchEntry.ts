// Reads one member of a batch's tar as it streams past: its size, SHA-256 and record count
// (RecordCounter), and the manifest's own bytes. The hall's check of a batch it wrote
// (server/export/verify.ts) and the district's intake (district/receive/openBatch.ts) read a
// member the same way, so a manifest's figures mean the same at both ends.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { MANIFEST_NAME } from '../core/export/manifest.js';
import { RecordCounter } from './recordCounter.js';

/** The members of a decrypted batch's tar as they stream past; a failure of the stream (a changed byte, a wrong signature) ends the walk with that error. */
export function extractTar(stream: Readable): ReturnType<typeof tar.extract> {
  const extract = tar.extract();
  stream.on('error', (e) => extract.destroy(e));
  stream.pipe(extract as unknown as NodeJS.WritableStream);
  return extract;
}

export type EntryKind = 'csv' | 'jsonl' | 'other';

export interface BatchEntry {
  name: string;
  kind: EntryKind;
  bytes: number;
  sha256: string;
  records: number;
  /** False when a CSV does not start with the UTF-8 byte-order mark. */
  bomOk: boolean;
  /** The manifest's text (only for the manifest member). */
  manifestText: string | null;
}

export const entryKind = (name: string): EntryKind => (name.endsWith('.csv') ? 'csv' : name.endsWith('.jsonl') ? 'jsonl' : 'other');

/** Reads a member to its end; `onChunk` sees every chunk in order (the district parses JSON Lines from them). */
export async function readBatchEntry(name: string, chunks: AsyncIterable<unknown>, onChunk?: (chunk: Buffer) => Promise<void>): Promise<BatchEntry> {
  const kind = entryKind(name);
  const counter = new RecordCounter(kind);
  const hash = createHash('sha256');
  let bytes = 0;
  const keep: Buffer[] = [];
  for await (const c of chunks) {
    const chunk = c as Buffer;
    hash.update(chunk);
    bytes += chunk.length;
    counter.push(chunk);
    if (name === MANIFEST_NAME) keep.push(chunk);
    if (onChunk) await onChunk(chunk);
  }
  const manifestText = name === MANIFEST_NAME ? Buffer.concat(keep).toString('utf8') : null;
  return { name, kind, bytes, sha256: hash.digest('hex'), records: counter.records(), bomOk: counter.bomOk, manifestText };
}
