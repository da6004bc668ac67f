// A hall on a real SQLite file (temp dir) with the demo services, and the printing service
// built on it exactly as the server builds it, for tests below the HTTP layer.
import { join } from 'node:path';
import { pino } from 'pino';
import type { Language, Ticket } from '../../electron/core/model.js';
import type { HallDeps } from '../../electron/core/ports.js';
import { issueTicket } from '../../electron/core/usecases/issueTicket.js';
import type { QueueInfo } from '../../electron/core/usecases/queueInfo.js';
import { createPrinting, type HallPrinting, type PrintingOptions } from '../../electron/print/index.js';
import { DEMO_HALL_NAME, DEMO_SERVICES, seedDemoHall } from '../../electron/server/demoHall.js';
import { Database } from '../../electron/store/db.js';
import { SqliteHallStore } from '../../electron/store/hallStore.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { PrintJobStore } from '../../electron/store/printJobStore.js';
import { tempDir } from '../support/hall.js';
import { ISSUED_AT } from './fixtures.js';

export interface PrintHall {
  db: Database;
  deps: HallDeps;
  jobs: PrintJobStore;
  issue(language: Language): Promise<{ ticket: Ticket; info: QueueInfo }>;
  printing(printer: string | null, over?: Partial<PrintingOptions>): Promise<HallPrinting>;
  close(): Promise<void>;
}

export async function openPrintHall(): Promise<PrintHall> {
  const tmp = tempDir('hall-print-');
  const db = await Database.open(join(tmp.dir, 'hall.sqlite3'));
  await migrate(db);
  const store = new SqliteHallStore(db);
  await seedDemoHall(store);
  let now = ISSUED_AT;
  let n = 0;
  const deps: HallDeps = {
    store,
    clock: { now: () => now++ },
    ids: { newId: () => `ticket-${++n}` },
    events: { publish: () => undefined },
  };
  const made: HallPrinting[] = [];
  return {
    db,
    deps,
    jobs: new PrintJobStore(db),
    async issue(language) {
      return issueTicket(deps, { serviceId: DEMO_SERVICES[0]!.id, language, priority: false, kioskId: null });
    },
    async printing(printer, over = {}) {
      const p = await createPrinting({
        config: { hallName: DEMO_HALL_NAME, printer, paperWidth: 576 },
        db,
        deps,
        log: pino({ level: 'silent' }),
        pollMs: 0,
        timeouts: { statusMs: 800, jobMs: 1500 },
        ...over,
      });
      made.push(p);
      return p;
    },
    async close() {
      for (const p of made) await p.close();
      await db.close();
      tmp.remove();
    },
  };
}
