// Retry timing for a delivery target: exponential backoff with full jitter (the wait is
// drawn uniformly between 0 and the exponential cap), so halls that failed together do not
// retry together. `random` is a number in [0, 1) from the caller: the core draws none itself.

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 1000, maxMs: 60_000 };

/** Milliseconds to wait before attempt number `attempt` (2, 3, …); 0 before the first. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: number): number {
  if (attempt <= 1) return 0;
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 2));
  return Math.floor(random * cap);
}
