// Personal-data key rotation (`npm run rotate-key`, electron/cli/rotateKey.ts). Runs beside a
// running hall server; every step is durable, so a crash (power cut, SIGKILL) at any point
// is resumed by running the command again:
// 1. A new key is made and the key file rewritten atomically as {key: new, previous: [old]}.
//    From then on the server (which re-reads a changed key file) seals under the new key and
//    opens records under either; the rotation is recorded in data_key_rotations, audited.
// 2. The sealed export passphrase is re-sealed under the new key (one atomic file replace).
// 3. Every sealed submission still under an old key is re-sealed, in batches of one write
//    transaction each; each UPDATE only applies if the record is unchanged since it was read,
//    so a staff edit in the server meanwhile is never overwritten (the next pass sees it).
// 4. When no record or passphrase is left under an old key (after a short settle so that a
//    seal the server began under the old key has reached the database), the old key is
//    retired: the key file is rewritten with the new key only. A last sweep after that still
//    holds the old key in memory and moves any straggler.
// A rotation is resumed from the key file: `previous` not empty means one is under way.
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit.js';
import type { Database } from '../../store/db.js';
import { resealPassphrase } from '../export/keys.js';
import { KEY_BYTES, readKeyFile, writeKeyFile } from './keyFile.js';
import { keyIdOf, PersonalDataCipher, PersonalDataError } from './personalData.js';

export interface RotationOptions {
  db: Database;
  dataDir: string;
  keyFile: string;
  audit: AuditLog;
  now: () => number;
  batchSize?: number;
  /** Wait after switching keys before the final count (a seal in flight reaches the database). */
  settleMs?: number;
  /** Called after each committed batch (progress line; the crash tests' fault hook). */
  afterBatch?: (batch: number, moved: number) => void;
  randomKey?: () => Buffer;
}

export interface RotationResult {
  fromKeyIds: string[];
  toKeyId: string;
  moved: number;
  resumed: boolean;
  /** Records under an old key that could not be opened (damaged); the old key is kept then. */
  unreadable: string[];
  retired: boolean;
}

export class RotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotationError';
  }
}

interface SealedRow {
  id: string;
  sealed: Buffer;
  key_id: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Re-seals one pass over every record under an old key; returns how many moved. */
async function movePass(o: RotationOptions, cipher: PersonalDataCipher, oldIds: string[], rotationId: number, unreadable: Set<string>, batchNo: { n: number }): Promise<number> {
  const batchSize = o.batchSize ?? 200;
  const marks = oldIds.map(() => '?').join(', ');
  let after = '';
  let moved = 0;
  for (;;) {
    const rows = await o.db.reader.all<SealedRow>(
      `SELECT id, sealed, key_id FROM submissions WHERE sealed IS NOT NULL AND key_id IN (${marks}) AND id > ? ORDER BY id LIMIT ?`,
      [...oldIds, after, batchSize],
    );
    if (rows.length === 0) return moved;
    after = rows[rows.length - 1]!.id;
    const n = await o.db.write(async (c) => {
      let changed = 0;
      for (const r of rows) {
        let again;
        try {
          again = cipher.seal(cipher.open(r.sealed, r.key_id, r.id), r.id);
        } catch (e) {
          if (e instanceof PersonalDataError) {
            unreadable.add(r.id);
            continue;
          }
          throw e;
        }
        const res = await c.run('UPDATE submissions SET sealed = ?, key_id = ? WHERE id = ? AND key_id = ? AND sealed = ?', [again.sealed, again.keyId, r.id, r.key_id, r.sealed]);
        changed += res.changes;
      }
      await c.run('UPDATE data_key_rotations SET records_moved = records_moved + ? WHERE id = ?', [changed, rotationId]);
      return changed;
    });
    moved += n;
    batchNo.n++;
    o.afterBatch?.(batchNo.n, moved);
  }
}

async function remaining(db: Database, oldIds: string[]): Promise<number> {
  const marks = oldIds.map(() => '?').join(', ');
  const r = await db.reader.get<{ n: number }>(`SELECT COUNT(*) AS n FROM submissions WHERE sealed IS NOT NULL AND key_id IN (${marks})`, oldIds);
  return r?.n ?? 0;
}

export async function rotateDataKey(o: RotationOptions): Promise<RotationResult> {
  const start = readKeyFile(o.keyFile);
  if (!start) throw new RotationError(`There is no personal-data key file at ${o.keyFile}; rotation needs the current key (restore it first).`);
  const resumed = start.previous.length > 0;
  if (!resumed) {
    const fresh = (o.randomKey ?? (() => randomBytes(KEY_BYTES)))();
    if (fresh.length !== KEY_BYTES) throw new Error('randomKey must return 32 bytes');
    // The commit point of a new rotation: from here the key file holds both keys.
    writeKeyFile(o.keyFile, { key: fresh, previous: [start.key] }, 'replace');
  }
  const both = readKeyFile(o.keyFile)!;
  const toKeyId = keyIdOf(both.key);
  const oldIds = both.previous.map(keyIdOf);
  const cipher = new PersonalDataCipher({ kind: 'key_file', file: o.keyFile, dataDir: o.dataDir });

  const rotationId = await o.db.write(async (c) => {
    const open = await c.get<{ id: number; to_key_id: string }>('SELECT id, to_key_id FROM data_key_rotations WHERE finished_at IS NULL');
    if (open && open.to_key_id === toKeyId) {
      await o.audit.recordIn(c, 'system', { action: 'data_key.rotation_resumed', target: toKeyId, detail: { from: oldIds, to: toKeyId } });
      return open.id;
    }
    // A rotation row for another target (should not happen) is closed as abandoned.
    if (open) await c.run('UPDATE data_key_rotations SET finished_at = ? WHERE id = ?', [o.now(), open.id]);
    const r = await c.run('INSERT INTO data_key_rotations (from_key_ids, to_key_id, started_at) VALUES (?, ?, ?)', [JSON.stringify(oldIds), toKeyId, o.now()]);
    await o.audit.recordIn(c, 'system', { action: 'data_key.rotation_started', target: toKeyId, detail: { from: oldIds, to: toKeyId } });
    return r.lastID;
  });

  const sealPassphrase = async () => {
    const now = resealPassphrase(o.dataDir, cipher);
    if (now === null || now === toKeyId) await o.db.write((c) => c.run('UPDATE data_key_rotations SET passphrase_moved = 1 WHERE id = ?', [rotationId]));
  };
  await sealPassphrase();

  const unreadable = new Set<string>();
  const batchNo = { n: 0 };
  let moved = await movePass(o, cipher, oldIds, rotationId, unreadable, batchNo);
  // Records the server sealed under the old key just before it saw the new key file.
  await sleep(o.settleMs ?? 2000);
  for (let pass = 0; pass < 5 && (await remaining(o.db, oldIds)) > unreadable.size; pass++) moved += await movePass(o, cipher, oldIds, rotationId, unreadable, batchNo);
  await sealPassphrase();

  const left = await remaining(o.db, oldIds);
  if (left > 0) {
    await o.db.write((c) =>
      o.audit.recordIn(c, 'system', { action: 'data_key.rotation_incomplete', target: toKeyId, detail: { from: oldIds, to: toKeyId, left, unreadable: [...unreadable] } }),
    );
    return { fromKeyIds: oldIds, toKeyId, moved, resumed, unreadable: [...unreadable], retired: false };
  }
  // Retire the old key; then one last sweep with it still in memory.
  writeKeyFile(o.keyFile, { key: both.key, previous: [] }, 'replace');
  await sleep(o.settleMs ?? 2000);
  moved += await movePass(o, cipher, oldIds, rotationId, unreadable, batchNo);
  await sealPassphrase();
  await o.db.write(async (c) => {
    await c.run('UPDATE data_key_rotations SET finished_at = ? WHERE id = ?', [o.now(), rotationId]);
    const row = await c.get<{ records_moved: number }>('SELECT records_moved FROM data_key_rotations WHERE id = ?', [rotationId]);
    await o.audit.recordIn(c, 'system', { action: 'data_key.rotation_finished', target: toKeyId, detail: { from: oldIds, to: toKeyId, recordsMoved: row?.records_moved ?? moved } });
  });
  return { fromKeyIds: oldIds, toKeyId, moved, resumed, unreadable: [], retired: true };
}
