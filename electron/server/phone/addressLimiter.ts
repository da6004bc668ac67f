// Per-address limits for the hall's public phone routes: a token bucket of requests and a
// cap on open status streams. Phones share the hall Wi-Fi, so the key is the peer address;
// the table is bounded so a flood of addresses cannot grow memory without end.
export interface AddressLimits {
  /** Requests a single address may make in a burst. */
  burst: number;
  /** Requests per second an address earns back. */
  perSecond: number;
  /** Open phone WebSockets per address. */
  streamsPerAddress: number;
  /** Open phone WebSockets in all. */
  streamsTotal: number;
}

export const DEFAULT_LIMITS: AddressLimits = { burst: 60, perSecond: 2, streamsPerAddress: 4, streamsTotal: 2000 };

const MAX_ADDRESSES = 10_000;

export class AddressLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly streams = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly limits: AddressLimits = DEFAULT_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one request token; false means "too many requests from this address". */
  take(address: string): boolean {
    const now = this.now();
    let b = this.buckets.get(address);
    if (!b) {
      if (this.buckets.size >= MAX_ADDRESSES) this.prune(now);
      b = { tokens: this.limits.burst, at: now };
      this.buckets.set(address, b);
    } else {
      b.tokens = Math.min(this.limits.burst, b.tokens + ((now - b.at) / 1000) * this.limits.perSecond);
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Reserves a stream slot; the caller must call release() when the stream ends. */
  openStream(address: string): boolean {
    const n = this.streams.get(address) ?? 0;
    if (n >= this.limits.streamsPerAddress || this.total >= this.limits.streamsTotal) return false;
    this.streams.set(address, n + 1);
    this.total++;
    return true;
  }

  release(address: string): void {
    const n = this.streams.get(address) ?? 0;
    if (n <= 1) this.streams.delete(address);
    else this.streams.set(address, n - 1);
    if (n > 0) this.total--;
  }

  private prune(now: number): void {
    // Full buckets carry no memory worth keeping; if none is full, start over.
    const fullAfterMs = (this.limits.burst / this.limits.perSecond) * 1000;
    for (const [a, b] of this.buckets) if (now - b.at >= fullAfterMs) this.buckets.delete(a);
    if (this.buckets.size >= MAX_ADDRESSES) this.buckets.clear();
  }
}
