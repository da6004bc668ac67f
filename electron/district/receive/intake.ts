// One batch file in, from the HTTP endpoint or the drop folder: refuse it (kept in quarantine
// with its reason, never deleted), recognise a repeat (nothing changes), or load it whole in
// ONE transaction together with its batch row — so after any crash it is there or absent.
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as openpgp from 'openpgp';
import type { Database } from '../db/database.js';
import type { AnswerCipher, DistrictKeys } from '../keys.js';
import { recordAudit } from '../sql/audit.js';
import { findHall } from '../sql/halls.js';
import { loadFault } from './faults.js';
import { BatchLoader } from './loader.js';
import { BatchRefused, messageIntact, peekManifest, readBatch } from './openBatch.js';

export interface Received {
  outcome: 'loaded' | 'repeat';
  batchId: string;
  hallId: string;
  counts: Record<string, number>;
}

export interface IntakeDeps {
  db: Database;
  keys: DistrictKeys;
  cipher: AnswerCipher;
  dataDir: string;
  now: () => number;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file).on('data', (c) => h.update(c)).on('error', reject).on('end', () => resolve(h.digest('hex')));
  });
}

export class Intake {
  /** Loads run one at a time: partitions are made on demand and a batch is judged once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: IntakeDeps) {}

  receive(file: string, via: 'http' | 'folder', fileName: string, claimedBatchId: string): Promise<Received> {
    const run = this.queue.then(() => this.receiveNow(file, via, fileName, claimedBatchId));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async receiveNow(file: string, via: 'http' | 'folder', fileName: string, claimedBatchId: string): Promise<Received> {
    const { db, keys } = this.d;
    const sha256 = await sha256File(file);
    try {
      const manifest = await peekManifest(file, keys.privateKey);
      if (manifest.batchId !== claimedBatchId) {
        throw new BatchRefused('NAME_MISMATCH', `delivered as ${claimedBatchId}, the manifest says ${manifest.batchId}`, manifest);
      }
      const seen = await db.query<{ hall_id: string; sha256: string }>('SELECT hall_id, sha256 FROM batches WHERE id = $1', [manifest.batchId]);
      if (seen.rows[0]) {
        // The same file again, or the same batch encrypted anew (a rebuilt batch): a repeat.
        // A changed copy of a loaded batch is refused, not waved through as a repeat.
        if (seen.rows[0].sha256 !== sha256 && !(await messageIntact(file, keys.privateKey))) {
          throw new BatchRefused('BAD_SIGNATURE', 'the batch was changed after it was encrypted', manifest);
        }
        return { outcome: 'repeat', batchId: manifest.batchId, hallId: seen.rows[0].hall_id, counts: {} };
      }
      const hall = await findHall(db.pool, manifest.hallId);
      if (!hall) throw new BatchRefused('UNKNOWN_HALL', `hall ${manifest.hallId} is not enrolled`, manifest);
      const hallKey = await openpgp.readKey({ armoredKey: hall.publicKey });
      return await db.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(8090002)');
        const again = await c.query('SELECT 1 FROM batches WHERE id = $1', [manifest.batchId]);
        if (again.rowCount) return { outcome: 'repeat' as const, batchId: manifest.batchId, hallId: hall.id, counts: {} };
        const loader = new BatchLoader(c, hall.id, manifest.batchId, this.d.cipher);
        let lines = 0;
        await readBatch(file, keys.privateKey, hallKey as openpgp.PublicKey, manifest, async (member, record) => {
          await loader.line(member, record);
          if (++lines === 1500) loadFault('reading');
        });
        await loader.finish();
        loadFault('loaded');
        await c.query(
          'INSERT INTO batches (id, hall_id, sha256, received_at, created_at, via, counts) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [manifest.batchId, hall.id, sha256, this.d.now(), Date.parse(manifest.createdAt) || null, via, JSON.stringify(loader.loaded)],
        );
        await recordAudit(c, this.d.now(), null, 'batch.load', manifest.batchId, { hallId: hall.id, via, counts: loader.loaded });
        loadFault('committing');
        return { outcome: 'loaded' as const, batchId: manifest.batchId, hallId: hall.id, counts: loader.loaded };
      }).then((r) => {
        if (r.outcome === 'loaded') {
          loadFault('committed');
          this.d.log.info({ batchId: r.batchId, hallId: r.hallId, counts: r.counts, via }, 'batch loaded');
        }
        return r;
      });
    } catch (e) {
      if (e instanceof BatchRefused) {
        // The manifest was read before the message's integrity was checked: a refusal for what
        // it says (name, hall) is a changed byte when the message is not whole.
        const refusal = (e.code === 'NAME_MISMATCH' || e.code === 'UNKNOWN_HALL') && !(await messageIntact(file, keys.privateKey))
          ? new BatchRefused('BAD_SIGNATURE', 'the batch was changed after it was encrypted', e.manifest)
          : e;
        await this.quarantine(file, via, fileName, sha256, refusal);
        throw refusal;
      }
      throw e;
    }
  }

  private async quarantine(file: string, via: string, fileName: string, sha256: string, e: BatchRefused): Promise<void> {
    const dir = join(this.d.dataDir, 'quarantine');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const storedAs = join(dir, `${this.d.now()}-${sha256.slice(0, 12)}-${basename(fileName).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)}`);
    copyFileSync(file, storedAs);
    await this.d.db.query(
      'INSERT INTO quarantine (received_at, via, file_name, batch_id, hall_id, code, problem, sha256, stored_as) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [this.d.now(), via, fileName, e.manifest?.batchId ?? null, e.manifest?.hallId ?? null, e.code, e.problem.slice(0, 2000), sha256, storedAs],
    );
    this.d.log.warn({ code: e.code, fileName, via, problem: e.problem.slice(0, 300) }, 'batch refused');
  }
}
