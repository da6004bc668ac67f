// Why a print did not happen, as a stable code: stored on the job, shown to staff, asserted
// in tests. The message is for logs only.

export const FAILURE_REASONS = [
  'no_printer',
  'connection_refused',
  'unreachable',
  'connection_reset',
  'timeout',
  'no_response',
  'bad_response',
  'device_missing',
  'not_a_device',
  'io_error',
  'offline',
  'cover_open',
  'paper_out',
  'printer_error',
  'interrupted',
  'render_failed',
  'internal_error',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export class PrintFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'PrintFailure';
  }
}

/** Maps a socket or file-system error onto a reason. */
export function failureFrom(err: unknown, fallback: FailureReason = 'io_error'): PrintFailure {
  if (err instanceof PrintFailure) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'ECONNREFUSED':
      return new PrintFailure('connection_refused', message);
    case 'ECONNRESET':
    case 'EPIPE':
      return new PrintFailure('connection_reset', message);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrintFailure('unreachable', message);
    case 'ENOENT':
      return new PrintFailure('device_missing', message);
    case 'ETIMEDOUT':
      return new PrintFailure('timeout', message);
    default:
      return new PrintFailure(fallback, message);
  }
}

/**
 * Runs fn with an AbortSignal that fires after ms; rejects with a timeout failure at that
 * moment whatever fn does. Every printer call goes through this: node-thermal-printer's own
 * execute({waitForResponse}) can wait forever.
 */
export function withDeadline<T>(ms: number, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const f = new PrintFailure('timeout', `${what}: no answer within ${ms} ms`);
      ac.abort(f);
      reject(f);
    }, ms);
    fn(ac.signal).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(ac.signal.aborted ? (ac.signal.reason as PrintFailure) : failureFrom(e));
      },
    );
  });
}
