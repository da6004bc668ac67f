// scrypt password hashes: N = 2^17, r = 8, p = 1, 16-byte salt, 64-byte key.
// N=2^17 needs 128 MiB (128·N·r bytes), over Node's default maxmem of 32 MiB, so maxmem is raised.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 64;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const options = (n: number, r: number, p: number): ScryptOptions => ({ N: n, r, p, maxmem: 256 * n * r + 16 * 1024 * 1024 });

/** Format: scrypt$N$r$p$salt(base64)$key(base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, options(N, R, P));
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), options(Number(n), Number(r), Number(p)));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, used to spend the same time when the username is unknown. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64'));
  return decoy;
}

/** Thrown when every password-check slot and queue place is taken: answer 503 + Retry-After. */
export class PasswordChecksBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many password checks at once');
  }
}

/**
 * A small semaphore in front of scrypt. Each check holds 128 MiB and one libuv pool thread
 * for a few hundred ms; the pool is shared with sqlite3 and file reads, so without a cap a
 * login flood starves ticket issuing. At most `running` checks run, at most `queued` wait,
 * and anything more is refused at once (it costs the server nothing).
 */
export class PasswordCheckQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Password checks started since the server started (tests and the bench count them). */
  checks = 0;

  constructor(
    readonly running: number,
    readonly queued: number,
  ) {}

  async verify(password: string, stored: string): Promise<boolean> {
    if (this.active >= this.running) {
      if (this.waiting.length >= this.queued) throw new PasswordChecksBusy(2);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    // The slot is ours here (handed over by release() when we waited).
    try {
      this.checks++;
      return await verifyPassword(password, stored);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
