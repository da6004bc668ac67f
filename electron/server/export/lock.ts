// The export lock across processes (the hall server and the `npm run export` CLI share the
// database file): a row taken in a transaction, with an expiry renewed while the run lasts.
// A holder on this machine whose process is gone (SIGKILL) is taken over at once instead of
// waiting for the expiry.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../../core/ports.js';
import type { ExportStore } from '../../store/exportStore.js';

const TTL_MS = 10 * 60_000;
const RENEW_MS = 60_000;

export function holderName(): string {
  return `${hostname()}|${process.pid}|${randomUUID()}`;
}

/** True when the holder ran on this machine and its process no longer exists. */
export function holderIsDead(holder: string): boolean {
  const [host, pid] = holder.split('|');
  if (host !== hostname() || !pid) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export class ExportLock {
  private timer: NodeJS.Timeout | null = null;
  readonly holder = holderName();

  constructor(
    private readonly store: ExportStore,
    private readonly clock: Clock,
  ) {}

  async acquire(): Promise<boolean> {
    const ok = await this.store.tryLock(this.holder, this.clock.now(), TTL_MS, holderIsDead);
    if (ok) {
      this.timer = setInterval(() => {
        void this.store.renewLock(this.holder, this.clock.now(), TTL_MS).catch(() => undefined);
      }, RENEW_MS);
      this.timer.unref();
    }
    return ok;
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.store.releaseLock(this.holder);
  }
}
