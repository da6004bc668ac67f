// Per-client-address token buckets, in memory, checked before any expensive work (a login's
// scrypt). A refused attempt costs one map lookup. The map is bounded: when full, buckets
// that have refilled completely are dropped first, then the oldest.
import type { Clock } from '../core/ports.js';

export interface BucketRule {
  /** Attempts allowed at once. */
  burst: number;
  /** One attempt comes back every refillMs. */
  refillMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_ADDRESSES = 10_000;

export class AddressLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly clock: Clock,
  ) {}

  private current(address: string): Bucket {
    const now = this.clock.now();
    const b = this.buckets.get(address);
    if (!b) return { tokens: this.rule.burst, at: now };
    const refilled = Math.floor((now - b.at) / this.rule.refillMs);
    if (refilled <= 0) return b;
    const tokens = Math.min(this.rule.burst, b.tokens + refilled);
    return { tokens, at: tokens === this.rule.burst ? now : b.at + refilled * this.rule.refillMs };
  }

  /** Takes one attempt; null when allowed, else the seconds until the next one is. */
  take(address: string): number | null {
    const b = this.current(address);
    if (b.tokens < 1) {
      this.buckets.set(address, b);
      return Math.max(1, Math.ceil((b.at + this.rule.refillMs - this.clock.now()) / 1000));
    }
    if (!this.buckets.has(address) && this.buckets.size >= MAX_ADDRESSES) this.prune();
    this.buckets.set(address, { tokens: b.tokens - 1, at: b.at });
    return null;
  }

  /** Gives an attempt back (a successful login should not count against a shared address). */
  refund(address: string): void {
    const b = this.buckets.get(address);
    if (b) b.tokens = Math.min(this.rule.burst, b.tokens + 1);
  }

  private prune(): void {
    for (const [k] of this.buckets) {
      if (this.current(k).tokens >= this.rule.burst) this.buckets.delete(k);
    }
    // Still full: drop the oldest half (Map keeps insertion order).
    if (this.buckets.size >= MAX_ADDRESSES) {
      let n = this.buckets.size / 2;
      for (const k of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(k);
      }
    }
  }
}
