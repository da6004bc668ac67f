// Enforces the kiosk limits of core/kioskLimits.ts in front of issueTicket. Idempotent replays
// are free (they issue nothing). Requests of one kiosk are taken one at a time, so the daily
// count and the issue cannot be overtaken by a second request of the same kiosk.
import { kioskDailyCap, type KioskLimitRule } from '../core/kioskLimits.js';
import type { Clock } from '../core/ports.js';
import type { Database } from '../store/db.js';
import { AddressLimiter } from './addressLimiter.js';
import { HttpError } from './http/errors.js';

export class KioskLimiter {
  private readonly rate: AddressLimiter;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    clock: Clock,
    readonly rule: KioskLimitRule,
  ) {
    this.rate = new AddressLimiter({ burst: rule.perMinute, refillMs: Math.ceil(60_000 / rule.perMinute) }, clock);
  }

  /** Runs fn after one kiosk's earlier requests finished. */
  private serial<T>(kioskId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(kioskId) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(kioskId, tail);
    void tail.then(() => {
      if (this.queues.get(kioskId) === tail) this.queues.delete(kioskId);
    });
    return run;
  }

  /**
   * Tickets each kiosk took per day and service. Read from the database once, then counted
   * here: one kiosk's requests run one at a time, so the count stays exact, and the ticket
   * path is spared a scan of the day's tickets on every issue.
   */
  private readonly issuedToday = new Map<string, number>();

  private async countIssued(day: string, serviceId: string, kioskId: string): Promise<number> {
    if (this.issuedToday.size > 10_000) {
      for (const k of this.issuedToday.keys()) if (!k.startsWith(`${day}|`)) this.issuedToday.delete(k);
    }
    const r = await this.db.reader.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM tickets WHERE day = ? AND issued_service_id = ? AND kiosk_id = ?',
      [day, serviceId, kioskId],
    );
    return r?.n ?? 0;
  }

  private async isReplay(kioskId: string, key: string | undefined): Promise<boolean> {
    if (!key) return false;
    const r = await this.db.reader.get('SELECT 1 FROM idempotency_keys WHERE scope = ? AND key = ?', [`kiosk:${kioskId}`, key]);
    return r !== undefined;
  }

  /**
   * Issues through `issue` unless this kiosk is over its rate or its daily share of the
   * service: then 429 KIOSK_RATE_LIMITED (with Retry-After) or 429 KIOSK_DAILY_CAP.
   */
  admit<T>(
    req: { kioskId: string; idempotencyKey?: string; service: { id: string; numberFrom: number; numberTo: number }; day: string },
    issue: () => Promise<T>,
  ): Promise<T> {
    return this.serial(req.kioskId, async () => {
      if (await this.isReplay(req.kioskId, req.idempotencyKey)) return issue();
      const wait = this.rate.take(req.kioskId);
      if (wait !== null) throw new HttpError(429, 'KIOSK_RATE_LIMITED', { retryAfterSeconds: wait });
      const cap = kioskDailyCap(req.service, this.rule);
      const slot = `${req.day}|${req.service.id}|${req.kioskId}`;
      const issued = this.issuedToday.get(slot) ?? (await this.countIssued(req.day, req.service.id, req.kioskId));
      if (issued >= cap) throw new HttpError(429, 'KIOSK_DAILY_CAP', { cap });
      try {
        const result = await issue();
        this.issuedToday.set(slot, issued + 1);
        return result;
      } catch (e) {
        // Unknown outcome: count again from the database next time.
        this.issuedToday.delete(slot);
        throw e;
      }
    });
  }
}
