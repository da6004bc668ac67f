// What staff see about the printer: the last DLE EOT answer or the last failure to get one.
// Fed by the poller and by every job (a job's own status answers are the freshest news).
import { blockingReason, type PrinterFlags } from './escpos.js';
import type { PrintFailure } from './failure.js';
import type { PrinterLink } from './printerLink.js';

export type PrinterState = 'no_printer' | 'unknown' | 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'printer_error' | 'unreachable';

export interface PrinterStatusView {
  address: string | null;
  state: PrinterState;
  paperNearEnd: boolean;
  /** The failure reason behind 'unreachable' (connection_refused, timeout, device_missing…). */
  reason: string | null;
  checkedAt: number | null;
}

export function viewFromFlags(address: string, flags: PrinterFlags | null, at: number): PrinterStatusView {
  if (!flags) return { address, state: 'unknown', paperNearEnd: false, reason: null, checkedAt: at };
  return { address, state: blockingReason(flags) ?? 'ready', paperNearEnd: flags.paperNearEnd, reason: null, checkedAt: at };
}

export function viewFromFailure(address: string, f: PrintFailure, at: number): PrinterStatusView {
  return { address, state: 'unreachable', paperNearEnd: false, reason: f.reason, checkedAt: at };
}

export const NO_PRINTER: PrinterStatusView = { address: null, state: 'no_printer', paperNearEnd: false, reason: null, checkedAt: null };

/**
 * Polls DLE EOT every intervalMs while idle. Skips a round while a job runs: most printers
 * take one connection at a time and the job reports status itself when it ends.
 */
export class StatusPoller {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly link: () => PrinterLink | null,
    private readonly poll: (link: PrinterLink) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref(); // never keeps the server process alive on its own
  }

  async tick(): Promise<void> {
    const link = this.link();
    if (!link || link.busy || this.running) return;
    this.running = true;
    try {
      await this.poll(link);
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
