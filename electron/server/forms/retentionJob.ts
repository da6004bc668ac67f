// Erases the personal part of submissions a set number of days after their confirmed export
// (the decision is electron/core/forms/retention.ts). Runs at start and every hour; each purge
// is one transaction together with its audit entry (count and ids, never answers).
import type { Logger } from 'pino';
import { dueForPurge, retentionCutoff } from '../../core/forms/retention.js';
import type { Clock } from '../../core/ports.js';
import type { SubmissionStore } from '../../store/submissionStore.js';
import type { AuditLog } from '../audit.js';
import type { FormCatalog } from './catalog.js';

const HOUR_MS = 60 * 60 * 1000;
/** Ids per transaction, so a large backlog never holds the writer for long. */
const BATCH = 500;

export interface RetentionDeps {
  catalog: FormCatalog;
  store: SubmissionStore;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
}

/** One pass: purges everything due now. Resolves the ids purged. */
export async function purgeDueSubmissions(d: RetentionDeps): Promise<string[]> {
  const days = await d.catalog.retentionDays();
  const purged: string[] = [];
  for (;;) {
    const now = d.clock.now();
    const candidates = await d.store.reads.exportedBefore(retentionCutoff(now, days), BATCH);
    const due = dueForPurge(candidates, days, now);
    if (due.length === 0) break;
    const done = await d.store.write(async (tx, conn) => {
      // The writer runs with secure_delete on (store/db.ts; set inside a transaction it has no
      // effect): the freed bytes of the sealed blobs are zeroed in the new page images.
      const ids = await tx.purgePersonal(due, now);
      if (ids.length > 0) await d.audit.recordIn(conn, 'system', { action: 'purge.personal', target: null, detail: { count: ids.length, ids, retentionDays: days } });
      return ids;
    });
    purged.push(...done);
    if (done.length === 0 || candidates.length < BATCH) break;
  }
  if (purged.length > 0) {
    // secure_delete zeroes the freed bytes in the new page images, but those sit in the WAL
    // and the old pages (and the WAL frames of the first write) still hold the sealed bytes
    // until a checkpoint: copy everything into the file and truncate the WAL now.
    const clean = await d.store.checkpoint();
    if (!clean) d.log.warn('WAL not truncated after the purge (a reader held it); the next purge retries');
    d.log.info({ count: purged.length }, 'personal answers purged');
  }
  return purged;
}

export interface RetentionJob {
  /** Runs a pass now (also what the timer does). */
  runNow(): Promise<string[]>;
  /** Stops the timer and waits for a pass in progress (so the database can close). */
  stop(): Promise<void>;
}

export function startRetentionJob(d: RetentionDeps, everyMs = HOUR_MS): RetentionJob {
  let running: Promise<string[]> | null = null;
  const runNow = () => {
    // One pass at a time; a caller during a pass waits for that pass and then runs its own.
    const previous = running ?? Promise.resolve([] as string[]);
    const p = previous.catch(() => []).then(() => purgeDueSubmissions(d));
    running = p;
    return p;
  };
  const tick = () => {
    runNow().catch((e: unknown) => d.log.error({ err: e }, 'retention pass failed'));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
