// Plays announcements one after another. A new call waits for the one being spoken; it
// never cuts it off. The waiting line is bounded (a burst of calls during a stall must not
// grow memory over days): past the bound the oldest *waiting* announcement is dropped —
// the one being spoken always finishes. A step that never ends (a stuck audio device) is
// given up after a time-out so the queue cannot freeze.
import type { Announcement, AnnouncementStep } from './announce.js';

export interface StepPlayer {
  /** Resolves when the step has finished sounding (or failed: failures are skipped). */
  play(step: AnnouncementStep): Promise<void>;
  /** Stops whatever is sounding; used only when the queue is disposed. */
  stop(): void;
}

export interface QueueOptions {
  maxWaiting?: number;
  stepTimeoutMs?: number;
  onStart?: (a: Announcement) => void;
  onDone?: (a: Announcement) => void;
}

/** An announcement, or how to compose it when its turn comes (so it uses the voice clips loaded by then). */
export type Pending = Announcement | (() => Announcement);

export class AnnouncementQueue {
  private readonly waiting: Pending[] = [];
  private current: Announcement | null = null;
  private disposed = false;
  private readonly maxWaiting: number;
  private readonly stepTimeoutMs: number;

  constructor(
    private readonly player: StepPlayer,
    private readonly opts: QueueOptions = {},
  ) {
    this.maxWaiting = opts.maxWaiting ?? 8;
    this.stepTimeoutMs = opts.stepTimeoutMs ?? 20_000;
  }

  enqueue(a: Pending): void {
    if (this.disposed) return;
    this.waiting.push(a);
    while (this.waiting.length > this.maxWaiting) this.waiting.shift();
    if (!this.current) void this.drain();
  }

  /** How many announcements wait behind the one being spoken. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  get speaking(): Announcement | null {
    return this.current;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
    this.player.stop();
  }

  private async drain(): Promise<void> {
    while (!this.disposed) {
      const pending = this.waiting.shift();
      if (!pending) break;
      const next = typeof pending === 'function' ? pending() : pending;
      this.current = next;
      this.opts.onStart?.(next);
      for (const step of next.steps) {
        if (this.disposed) break;
        await this.playStep(step);
      }
      this.current = null;
      this.opts.onDone?.(next);
    }
  }

  private async playStep(step: AnnouncementStep): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.stepTimeoutMs);
    });
    try {
      await Promise.race([this.player.play(step).catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
