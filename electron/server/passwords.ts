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

/** A place in the password-check queue: `ready` resolves when the slot is ours. */
export interface CheckSlot {
  ready: Promise<void>;
  /** Gives the place back (running or still waiting); safe to call more than once. */
  release(): void;
}

/**
 * A small semaphore in front of scrypt. Each check holds 128 MiB and one libuv pool thread
 * (and a CPU core) for a few hundred ms; the pool is shared with sqlite3 and file reads, so
 * without a cap a login flood starves ticket issuing. At most `running` checks run, at most
 * `queued` wait, and anything more is refused at once, before any database work.
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

  /** A place in the queue, or null when every slot and queue place is taken. */
  tryEnter(): CheckSlot | null {
    let state: 'waiting' | 'running' | 'done';
    let ready: Promise<void>;
    let wake: (() => void) | null = null;
    if (this.active < this.running) {
      this.active++;
      state = 'running';
      ready = Promise.resolve();
    } else if (this.waiting.length < this.queued) {
      state = 'waiting';
      ready = new Promise<void>((resolve) => {
        wake = () => {
          state = 'running';
          resolve();
        };
        this.waiting.push(wake);
      });
    } else return null;
    return {
      ready,
      release: () => {
        if (state === 'waiting') {
          const i = wake ? this.waiting.indexOf(wake) : -1;
          if (i >= 0) this.waiting.splice(i, 1);
        } else if (state === 'running') {
          // Hand the slot straight to the next waiter, else free it.
          const next = this.waiting.shift();
          if (next) next();
          else this.active--;
        }
        state = 'done';
      },
    };
  }

  /** Checks a password; call only with a slot whose `ready` has resolved. */
  check(password: string, stored: string): Promise<boolean> {
    this.checks++;
    return verifyPassword(password, stored);
  }
}
