// Estimated wait from live service times: the mean of the most recent service durations
// for the service (falling back to the configured average), spread over the counters
// currently open for it.

export interface WaitInput {
  ahead: number;
  /** Durations, in milliseconds, of the most recent finished services, newest first. */
  recentDurations: readonly number[];
  averageMinutes: number;
  /** Counters open (not paused) that serve the service; at least one is assumed. */
  openCounters: number;
}

export function serviceMinutes(recentDurations: readonly number[], averageMinutes: number): number {
  if (recentDurations.length === 0) return averageMinutes;
  const sum = recentDurations.reduce((a, b) => a + b, 0);
  return sum / recentDurations.length / 60_000;
}

export function estimateWaitMinutes(input: WaitInput): number {
  if (input.ahead <= 0) return 0;
  const perTicket = serviceMinutes(input.recentDurations, input.averageMinutes);
  const counters = Math.max(1, input.openCounters);
  return Math.max(1, Math.round((input.ahead * perTicket) / counters));
}
