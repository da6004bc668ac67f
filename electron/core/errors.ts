// Domain errors carry a stable code; adapters translate codes into HTTP statuses and
// into messages in the reader's language. The core never formats user-facing text.

export const DOMAIN_ERROR_CODES = [
  'ILLEGAL_TRANSITION',
  'RECALL_TOO_SOON',
  'NO_SHOW_TOO_EARLY',
  'COUNTER_NOT_OPEN',
  'COUNTER_PAUSED',
  'COUNTER_BUSY',
  'COUNTER_TAKEN',
  'NOT_AT_THIS_COUNTER',
  'SERVICE_NOT_SERVED',
  'SERVICE_INACTIVE',
  'SERVICE_CLOSED',
  'DAILY_LIMIT_REACHED',
  'NOT_FOUND',
  'SAME_TARGET',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
