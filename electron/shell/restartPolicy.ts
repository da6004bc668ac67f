// What to do when a window's renderer dies or hangs, and when its page cannot be loaded.
// A kiosk that crashes should come back by itself, but a page that crashes on every load
// must not spin in a restart loop: after 3 crashes within 60 s the window shows a
// maintenance screen and tries again much later (the hall may be unattended all night).

export interface RestartPolicyOptions {
  maxCrashes: number;
  windowMs: number;
  /** How long the maintenance screen stays before one more attempt. */
  maintenanceRetryMs: number;
  /** How long a renderer may stay unresponsive before it is killed and counted as a crash. */
  hangGraceMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  maxCrashes: 3,
  windowMs: 60_000,
  maintenanceRetryMs: 10 * 60_000,
  hangGraceMs: 10_000,
};

export type CrashDecision = { action: 'reload' } | { action: 'maintenance'; retryInMs: number };

/** One per window. Times are passed in so the policy is testable without timers. */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly opts: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  get hangGraceMs(): number {
    return this.opts.hangGraceMs;
  }

  /** A renderer crash, kill, OOM or hang at time `now` (ms). */
  onCrash(now: number): CrashDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.opts.windowMs);
    this.crashes.push(now);
    if (this.crashes.length >= this.opts.maxCrashes) {
      return { action: 'maintenance', retryInMs: this.opts.maintenanceRetryMs };
    }
    return { action: 'reload' };
  }

  /** The maintenance retry starts a fresh count: one more crash is not yet a loop. */
  onMaintenanceRetry(): void {
    this.crashes = [];
  }

  crashCount(now: number): number {
    return this.crashes.filter((t) => now - t < this.opts.windowMs).length;
  }
}

/**
 * `render-process-gone` reasons. 'clean-exit' happens when we replace the page ourselves
 * (e.g. forcefullyCrashRenderer after a hang is reported separately); everything else is a
 * crash that counts.
 */
export function isCrash(reason: string): boolean {
  return reason !== 'clean-exit';
}

/**
 * Page load failures (hall server unreachable, network down): retry with backoff from 2 s
 * to 30 s forever; these are not crashes and never lead to the maintenance screen.
 */
export function loadRetryDelayMs(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, Math.min(attempt, 10)));
}

/** Chromium's net error for a navigation we cancelled ourselves; not a failure. */
export const ERR_ABORTED = -3;
