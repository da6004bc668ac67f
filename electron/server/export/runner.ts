// One export run, as a message queue's outbox → batch → acknowledgement:
//   lock → close the day → the open batch, or plan a new one (membership committed first)
//   → build `<batch>.gpg` unless an intact build is kept → deliver to every target not yet
//   confirmed → once all confirmed, mark the records exported in one transaction.
// A crash anywhere leaves the batch open; the next run picks it up with the same id and the
// same content, and nothing is marked that was not delivered everywhere.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { allConfirmed, batchId as makeBatchId, nextStep } from '../../core/export/batchPlan.js';
import { closeDay } from '../../core/usecases/closeDay.js';
import type { HallDeps } from '../../core/ports.js';
import type { ExportBatch, ExportStore, RunTrigger } from '../../store/exportStore.js';
import type { AuditLog } from '../audit.js';
import type { Principal } from '../../shared/principal.js';
import { buildBatchFile, outboxFile, workDirFor, type OpenSealed } from './builder.js';
import { faultPoint } from './faults.js';
import { FolderTarget } from './folderTarget.js';
import { HttpTarget, type HttpTargetOptions } from './httpTarget.js';
import { loadOrCreateHallKey, readDistrictKey, type SealingPort } from './keys.js';
import { ExportLock } from './lock.js';
import { readExportSettings } from './settings.js';
import { targetKey, type DeliveryTarget, type ExportTarget } from './targets.js';

export interface ExportEnv {
  dbFile: string;
  store: ExportStore;
  deps: HallDeps;
  dataDir: string;
  hallName: string;
  sealing: SealingPort | null;
  audit: AuditLog | null;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

export interface RunOptions {
  trigger: RunTrigger;
  /** Who started it (manual runs); the system otherwise. */
  principal?: Principal | 'system';
  /** Replace the configured targets / district key (the CLI's flags). */
  targets?: ExportTarget[];
  districtKey?: string;
  http?: HttpTargetOptions;
}

export interface RunOutcome {
  runId: string | null;
  result: 'delivered' | 'nothing' | 'failed' | 'busy';
  batchId: string | null;
  error: string | null;
  counts: Record<string, number> | null;
}

export interface RunProgress {
  runId: string;
  trigger: RunTrigger;
  startedAt: number;
  stage: 'closing-day' | 'planning' | 'building' | 'encrypting' | 'delivering' | 'marking' | 'done';
  /** Records or bytes done in the current stage. */
  done: number;
  /** 0..1, rough, for the progress bar. */
  fraction: number;
  batchId: string | null;
}

const STAGE_FRACTION: Record<RunProgress['stage'], number> = {
  'closing-day': 0.02,
  planning: 0.05,
  building: 0.1,
  encrypting: 0.5,
  delivering: 0.8,
  marking: 0.95,
  done: 1,
};

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return h.digest('hex');
}

async function fileIntact(batch: ExportBatch): Promise<boolean> {
  if (batch.status !== 'built' || !batch.filePath || !batch.fileSha256 || !existsSync(batch.filePath)) return false;
  if (statSync(batch.filePath).size !== batch.fileSize) return false;
  return (await sha256File(batch.filePath)) === batch.fileSha256;
}

export function targetFor(t: ExportTarget, http: HttpTargetOptions | undefined): DeliveryTarget {
  return t.kind === 'folder' ? new FolderTarget(t.path) : new HttpTarget(t.url, http);
}

export class ExportRunner {
  private current: RunProgress | null = null;
  private listeners = new Set<(p: RunProgress) => void>();

  constructor(private readonly env: ExportEnv) {}

  progress(): RunProgress | null {
    return this.current;
  }

  onProgress(fn: (p: RunProgress) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(stage: RunProgress['stage'], done = 0, batchId?: string | null): void {
    if (!this.current) return;
    this.current = { ...this.current, stage, done, fraction: STAGE_FRACTION[stage], batchId: batchId === undefined ? this.current.batchId : batchId };
    for (const l of this.listeners) l(this.current);
  }

  async run(opts: RunOptions): Promise<RunOutcome> {
    const { store, deps } = this.env;
    const lock = new ExportLock(store, deps.clock);
    if (!(await lock.acquire())) return { runId: null, result: 'busy', batchId: null, error: 'another export is running', counts: null };
    const runId = randomUUID();
    let batch: ExportBatch | null = null;
    let outcome: RunOutcome;
    try {
      await store.closeAbandonedRuns(deps.clock.now());
      await store.startRun(runId, opts.trigger, deps.clock.now());
      this.current = { runId, trigger: opts.trigger, startedAt: deps.clock.now(), stage: 'closing-day', done: 0, fraction: 0, batchId: null };
      outcome = await this.steps(runId, opts, (b) => (batch = b));
    } catch (e) {
      outcome = { runId, result: 'failed', batchId: (batch as ExportBatch | null)?.id ?? null, error: (e as Error).message, counts: null };
    }
    try {
      await store.finishRun(runId, { at: deps.clock.now(), result: outcome.result === 'busy' ? 'failed' : outcome.result, batchId: outcome.batchId, error: outcome.error, counts: outcome.counts });
      await this.env.audit?.record(opts.principal ?? 'system', {
        action: 'export.run',
        target: outcome.batchId,
        detail: { trigger: opts.trigger, result: outcome.result, error: outcome.error, counts: outcome.counts },
      });
    } finally {
      this.set('done');
      this.current = null;
      await lock.release();
    }
    if (outcome.result === 'failed') this.env.log?.warn({ batchId: outcome.batchId, error: outcome.error }, 'export failed');
    else this.env.log?.info({ batchId: outcome.batchId, result: outcome.result }, 'export run');
    return outcome;
  }

  private async steps(runId: string, opts: RunOptions, seen: (b: ExportBatch) => void): Promise<RunOutcome> {
    const { store, deps, dataDir } = this.env;
    const settings = await readExportSettings(store);
    const targets = opts.targets ?? settings.targets;
    const districtArmored = opts.districtKey ?? settings.districtKey;
    if (targets.length === 0) throw new Error('no delivery target is configured (a folder or a URL)');
    if (!districtArmored) throw new Error('the district’s public key is not configured');
    const districtKey = await readDistrictKey(districtArmored);

    const day = await closeDay(deps);
    this.set('planning');
    let batch = await store.openBatch();
    if (!batch) {
      const now = deps.clock.now();
      batch = await store.planBatch(makeBatchId(now, randomBytes(4).toString('hex')), now, day.today);
      if (!batch) return { runId, result: 'nothing', batchId: null, error: null, counts: null };
    }
    seen(batch);
    this.set('building', 0, batch.id);

    const step = nextStep({ status: batch.status, fileIntact: await fileIntact(batch) });
    if (step === 'build') {
      if (batch.status === 'built') await store.setBuilding(batch.id);
      const hallKey = await loadOrCreateHallKey(dataDir, this.env.hallName, this.env.sealing);
      const hallId = await store.settingOrCreate('export.hallId', () => randomUUID());
      const file = outboxFile(dataDir, batch.id);
      const sealing = this.env.sealing;
      const openSealed: OpenSealed | null = sealing ? (s, k, id) => sealing.open(s, k, id) as ReturnType<OpenSealed> : null;
      const built = await buildBatchFile({
        dbFile: this.env.dbFile,
        batch,
        hallId,
        hallName: this.env.hallName,
        workDir: workDirFor(dataDir, batch.id),
        outFile: file,
        hallKey,
        districtKey,
        openSealed,
        progress: (stage, done) => this.set(stage === 'encrypting' ? 'encrypting' : 'building', done),
      });
      await store.setBuilt(batch.id, { at: deps.clock.now(), filePath: file, sha256: built.sha256, size: built.size, counts: built.counts });
      batch = (await store.getBatch(batch.id))!;
    }
    const counts = batch.counts;

    this.set('delivering');
    const keys = targets.map(targetKey);
    const confirmed = await store.confirmations(batch.id);
    const errors: string[] = [];
    for (const t of targets) {
      const target = targetFor(t, opts.http);
      if (confirmed.includes(target.key)) continue;
      try {
        const d = await target.deliver(batch.filePath!, batch.id, batch.fileSha256!, batch.fileSize!);
        await store.confirm(batch.id, target.key, deps.clock.now(), d.detail);
        confirmed.push(target.key);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    if (!allConfirmed(keys, confirmed)) {
      return { runId, result: 'failed', batchId: batch.id, error: errors.join('; ') || 'not every target confirmed', counts };
    }

    this.set('marking');
    const b = batch;
    await store.markDelivered(b.id, deps.clock.now(), async (c) => {
      await this.env.audit?.recordIn(c, 'system', { action: 'export.delivered', target: b.id, detail: { counts, targets: keys } });
      faultPoint('marking');
    });
    // Confirmed everywhere: the outbox copy is no longer needed.
    rmSync(b.filePath!, { force: true });
    return { runId, result: 'delivered', batchId: b.id, error: null, counts };
  }
}
