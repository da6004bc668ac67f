// Delivery to an HTTP(S) endpoint: POST the batch file with `Idempotency-Key: <batch id>`,
// so a receiver that already stored it answers success again instead of storing it twice.
// Each attempt has a deadline; failures are retried with exponential backoff and full jitter
// (core/export/backoff.ts); after the last attempt the error says what the receiver did.
import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from '../../core/export/backoff.js';
import { faultPoint } from './faults.js';
import type { Delivery, DeliveryTarget } from './targets.js';

export interface HttpTargetOptions {
  retry?: RetryPolicy;
  /** Deadline of one attempt, from connect to the end of the answer. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each retry (for the run's progress). */
  onRetry?: (attempt: number, error: string, waitMs: number) => void;
}

class AttemptError extends Error {
  constructor(
    message: string,
    /** 4xx other than 408/409/425/429: the receiver refuses this batch; retrying will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export class HttpTarget implements DeliveryTarget {
  readonly key: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(
    readonly url: string,
    private readonly opts: HttpTargetOptions = {},
  ) {
    this.key = `url:${url}`;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  async deliver(file: string, batchId: string, sha256: string, size: number): Promise<Delivery> {
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const random = this.opts.random ?? Math.random;
    let last = '';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      const wait = retryDelay(this.retry, attempt, random());
      if (attempt > 1) {
        this.opts.onRetry?.(attempt, last, wait);
        await sleep(wait);
      }
      try {
        const status = await this.attempt(file, batchId, sha256, size);
        faultPoint('delivering');
        return { detail: `HTTP ${status} after ${attempt} attempt(s)` };
      } catch (e) {
        last = (e as Error).message;
        if (e instanceof AttemptError && e.permanent) break;
      }
    }
    throw new Error(`delivery to ${this.url} failed after ${this.retry.attempts} attempt(s): ${last}`);
  }

  private attempt(file: string, batchId: string, sha256: string, size: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const u = new URL(this.url);
      const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (err: Error | null, status?: number) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(status!);
      };
      const req = request(u, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(size),
          'Idempotency-Key': batchId,
          'X-Batch-Id': batchId,
          'X-Content-SHA256': sha256,
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish(new AttemptError(`no answer within ${Math.round(this.timeoutMs / 1000)} s`, false));
      }, this.timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => finish(new AttemptError(e.code ? `${e.code}: ${e.message}` : e.message, false)));
      req.on('response', (res: IncomingMessage) => {
        const parts: Buffer[] = [];
        let n = 0;
        res.on('data', (c: Buffer) => {
          if (n < 2048) parts.push(c);
          n += c.length;
        });
        res.on('error', (e) => finish(new AttemptError(e.message, false)));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return finish(null, status);
          const body = Buffer.concat(parts).toString('utf8').slice(0, 200).replace(/\s+/g, ' ');
          const permanent = status >= 400 && status < 500 && ![408, 409, 425, 429].includes(status);
          finish(new AttemptError(`HTTP ${status}${body ? `: ${body}` : ''}`, permanent));
        });
        res.on('aborted', () => finish(new AttemptError('the connection closed before the answer ended', false)));
      });
      const body = createReadStream(file);
      body.on('error', (e) => {
        req.destroy();
        finish(e, undefined);
      });
      body.pipe(req);
    });
  }
}
