// The export inside the hall server: runner + scheduler built from the server context and
// kept beside it (looked up by the routes), started after the server listens.
import { join } from 'node:path';
import { ExportStore } from '../../store/exportStore.js';
import type { ServerContext } from '../context.js';
import type { SealingPort } from './keys.js';
import { ExportRunner } from './runner.js';
import { ExportScheduler } from './scheduler.js';

export interface ExportService {
  store: ExportStore;
  runner: ExportRunner;
  scheduler: ExportScheduler;
  /** The start-up day's close and catch-up run (tests await it). */
  startup: Promise<unknown>;
  close(): void;
}

const services = new WeakMap<ServerContext, ExportService>();

export function exportServiceOf(ctx: ServerContext): ExportService | undefined {
  return services.get(ctx);
}

export function startExport(ctx: ServerContext, options: { schedule?: boolean } = {}): ExportService {
  const store = new ExportStore(ctx.db);
  const sealing = (ctx as { personalData?: SealingPort }).personalData ?? null;
  const runner = new ExportRunner({
    dbFile: join(ctx.config.dataDir, 'hall.sqlite3'),
    store,
    deps: ctx.deps,
    dataDir: ctx.config.dataDir,
    hallName: ctx.config.hallName.zh,
    sealing,
    audit: ctx.audit,
    log: ctx.log,
  });
  const scheduler = new ExportScheduler(ctx.deps, store, runner, (e) => ctx.log.error({ err: e }, 'export scheduler'));
  runner.onProgress((p) => ctx.hub.sendStaff({ type: 'export.progress', ...p }));
  const startup = options.schedule === false ? Promise.resolve(null) : scheduler.start().catch((e: unknown) => ctx.log.error({ err: e }, 'export start-up'));
  const service: ExportService = { store, runner, scheduler, startup, close: () => scheduler.stop() };
  services.set(ctx, service);
  return service;
}
