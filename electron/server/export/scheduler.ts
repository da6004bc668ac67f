// When the export and the day's close run inside the hall server: the export daily at the
// configured hall-local time (croner, in the hall's time zone), the day's close just after
// midnight, and at start-up the day's close plus one catch-up run when the scheduled run was
// missed (the machine was off). Times are read from the server's Clock, so tests can move it.
import { Cron } from 'croner';
import { cronPattern, runMissed } from '../../core/export/schedule.js';
import { closeDay } from '../../core/usecases/closeDay.js';
import { startupFault } from '../startupFaults.js';
import type { HallDeps } from '../../core/ports.js';
import type { ExportStore } from '../../store/exportStore.js';
import type { ExportRunner, RunOutcome } from './runner.js';
import { readExportSettings } from './settings.js';

export class ExportScheduler {
  private exportJob: Cron | null = null;
  private closeJob: Cron | null = null;
  private stopped = false;

  constructor(
    private readonly deps: HallDeps,
    private readonly store: ExportStore,
    private readonly runner: ExportRunner,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Closes missed days, then runs once if the scheduled run was missed; resolves when done. */
  async start(): Promise<RunOutcome | null> {
    await closeDay(this.deps);
    startupFault('day-close');
    await this.reschedule();
    const since = await this.store.settingOrCreate('export.since', () => this.deps.clock.now());
    const last = Math.max(since, (await this.store.lastRunStart()) ?? since);
    const { schedule } = await readExportSettings(this.store);
    const tz = (await this.deps.store.reads.getPolicy()).timeZone;
    if (runMissed(last, this.deps.clock.now(), schedule, tz)) return this.runner.run({ trigger: 'catch-up' });
    return null;
  }

  /** (Re)reads the schedule and time zone; called at start and when the admin changes them. */
  async reschedule(): Promise<void> {
    if (this.stopped) return;
    const { schedule } = await readExportSettings(this.store);
    const timezone = (await this.deps.store.reads.getPolicy()).timeZone;
    this.exportJob?.stop();
    this.closeJob?.stop();
    this.exportJob = new Cron(cronPattern(schedule), { timezone, protect: true, unref: true, catch: this.onError }, async () => {
      await this.runner.run({ trigger: 'scheduled' });
    });
    this.closeJob = new Cron('0 1 0 * * *', { timezone, protect: true, unref: true, catch: this.onError }, async () => {
      await closeDay(this.deps);
    });
  }

  nextRun(): Date | null {
    return this.exportJob?.nextRun() ?? null;
  }

  stop(): void {
    this.stopped = true;
    this.exportJob?.stop();
    this.closeJob?.stop();
  }
}
