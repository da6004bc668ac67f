// The refusal an application service throws: a stable code (the key of the message in
// resources/locales/*/errors.json) and what kind of refusal it is. The HTTP layers map the
// kind to a status (hall: electron/server/http/errors.ts); services never name a status.

export type RefusalKind =
  /** The input is well-formed but cannot be accepted (422). */
  | 'invalid'
  /** The caller may not do this (403). */
  | 'forbidden'
  /** No such thing (404). */
  | 'not_found'
  /** The current state forbids it (409). */
  | 'conflict'
  /** A needed resource (a key, a database) is not available now (503). */
  | 'unavailable';

export class ServiceError extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'ServiceError';
  }
}

export const REFUSAL_STATUS: Record<RefusalKind, number> = {
  invalid: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};
