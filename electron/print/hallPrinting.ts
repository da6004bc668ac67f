// The hall server's printing service: owns the printer settings, one queue per printer,
// the status poller, previews, reprints and test prints. Implements PrintingPort for the
// ticket route; the print routes use the rest.
import type { Logger } from 'pino';
import type { Language, Ticket } from '../core/model.js';
import { FINAL_STATES } from '../core/model.js';
import type { HallDeps } from '../core/ports.js';
import { queueInfo } from '../core/usecases/queueInfo.js';
import type { PrintingPort, PrintJobInput, PrintOutcome, ServerConfig } from '../server/context.js';
import type { PrintJobRecord, PrintJobStore } from '../store/printJobStore.js';
import { parsePrinterAddress, type PrinterConfig } from './address.js';
import { bitmapToPng } from './bitmap.js';
import { qrCommands, type PrinterFlags } from './escpos.js';
import { PrintFailure } from './failure.js';
import { PrinterLink, type LinkTimeouts } from './printerLink.js';
import { NO_PRINTER, StatusPoller, viewFromFailure, viewFromFlags, type PrinterStatusView } from './printerStatus.js';
import { PrintQueue } from './printQueue.js';
import { TicketPrintDataSchema, testPrintData, ticketPrintData, type TicketPrintData } from './ticketData.js';
import { renderTicket, type PaperWidth } from './ticketLayout.js';

export type PrintEvent = { type: 'print-job'; job: PrintJobRecord } | { type: 'printer-status'; status: PrinterStatusView };

export interface HallPrintingDeps {
  config: Pick<ServerConfig, 'hallName'>;
  deps: HallDeps;
  jobs: PrintJobStore;
  log: Logger;
  timeouts: LinkTimeouts;
  pollMs: number;
  publish: (e: PrintEvent) => void;
}

/** Why a staff or admin action was refused; routes turn it into a 4xx reply. */
export class PrintingRefusal extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'NO_PRINTER' | 'TICKET_CLOSED' | 'PRINT_IN_PROGRESS',
    message: string,
  ) {
    super(message);
  }
}

function settle<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), Math.max(0, ms));
    void p.then((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

function outcomeOf(job: PrintJobRecord): PrintOutcome {
  return job.state === 'failed' ? { state: 'failed', reason: job.reason ?? 'io_error' } : { state: job.state };
}

export class HallPrinting implements PrintingPort {
  private settings: PrinterConfig;
  private link: PrinterLink | null = null;
  private readonly queues = new Map<string, PrintQueue>();
  private statusView: PrinterStatusView = NO_PRINTER;
  private readonly poller: StatusPoller;

  constructor(
    private readonly d: HallPrintingDeps,
    initial: PrinterConfig,
  ) {
    this.settings = initial;
    this.applyAddress();
    this.poller = new StatusPoller(() => this.link, (link) => this.poll(link), d.pollMs);
    this.poller.start();
  }

  private now(): number {
    return this.d.deps.clock.now();
  }

  private applyAddress(): void {
    const addr = this.settings.address === null ? null : parsePrinterAddress(this.settings.address);
    this.link = addr ? (this.queues.get(addr.text)?.link ?? new PrinterLink(addr, this.d.timeouts)) : null;
    this.setStatus(this.link ? { ...NO_PRINTER, address: this.link.address.text, state: 'unknown' } : NO_PRINTER);
  }

  private setStatus(v: PrinterStatusView): void {
    const changed = v.state !== this.statusView.state || v.reason !== this.statusView.reason || v.address !== this.statusView.address;
    this.statusView = v;
    if (changed) this.d.publish({ type: 'printer-status', status: v });
  }

  private learn(link: PrinterLink, result: PrinterFlags | null | PrintFailure): void {
    if (link !== this.link) return; // news about a printer the admin has replaced
    const at = this.now();
    this.setStatus(result instanceof PrintFailure ? viewFromFailure(link.address.text, result, at) : viewFromFlags(link.address.text, result, at));
  }

  private async poll(link: PrinterLink): Promise<void> {
    try {
      this.learn(link, await link.status());
    } catch (e) {
      this.learn(link, e instanceof PrintFailure ? e : new PrintFailure('io_error', String(e)));
    }
  }

  private queueFor(link: PrinterLink): PrintQueue {
    let q = this.queues.get(link.address.text);
    if (!q) {
      q = new PrintQueue(link, {
        jobs: this.d.jobs,
        now: () => this.now(),
        log: this.d.log,
        onStatus: (l, r) => this.learn(l, r),
        onJob: (id) => void this.announce(id),
      });
      this.queues.set(link.address.text, q);
    }
    return q;
  }

  private async announce(jobId: number): Promise<void> {
    const job = await this.d.jobs.get(jobId).catch(() => null);
    if (job) this.d.publish({ type: 'print-job', job });
  }

  get config(): PrinterConfig {
    return { ...this.settings };
  }

  get status(): PrinterStatusView {
    return { ...this.statusView };
  }

  /** Saves and applies new settings; the next job uses them. */
  async configure(next: PrinterConfig): Promise<void> {
    await this.d.jobs.saveSettings(next);
    this.settings = { ...next };
    this.applyAddress();
    if (this.link) void this.poller.tick();
  }

  async checkNow(): Promise<PrinterStatusView> {
    await this.poller.tick();
    return this.status;
  }

  /** What a ticket looks like printed now (for a reprint or a preview without a stored job). */
  private async snapshotFor(ticket: Ticket): Promise<TicketPrintData> {
    const service = await this.d.deps.store.reads.getService(ticket.serviceId);
    if (!service) throw new PrintingRefusal('NOT_FOUND', 'The ticket’s service no longer exists.');
    return ticketPrintData({
      ticket,
      service,
      info: await queueInfo(this.d.deps, ticket),
      language: ticket.language,
      hallName: this.d.config.hallName,
      timeZone: await this.timeZone(),
    });
  }

  private async timeZone(): Promise<string> {
    return (await this.d.deps.store.reads.getPolicy()).timeZone;
  }

  private async enqueue(job: PrintJobRecord, data: TicketPrintData, link: PrinterLink, after?: Buffer): Promise<PrintOutcome> {
    void this.announce(job.id);
    return this.queueFor(link).enqueue({ jobId: job.id, data, width: job.paperWidth, after });
  }

  /** The kiosk's call: never throws, never takes longer than timeoutMs. */
  async printIssued(input: PrintJobInput, timeoutMs: number): Promise<PrintOutcome> {
    const deadline = this.now() + timeoutMs;
    const link = this.link;
    if (!link) return { state: 'none' };
    const work = (async (): Promise<PrintOutcome> => {
      const data = ticketPrintData({ ...input, hallName: this.d.config.hallName, timeZone: await this.timeZone() });
      const { job, created } = await this.d.jobs.createJob({
        ticketId: input.ticket.id,
        kind: 'ticket',
        printer: link.address.text,
        paperWidth: this.settings.paperWidth,
        layout: JSON.stringify(data),
        at: this.now(),
      });
      if (!created) return outcomeOf(job); // this ticket was already sent once: never twice
      return this.enqueue(job, data, link);
    })().catch((e: unknown): PrintOutcome => {
      this.d.log.error({ err: e, ticketId: input.ticket.id }, 'could not queue the ticket print');
      return { state: 'failed', reason: 'internal_error' };
    });
    return settle(work, deadline - this.now(), { state: 'queued' });
  }

  /** Staff reprint: the ticket as it stands now (fresh people-ahead), same job row. */
  async reprint(ticketId: string, timeoutMs: number): Promise<{ outcome: PrintOutcome; job: PrintJobRecord }> {
    const link = this.link;
    if (!link) throw new PrintingRefusal('NO_PRINTER', 'No printer is set up.');
    const reads = this.d.deps.store.reads;
    const ticket = await reads.getTicket(ticketId);
    if (!ticket) throw new PrintingRefusal('NOT_FOUND', 'No such ticket.');
    if (FINAL_STATES.includes(ticket.state)) throw new PrintingRefusal('TICKET_CLOSED', 'This ticket is finished; it cannot be reprinted.');
    const data = await this.snapshotFor(ticket);
    // The reprint keeps the first print's QR (the resident's phone link, /t/<ref>).
    const first = await this.d.jobs.forTicket(ticketId);
    const firstReference = first ? (JSON.parse(first.layout) as { reference?: unknown }).reference : undefined;
    if (typeof firstReference === 'string' && firstReference.includes('/t/')) data.reference = firstReference;
    const layout = JSON.stringify(data);
    const at = this.now();
    let job = await this.d.jobs.requeue(ticketId, link.address.text, this.settings.paperWidth, layout, at);
    if (!job) {
      const existing = await this.d.jobs.forTicket(ticketId);
      if (existing) throw new PrintingRefusal('PRINT_IN_PROGRESS', 'This ticket is being printed right now.');
      const made = await this.d.jobs.createJob({ ticketId, kind: 'ticket', printer: link.address.text, paperWidth: this.settings.paperWidth, layout, at });
      // A concurrent reprint created the job between our two reads: it queues it, not us.
      if (!made.created) throw new PrintingRefusal('PRINT_IN_PROGRESS', 'This ticket is being printed right now.');
      job = made.job;
    }
    const outcome = await settle(this.enqueue(job, data, link), timeoutMs, { state: 'queued' });
    return { outcome, job: (await this.d.jobs.get(job.id)) ?? job };
  }

  /** Admin test print: the real layout with sample values, then the printer's own QR. */
  async testPrint(language: Language, timeoutMs: number): Promise<{ outcome: PrintOutcome; job: PrintJobRecord }> {
    const link = this.link;
    if (!link) throw new PrintingRefusal('NO_PRINTER', 'No printer is set up.');
    const data = testPrintData(this.d.config.hallName, language, this.now(), await this.timeZone());
    const { job } = await this.d.jobs.createJob({
      ticketId: null,
      kind: 'test',
      printer: link.address.text,
      paperWidth: this.settings.paperWidth,
      layout: JSON.stringify(data),
      at: this.now(),
    });
    // A native QR below the raster shows whether the printer's own QR encoder works too.
    const outcome = await settle(this.enqueue(job, data, link, qrCommands(data.reference)), timeoutMs, { state: 'queued' });
    return { outcome, job: (await this.d.jobs.get(job.id)) ?? job };
  }

  /**
   * The raster as PNG: the stored snapshot when the ticket was sent to a printer (exactly
   * those dots), else the ticket as it would print now.
   */
  async previewPng(ticketId: string, width: PaperWidth | null): Promise<Buffer> {
    const reads = this.d.deps.store.reads;
    const ticket = await reads.getTicket(ticketId);
    if (!ticket) throw new PrintingRefusal('NOT_FOUND', 'No such ticket.');
    const job = await this.d.jobs.forTicket(ticketId);
    let data: TicketPrintData | null = null;
    if (job) {
      const parsed = TicketPrintDataSchema.safeParse(JSON.parse(job.layout));
      if (parsed.success) data = parsed.data;
    }
    if (!data) {
      data = await this.snapshotFor(ticket);
    }
    return bitmapToPng(renderTicket(data, width ?? job?.paperWidth ?? this.settings.paperWidth));
  }

  async ticketOwner(ticketId: string): Promise<string | null | undefined> {
    const t = await this.d.deps.store.reads.getTicket(ticketId);
    return t ? t.kioskId : undefined;
  }

  recentJobs(limit = 20): Promise<PrintJobRecord[]> {
    return this.d.jobs.recent(limit);
  }

  /** Stops polling and lets queued jobs finish (each is bounded by the job timeout). */
  async close(): Promise<void> {
    this.poller.stop();
    await Promise.all([...this.queues.values()].map((q) => q.drain()));
  }
}
