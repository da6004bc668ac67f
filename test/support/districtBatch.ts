// Synthetic hall batches for the district's tests and benches: records made in memory, written
// as the hall writes them (CSV with BOM and label row + JSON Lines, manifest with sizes, SHA-256
// and counts, tar, signed and encrypted with the hall's OpenPGP code), with knobs to break them.
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import tar from 'tar-stream';
import { CSV_BOM, csvRow } from '../../electron/core/export/csv.js';
import { buildManifest, MANIFEST_NAME, manifestText, type ManifestFile } from '../../electron/core/export/manifest.js';
import {
  FOLLOWUP_FILE, RATING_FILE, submissionFile, submissionFileName, TICKET_FILE,
  type ExportFollowup, type ExportRating, type ExportSubmission, type ExportTicket, type FileSpec,
} from '../../electron/core/export/records.js';
import { protectStream } from '../../electron/server/export/protect.js';

export interface SyntheticHall {
  id: string;
  privateKey: openpgp.PrivateKey;
  publicArmored: string;
  fingerprint: string;
}

export async function syntheticHall(id: string): Promise<SyntheticHall> {
  const { privateKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: `${id} (test hall)` }], format: 'object' });
  return { id, privateKey, publicArmored: privateKey.toPublic().armor(), fingerprint: privateKey.getFingerprint().toUpperCase() };
}

export interface DayRecords {
  tickets: ExportTicket[];
  ratings: ExportRating[];
  followups: ExportFollowup[];
  submissions: ExportSubmission[];
}

const SERVICES = ['enquiries', 'residence', 'social', 'elderly'];
const COUNTERS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const LANGS = ['zh', 'bo', 'ug'];
const STATES = ['done', 'done', 'done', 'done', 'done', 'done', 'no_show', 'cancelled', 'expired', 'done'];

/** A day of a hall: `n` tickets with waits of 1–40 minutes, ratings for some, a few submissions. */
export function dayRecords(hallId: string, day: string, n: number, submissions = 0): DayRecords {
  const base = Date.parse(`${day}T01:00:00Z`);
  const tickets: ExportTicket[] = [];
  const ratings: ExportRating[] = [];
  const followups: ExportFollowup[] = [];
  for (let i = 0; i < n; i++) {
    const issuedAt = base + i * 7_000;
    const state = STATES[i % STATES.length]!;
    const called = state === 'done' || state === 'no_show';
    const wait = 60_000 + ((i * 7919) % 2_340_000);
    const serviceId = SERVICES[i % SERVICES.length]!;
    const counterId = called ? COUNTERS[i % COUNTERS.length]! : null;
    const t: ExportTicket = {
      id: `${hallId}-${day}-${i}`, day, code: `A${String(i).padStart(3, '0')}`, serviceId, issuedServiceId: serviceId, language: LANGS[i % 3]!,
      priority: i % 50 === 0, kioskId: 'k1', counterId, staffId: called ? 's1' : null, state, callCount: called ? 1 : 0, issuedAt, queuedAt: issuedAt,
      firstCalledAt: called ? issuedAt + wait : null, lastCalledAt: called ? issuedAt + wait : null,
      startedAt: state === 'done' ? issuedAt + wait + 30_000 : null, finishedAt: state === 'done' ? issuedAt + wait + 330_000 : null,
      queueCallCount: called ? 1 : 0, requeuedAt: null, waitMs: called ? wait : 0, clockSteps: 0,
    };
    tickets.push(t);
    if (state === 'done' && i % 4 === 0) {
      const score = 1 + (i % 5);
      const r: ExportRating = { id: `r-${t.id}`, ticketId: t.id, counterId, staffId: 's1', serviceId, day, score, reasons: score <= 2 ? ['slow'] : [], via: 'pad', at: t.finishedAt! + 5000 };
      ratings.push(r);
      if (score <= 2) followups.push({ id: `f-${t.id}`, ratingId: r.id, openedAt: r.at, closedAt: null, closedBy: null, note: null });
    }
  }
  const subs: ExportSubmission[] = [];
  for (let i = 0; i < submissions; i++) {
    subs.push({
      id: `s-${hallId}-${day}-${i}`, formId: 'suggestion_box', formVersion: 1, ticketId: tickets[i]?.id ?? null, language: 'zh', filledBy: 'kiosk', fillerId: 'k1',
      createdAt: base + i * 60_000, day, reviewedBy: null, reviewedAt: null, answers: { full_name: `居民${i}`, phone: `1380000${String(i).padStart(4, '0')}`, topic: '=HYPERLINK("x")' }, purged: false,
    });
  }
  return { tickets, ratings, followups, submissions: subs };
}

function pair<T>(base: string, spec: FileSpec<T>, records: T[]): [string, Buffer][] {
  const csv = CSV_BOM + csvRow(spec.columns.map((c) => c.code)) + csvRow(spec.columns.map((c) => c.label)) + records.map((r) => csvRow(spec.csv(r))).join('');
  const jsonl = records.map((r) => JSON.stringify(spec.json(r)) + '\n').join('');
  return [[`${base}.csv`, Buffer.from(csv, 'utf8')], [`${base}.jsonl`, Buffer.from(jsonl, 'utf8')]];
}

export interface BatchOptions {
  batchId: string;
  /** The hall the manifest names (default: the signing hall). */
  manifestHallId?: string;
  /** Changes a member after its hash went into the manifest. */
  corrupt?: boolean;
}

/** The encrypted, signed batch file's bytes. */
export async function buildBatch(hall: SyntheticHall, districtPublic: string, rec: DayRecords, o: BatchOptions): Promise<Buffer> {
  const members: [string, Buffer][] = [
    ...pair('tickets', TICKET_FILE, rec.tickets),
    ...pair('ratings', RATING_FILE, rec.ratings),
    ...pair('rating_followups', FOLLOWUP_FILE, rec.followups),
  ];
  if (rec.submissions.length > 0) members.push(...pair(submissionFileName('suggestion_box', 1), submissionFile(null), rec.submissions));
  const files: ManifestFile[] = members.map(([name, data]) => ({
    name, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'),
    records: name.endsWith('.jsonl') ? data.toString('utf8').split('\n').filter(Boolean).length : Math.max(0, data.toString('utf8').split('\n').length - 3),
  }));
  const manifest = buildManifest({ hallId: o.manifestHallId ?? hall.id, hallName: hall.id, batchId: o.batchId, createdAt: Date.now(), rangeFrom: null, rangeTo: null, hallKeyFingerprint: hall.fingerprint, files });
  if (o.corrupt) {
    const t = members.find(([n]) => n === 'tickets.jsonl')!;
    t[1] = Buffer.from(t[1].toString('utf8').replace('"state":"done"', '"state":"gone"'), 'utf8');
  }
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const all = [[MANIFEST_NAME, Buffer.from(manifestText(manifest), 'utf8')] as [string, Buffer], ...members];
  const out = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const [name, data] of all) pack.entry({ name, size: data.length, mtime: new Date(0) }, data);
  pack.finalize();
  await out;
  const encryptTo = await openpgp.readKey({ armoredKey: districtPublic });
  const stream = await protectStream((async function* () { yield Buffer.concat(chunks); })(), { encryptTo: encryptTo as openpgp.PublicKey, signWith: hall.privateKey, filename: `${o.batchId}.tar`, date: new Date() });
  const parts: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) parts.push(c);
  return Buffer.concat(parts);
}
