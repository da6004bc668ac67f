// The jobs of one printer, one after another. A job: render the snapshot, ask the printer's
// status (nothing is sent to a printer that reports paper out or cover open, or it would print
// the ticket much later when someone reloads paper), send the raster, read the status that
// follows it. Every outcome is written to print_jobs; nothing is ever retried on its own,
// because a job that failed halfway may have printed part of a ticket: staff decide.
import type { Logger } from 'pino';
import type { PrintOutcome } from '../server/context.js';
import type { PrintJobStore } from '../store/printJobStore.js';
import { blockingReason, type PrinterFlags } from './escpos.js';
import { PrintFailure, failureFrom } from './failure.js';
import type { PrinterLink } from './printerLink.js';
import type { TicketPrintData } from './ticketData.js';
import { renderTicket, type PaperWidth } from './ticketLayout.js';

export interface QueueDeps {
  jobs: PrintJobStore;
  now: () => number;
  log: Logger;
  /** Status learnt while printing: the flags, or the failure to reach the printer. */
  onStatus: (link: PrinterLink, result: PrinterFlags | null | PrintFailure) => void;
  /** A job changed state (for the counter console and admin page). */
  onJob: (jobId: number) => void;
}

export interface QueuedPrint {
  jobId: number;
  data: TicketPrintData;
  width: PaperWidth;
  /** Raw ESC/POS after the raster (the test print's native QR). */
  after?: Buffer;
}

const REACH_FAILURES = new Set(['connection_refused', 'unreachable', 'connection_reset', 'timeout', 'no_response', 'device_missing', 'not_a_device']);

export class PrintQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    readonly link: PrinterLink,
    private readonly deps: QueueDeps,
  ) {}

  get length(): number {
    return this.waiting;
  }

  /** Resolves when every job queued so far has ended. */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** Resolves with the final outcome once the job is printed or failed; never rejects. */
  enqueue(item: QueuedPrint): Promise<PrintOutcome> {
    this.waiting++;
    const run = (): Promise<PrintOutcome> => this.process(item).finally(() => this.waiting--);
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }

  private async process(item: QueuedPrint): Promise<PrintOutcome> {
    const { jobs, log } = this.deps;
    try {
      let bitmap;
      try {
        bitmap = renderTicket(item.data, item.width);
      } catch (e) {
        throw new PrintFailure('render_failed', e instanceof Error ? e.message : String(e));
      }
      if (this.link.canReadStatus) {
        const before = await this.link.status();
        this.deps.onStatus(this.link, before);
        const blocked = before && blockingReason(before);
        if (blocked) throw new PrintFailure(blocked, `printer reports ${blocked} before printing`);
      }
      const after = await this.link.print(bitmap, item.after);
      this.deps.onStatus(this.link, after);
      const blocked = after && blockingReason(after);
      if (blocked) throw new PrintFailure(blocked, `printer reports ${blocked} after the job`);
      await jobs.markPrinted(item.jobId, this.deps.now());
      this.deps.onJob(item.jobId);
      return { state: 'printed' };
    } catch (e) {
      const f = failureFrom(e);
      if (REACH_FAILURES.has(f.reason)) this.deps.onStatus(this.link, f);
      log.warn({ jobId: item.jobId, printer: this.link.address.text, reason: f.reason, err: f.message }, 'print job failed');
      try {
        await jobs.markFailed(item.jobId, f.reason, this.deps.now());
      } catch (dbErr) {
        log.error({ jobId: item.jobId, err: dbErr }, 'could not record the failed print job');
      }
      this.deps.onJob(item.jobId);
      return { state: 'failed', reason: f.reason };
    }
  }
}
