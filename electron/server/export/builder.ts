// Builds one batch file: every record of the batch as CSV (BOM, CRLF, RFC 4180, a second
// header row of Chinese labels) and JSON Lines, the statistics summary, manifest.json; all
// in a tar archive, signed and encrypted with OpenPGP into `<batch>.gpg`. Streams from SQL
// pages to disk, so memory stays flat whatever the batch holds. Deterministic: rebuilding a
// batch after a crash gives the same files (same order, same bytes, same tar dates).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { fsyncPath } from '../../shared/durableFiles.js';
import { CSV_BOM, csvRow } from '../../core/export/csv.js';
import { jsonLine } from '../../core/export/jsonLines.js';
import { buildManifest, MANIFEST_NAME, manifestText, type ManifestFile } from '../../core/export/manifest.js';
import {
  FOLLOWUP_FILE,
  PRINT_JOB_FILE,
  RATING_FILE,
  submissionFile,
  submissionFileName,
  TICKET_FILE,
  type FileSpec,
} from '../../core/export/records.js';
import { DailyStatistics, STATISTICS_FILE } from '../../core/export/statistics.js';
import type { AnswerValue, FormDefinition } from '../../core/forms/definition.js';
import { Connection } from '../../store/db.js';
import { BatchReader, type ExportBatch } from '../../store/exportStore.js';
import { faultPoint } from './faults.js';
import type { DistrictKey, HallKey } from './keys.js';
import { protectStream } from './protect.js';
import { Spool, spoolKey } from './spool.js';
import sqlite3 from 'sqlite3';

/** The hall's public key travels inside the batch, so a receiver can check the signature
 * even before it has the key from the admin page (and then compare fingerprints). */
export const HALL_KEY_MEMBER = 'hall-public-key.asc';

export type OpenSealed = (sealed: Buffer, keyId: string, submissionId: string) => Record<string, AnswerValue>;

export interface BuildInput {
  dbFile: string;
  batch: ExportBatch;
  hallId: string;
  hallName: string;
  /** Scratch folder for this build (removed afterwards). */
  workDir: string;
  /** The finished `<batch>.gpg`; written as `.part`, fsynced, then renamed. */
  outFile: string;
  hallKey: HallKey;
  districtKey: DistrictKey;
  /** Opens the sealed personal answers; null when no personal-data key is available here. */
  openSealed: OpenSealed | null;
  progress?: (stage: string, done: number) => void;
}

export interface BuildResult {
  sha256: string;
  size: number;
  /** Records per archive file (CSV name → rows). */
  counts: Record<string, number>;
}

class FilePair<T> {
  readonly csv: Spool;
  readonly jsonl: Spool;
  constructor(
    readonly base: string,
    readonly spec: FileSpec<T>,
    dir: string,
    key: Buffer,
  ) {
    this.csv = new Spool(`${base}.csv`, join(dir, `${base}.csv.enc`), key);
    this.jsonl = new Spool(`${base}.jsonl`, join(dir, `${base}.jsonl.enc`), key);
  }

  async start(): Promise<void> {
    await this.csv.write(CSV_BOM + csvRow(this.spec.columns.map((c) => c.code)) + csvRow(this.spec.columns.map((c) => c.label)));
  }

  /** A promise only when a file had to wait for the disk. */
  add(record: T, jsonText?: string): Promise<void> | null {
    const a = this.csv.write(csvRow(this.spec.csv(record)), 1);
    const b = this.jsonl.write(jsonText === undefined ? jsonLine(this.spec.json(record)) : jsonText + '\n', 1);
    return a || b ? Promise.all([a, b]).then(() => undefined) : null;
  }

  async finish(): Promise<ManifestFile[]> {
    const a = await this.csv.finish();
    const b = await this.jsonl.finish();
    return [
      { name: this.csv.name, records: a.records, bytes: a.bytes, sha256: a.sha256 },
      { name: this.jsonl.name, records: b.records, bytes: b.bytes, sha256: b.sha256 },
    ];
  }
}

/** A record with its JSON line text (without the line end) as the store already wrote it. */
class Rendered<T> {
  constructor(
    readonly record: T,
    readonly line: string,
  ) {}
}

async function* rendered<T>(rows: AsyncIterable<{ record: T; line: string }>): AsyncGenerator<Rendered<T>> {
  for await (const r of rows) yield new Rendered(r.record, r.line);
}

export async function buildBatchFile(input: BuildInput): Promise<BuildResult> {
  rmSync(input.workDir, { recursive: true, force: true });
  mkdirSync(input.workDir, { recursive: true, mode: 0o700 });
  const key = spoolKey();
  const pairs: FilePair<never>[] = [];
  const files: ManifestFile[] = [];
  const progress = input.progress ?? (() => undefined);

  // Pass 1: one read snapshot (a transaction on a connection of our own), so every file
  // describes the same moment; the server's own reader is never held.
  const conn = await Connection.open(input.dbFile, sqlite3.OPEN_READONLY);
  try {
    await conn.exec('PRAGMA busy_timeout=5000; BEGIN');
    const reader = new BatchReader(conn, input.batch.id);

    /** `rows` yields records, or records with their JSON line already written (tickets). */
    const addPair = async <T>(base: string, spec: FileSpec<T>, rows: AsyncIterable<T | Rendered<T>> | Iterable<T>, each?: (r: T) => void) => {
      const pair = new FilePair<T>(base, spec, input.workDir, key);
      pairs.push(pair as unknown as FilePair<never>);
      await pair.start();
      let n = 0;
      for await (const item of rows) {
        const rendered = item instanceof Rendered ? item : null;
        const r = rendered ? rendered.record : (item as T);
        each?.(r);
        const wait = pair.add(r, rendered?.line);
        if (wait) await wait;
        n += 1;
        if (n % 10_000 === 0) progress(base, n);
      }
      files.push(...(await pair.finish()));
    };

    const stats = new DailyStatistics(await reader.timeZone());
    await addPair('tickets', TICKET_FILE, rendered(reader.ticketLines()), (t) => stats.add(t));
    faultPoint('building');
    await addPair('print_jobs', PRINT_JOB_FILE, reader.printJobs());
    await addPair('statistics', STATISTICS_FILE, stats.rows());

    for (const form of await reader.submissionForms()) {
      const definition = form.definition ? (JSON.parse(form.definition) as FormDefinition) : null;
      const open: OpenSealed =
        input.openSealed ??
        (() => {
          throw new Error('a submission holds personal answers, but no personal-data key is available to this export');
        });
      await addPair(submissionFileName(form.formId, form.version), submissionFile(definition), reader.submissions(form.formId, form.version, open));
    }
    if (await reader.hasTable('ratings')) {
      await addPair('ratings', RATING_FILE, reader.ratings());
      await addPair('rating_followups', FOLLOWUP_FILE, reader.followups());
    }
    await conn.exec('COMMIT');
  } finally {
    await conn.close();
  }

  const hallKeyBytes = Buffer.from(input.hallKey.publicArmored, 'utf8');
  files.push({ name: HALL_KEY_MEMBER, records: 1, bytes: hallKeyBytes.length, sha256: createHash('sha256').update(hallKeyBytes).digest('hex') });
  const manifest = buildManifest({
    hallId: input.hallId,
    hallName: input.hallName,
    batchId: input.batch.id,
    createdAt: input.batch.createdAt,
    rangeFrom: input.batch.rangeFrom,
    rangeTo: input.batch.rangeTo,
    hallKeyFingerprint: input.hallKey.fingerprint,
    files,
  });
  const manifestBytes = Buffer.from(manifestText(manifest), 'utf8');
  const spools = new Map(pairs.flatMap((p) => [p.csv, p.jsonl]).map((s) => [s.name, s]));

  // Pass 2: tar (manifest first, then the files in manifest order) → OpenPGP → disk.
  const mtime = new Date(input.batch.createdAt);
  const pack = tar.pack();
  const feed = (async () => {
    const entry = (name: string, size: number) => {
      let done!: () => void;
      let fail!: (e: Error) => void;
      const finished = new Promise<void>((resolve, reject) => {
        done = resolve;
        fail = reject;
      });
      const stream = pack.entry({ name, size, mtime, mode: 0o644, uid: 0, gid: 0, uname: 'hall', gname: 'hall' }, (err) => (err ? fail(err) : done()));
      return { stream, finished };
    };
    const m = entry(MANIFEST_NAME, manifestBytes.length);
    m.stream.end(manifestBytes);
    await m.finished;
    for (const f of manifest.files) {
      if (f.name === HALL_KEY_MEMBER) {
        const k = entry(f.name, f.bytes);
        k.stream.end(hallKeyBytes);
        await k.finished;
        continue;
      }
      const spool = spools.get(f.name)!;
      const e = entry(f.name, f.bytes);
      for await (const chunk of spool.open() as AsyncIterable<Buffer>) {
        if (!e.stream.write(chunk)) await once(e.stream, 'drain');
      }
      e.stream.end(Buffer.alloc(0));
      await e.finished;
    }
    pack.finalize();
  })();
  feed.catch((e: unknown) => pack.destroy(e as Error));

  const encrypted = await protectStream(pack as unknown as AsyncIterable<Uint8Array>, {
    encryptTo: input.districtKey.key,
    signWith: input.hallKey.privateKey,
    filename: `${input.batch.id}.tar`,
    date: mtime,
  });

  mkdirSync(dirname(input.outFile), { recursive: true, mode: 0o700 });
  const part = `${input.outFile}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let chunks = 0;
  for await (const chunk of Readable.fromWeb(encrypted as import('node:stream/web').ReadableStream<Uint8Array>) as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
    chunks += 1;
    if (chunks === 2) {
      // Some ciphertext is on disk: the crash test stops here.
      await new Promise<void>((resolve) => out.write('', () => resolve()));
      faultPoint('encrypting');
    }
    if (chunks % 64 === 0) progress('encrypting', size);
  }
  await feed;
  out.end();
  await once(out, 'close');
  fsyncPath(part, 'r+');
  renameSync(part, input.outFile);
  fsyncPath(dirname(input.outFile));
  rmSync(input.workDir, { recursive: true, force: true });
  const counts = Object.fromEntries(files.filter((f) => f.name !== HALL_KEY_MEMBER).map((f) => [f.name, f.records]));
  return { sha256: hash.digest('hex'), size, counts };
}

export function outboxFile(dataDir: string, batchId: string): string {
  return join(dataDir, 'export', 'outbox', `${basename(batchId)}.gpg`);
}

export function workDirFor(dataDir: string, batchId: string): string {
  return join(dataDir, 'export', 'work', basename(batchId));
}
