// Ticket preview, reprint, and the printer's settings, status and test print.
import { z } from 'zod';
import { LANGUAGES } from '../../../core/model.js';
import { PrinterConfigSchema, parsePrinterAddress } from '../../../print/address.js';
import { DevicePrinterInterface } from '../../../print/deviceInterface.js';
import { PrintFailure } from '../../../print/failure.js';
import { asHallPrinting, PrintingRefusal, type HallPrinting } from '../../../print/index.js';
import type { PrintJobRecord } from '../../../store/printJobStore.js';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Request, Router } from '../router.js';
import { parse } from '../validate.js';

const Id = z.string().min(1).max(64);
const Width = z.enum(['576', '384']).transform((w) => Number(w) as 576 | 384);
const TestPrint = z.object({ language: z.enum(LANGUAGES).optional().default('zh') }).optional().default({ language: 'zh' });

/** Staff wait a little longer than the kiosk: they asked for this print and watch it. */
const STAFF_PRINT_WAIT_MS = 5000;

const REFUSAL_STATUS: Record<PrintingRefusal['code'], number> = {
  NOT_FOUND: 404,
  NO_PRINTER: 409,
  TICKET_CLOSED: 409,
  PRINT_IN_PROGRESS: 409,
};

function service(ctx: ServerContext): HallPrinting {
  const p = asHallPrinting(ctx.printing);
  if (!p) throw new HttpError(503, 'NO_PRINTER');
  return p;
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PrintingRefusal) throw new HttpError(REFUSAL_STATUS[e.code], e.code);
    throw e;
  }
}

export function jobJson(j: PrintJobRecord): Record<string, unknown> {
  const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
  return {
    id: j.id,
    ticketId: j.ticketId,
    kind: j.kind,
    printer: j.printer,
    paperWidth: j.paperWidth,
    state: j.state,
    reason: j.reason,
    attempts: j.attempts,
    createdAt: iso(j.createdAt),
    updatedAt: iso(j.updatedAt),
    printedAt: iso(j.printedAt),
  };
}

async function printerJson(p: HallPrinting): Promise<Record<string, unknown>> {
  return { config: p.config, status: p.status, jobs: (await p.recentJobs(20)).map(jobJson) };
}

/** Staff and admins may preview any ticket; a kiosk only the tickets it issued. */
async function mayPreview(req: Request, p: HallPrinting, ticketId: string): Promise<void> {
  const owner = await p.ticketOwner(ticketId);
  if (owner === undefined) throw new HttpError(404, 'NOT_FOUND');
  const who = req.principal;
  if (who.kind === 'staff') return;
  if (who.kind === 'device' && who.role === 'kiosk' && owner !== null && who.deviceId === owner) return;
  throw new HttpError(403, 'FORBIDDEN');
}

export function registerPrintRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/tickets/:id/ticket.png', { access: ['staff', 'kiosk'] }, async (req) => {
    const p = service(ctx);
    const id = parse(Id, req.params.id);
    const w = req.query.get('width');
    const width = w === null ? null : parse(Width, w);
    await mayPreview(req, p, id);
    const png = await guard(() => p.previewPng(id, width));
    return { status: 200, body: png, contentType: 'image/png', headers: { 'Cache-Control': 'no-store' } };
  });

  router.add('POST', '/api/tickets/:id/reprint', { access: ['staff'], maxBody: 1024 }, async (req) => {
    const p = service(ctx);
    const id = parse(Id, req.params.id);
    const { outcome, job } = await guard(() => p.reprint(id, STAFF_PRINT_WAIT_MS));
    // A second paper ticket is a second claim on a place in the queue: who asked for it is kept.
    await ctx.audit.record(req.principal, { action: 'print.reprint', target: id, detail: { jobId: job.id, state: outcome.state } });
    return { status: 200, json: { print: outcome, job: jobJson(job) } };
  });

  router.add('GET', '/api/printer', { access: ['staff'] }, async (req) => {
    const p = service(ctx);
    if (req.query.get('refresh') === '1') await p.checkNow();
    return { status: 200, json: await printerJson(p) };
  });

  router.add('PUT', '/api/printer', { access: ['admin'], maxBody: 2048 }, async (req) => {
    const p = service(ctx);
    const next = parse(PrinterConfigSchema, req.body);
    const addr = next.address === null ? null : parsePrinterAddress(next.address);
    if (addr?.kind === 'device') {
      // Refuse a device that is not there now rather than save a path that creates files later.
      try {
        await new DevicePrinterInterface(addr.path).check();
      } catch (e) {
        const reason = e instanceof PrintFailure ? e.reason : 'device_missing';
        throw new HttpError(422, 'PRINTER_DEVICE_MISSING', { reason, path: addr.path });
      }
    }
    const before = { address: p.config.address, paperWidth: p.config.paperWidth };
    await p.configure({ address: addr ? addr.text : null, paperWidth: next.paperWidth });
    ctx.log.info({ printer: addr?.text ?? null, paperWidth: next.paperWidth }, 'printer settings changed');
    await ctx.audit.record(req.principal, { action: 'setup.printer.update', target: 'printer', detail: { before, after: { address: addr?.text ?? null, paperWidth: next.paperWidth } } });
    return { status: 200, json: await printerJson(p) };
  });

  router.add('POST', '/api/printer/test-print', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const p = service(ctx);
    const { language } = parse(TestPrint, req.body);
    const { outcome, job } = await guard(() => p.testPrint(language, STAFF_PRINT_WAIT_MS));
    await ctx.audit.record(req.principal, { action: 'print.test', target: 'printer', detail: { jobId: job.id, language, state: outcome.state } });
    return { status: 200, json: { print: outcome, job: jobJson(job) } };
  });
}
