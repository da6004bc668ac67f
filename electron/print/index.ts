// Ticket printing for the hall server.
//
//   createPrinting(options: PrintingOptions): Promise<HallPrinting>
//
//   options.config   ServerConfig: hallName; printer (tcp://host:port, a device path, or null)
//                    and paperWidth (576 | 384) from --printer / --paper-width
//   options.db       the open, migrated Database (print_jobs and settings tables)
//   options.deps     HallDeps: store reads (tickets, services, policy time zone), clock
//   options.log      pino logger
//   options.publish  optional: receives PrintEvent ('print-job' | 'printer-status') for the hub
//   options.timeouts optional: { statusMs, jobMs } per printer call (defaults 1200 / 15000)
//   options.pollMs   optional: DLE EOT poll interval, 0 = off (default 5000)
//
// The result is always a HallPrinting (set it as ctx.printing even without a printer: the
// admin can add one later); printIssued() answers { state: 'none' } while there is none.
//
// Which printer: --printer on the command line wins for that run (with --paper-width);
// otherwise the settings the admin saved (PUT /api/printer); otherwise none.
import type { Logger } from 'pino';
import type { HallDeps } from '../core/ports.js';
import type { PrintingPort, ServerConfig } from '../server/context.js';
import type { Database } from '../store/db.js';
import { PrintJobStore } from '../store/printJobStore.js';
import { PrinterConfigSchema, type PrinterConfig } from './address.js';
import { registerTicketFonts } from './fonts.js';
import { HallPrinting, type PrintEvent } from './hallPrinting.js';
import { DEFAULT_TIMEOUTS, type LinkTimeouts } from './printerLink.js';

export { HallPrinting, PrintingRefusal, type PrintEvent } from './hallPrinting.js';
export type { PrinterStatusView } from './printerStatus.js';

export interface PrintingOptions {
  config: Pick<ServerConfig, 'hallName' | 'printer' | 'paperWidth'>;
  db: Database;
  deps: HallDeps;
  log: Logger;
  publish?: (event: PrintEvent) => void;
  timeouts?: Partial<LinkTimeouts>;
  pollMs?: number;
}

export async function createPrinting(o: PrintingOptions): Promise<HallPrinting> {
  // Load fonts now, not on the first kiosk tap: a missing font is a start-up error.
  registerTicketFonts();
  const jobs = new PrintJobStore(o.db);
  const interrupted = await jobs.failInterrupted(o.deps.clock.now());
  if (interrupted > 0) o.log.warn({ interrupted }, 'print jobs cut off by the last stop marked failed');
  const saved = PrinterConfigSchema.safeParse(await jobs.loadSettings());
  let initial: PrinterConfig;
  if (o.config.printer !== null) {
    const fromCli = PrinterConfigSchema.safeParse({ address: o.config.printer, paperWidth: o.config.paperWidth });
    if (!fromCli.success) throw new Error(`--printer ${o.config.printer}: ${fromCli.error.issues[0]?.message ?? 'invalid'}`);
    initial = fromCli.data;
  } else {
    initial = saved.success ? saved.data : { address: null, paperWidth: o.config.paperWidth };
  }
  const printing = new HallPrinting(
    {
      config: o.config,
      deps: o.deps,
      jobs,
      log: o.log,
      timeouts: { ...DEFAULT_TIMEOUTS, ...o.timeouts },
      pollMs: o.pollMs ?? 5000,
      publish: o.publish ?? (() => undefined),
    },
    initial,
  );
  o.log.info({ printer: initial.address, paperWidth: initial.paperWidth }, 'ticket printing ready');
  return printing;
}

/** For routes: ctx.printing is typed as the narrow port; the print routes need the service. */
export function asHallPrinting(p: PrintingPort | null): HallPrinting | null {
  return p instanceof HallPrinting ? p : null;
}
