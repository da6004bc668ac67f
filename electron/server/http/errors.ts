// Every error leaves the server as {error:{code,message}} with a 4xx status for bad input
// and a message in the reader's language (zh, bo or ug), taken from resources/locales/*/errors.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainErrorCode } from '../../core/errors.js';
import type { Language } from '../../core/model.js';
import type { Reply } from './router.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  ILLEGAL_TRANSITION: 409,
  RECALL_TOO_SOON: 409,
  NO_SHOW_TOO_EARLY: 409,
  COUNTER_NOT_OPEN: 409,
  COUNTER_PAUSED: 409,
  COUNTER_BUSY: 409,
  COUNTER_TAKEN: 409,
  NOT_AT_THIS_COUNTER: 409,
  SERVICE_NOT_SERVED: 409,
  SERVICE_INACTIVE: 409,
  SERVICE_CLOSED: 409,
  DAILY_LIMIT_REACHED: 409,
  NOT_FOUND: 404,
  SAME_TARGET: 422,
};

export function domainStatus(code: DomainErrorCode): number {
  return DOMAIN_STATUS[code];
}

export type Messages = Record<Language, Record<string, string>>;

export function loadErrorMessages(resourcesDir: string): Messages {
  const read = (lng: Language) =>
    JSON.parse(readFileSync(join(resourcesDir, 'locales', lng, 'errors.json'), 'utf8')) as Record<string, string>;
  return { zh: read('zh'), bo: read('bo'), ug: read('ug') };
}

export function errorReply(
  messages: Messages,
  lang: Language,
  status: number,
  code: string,
  details: Record<string, unknown> = {},
  vars: Record<string, string | number> = {},
  fallback?: string,
): Reply {
  let message = messages[lang][code] ?? messages.zh[code] ?? fallback ?? messages[lang].BAD_REQUEST ?? code;
  for (const [k, v] of Object.entries(vars)) message = message.replaceAll(`{{${k}}}`, String(v));
  const error: Record<string, unknown> = { code, message };
  if (Object.keys(details).length > 0) error.details = details;
  return { status, json: { error } };
}
