// What the kiosk asks of the hall server, typed. Errors keep the shapes of ../shared/api.ts:
// OfflineError when the server cannot be reached, ApiError{status,code} otherwise, with the
// message already in the resident's language.
import { ApiError, OfflineError, createApi, type ApiClient } from '../shared/api.js';
import type { PageLanguage } from '../shared/i18n.js';

import type { Names, ServiceJson } from '../shared/wire.js';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { isFormDefinition } from './forms/formGuards.js';
import type { FilledForm } from './forms/filledForm.js';

export type { Names } from '../shared/wire.js';

export interface HallInfo {
  name: Names;
  timeZone: string;
}

export interface KioskService extends ServiceJson {
  /** Set once the forms module attaches a form to the service; the kiosk then shows FormStep. */
  formId?: string | null;
}

export type PrintState = 'none' | 'queued' | 'printed' | 'failed';

export interface IssuedTicket {
  id: string;
  code: string;
  serviceId: string;
  language: PageLanguage;
  priority: boolean;
  ahead: number;
  estimatedWaitMinutes: number;
  issuedAt: string;
  print: { state: PrintState; reason?: string };
  /** The resident's phone status link (/t/<ref>); the QR carries it. */
  statusUrl?: string;
}

export interface KioskApi {
  hall(): Promise<HallInfo>;
  services(): Promise<KioskService[]>;
  /** The same key always yields the same ticket, so a retried or repeated tap never issues a second one. */
  issueTicket(req: { serviceId: string; language: PageLanguage; priority: boolean }, idempotencyKey: string): Promise<IssuedTicket>;
  /** GET /api/forms: the active form definitions. */
  forms(): Promise<FormDefinition[]>;
  /** POST /api/submissions; the key makes a retry after a lost answer harmless. */
  submitForm(form: FilledForm, ticketId: string | null, idempotencyKey: string): Promise<{ id: string }>;
}

/** A fresh key per ticket attempt. getRandomValues works on plain http too (randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `kiosk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const isNames = (v: unknown): v is Names =>
  typeof v === 'object' && v !== null && ['zh', 'bo', 'ug'].every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

/** One malformed record must not take the whole list (or the page) down: it is left out. */
export function isKioskService(v: unknown): v is KioskService {
  const s = v as Partial<KioskService> | null;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.id === 'string' && isNames(s.names) &&
    typeof s.waiting === 'number' && typeof s.estimatedWaitMinutes === 'number' &&
    typeof s.open === 'boolean' && typeof s.active === 'boolean' &&
    typeof s.openFrom === 'string' && typeof s.openTo === 'string'
  );
}

export function isIssuedTicket(v: unknown): v is IssuedTicket {
  const t = v as Partial<IssuedTicket> | null;
  return (
    typeof t === 'object' && t !== null &&
    typeof t.id === 'string' && typeof t.code === 'string' &&
    typeof t.ahead === 'number' && typeof t.estimatedWaitMinutes === 'number' &&
    typeof t.issuedAt === 'string' && typeof t.priority === 'boolean' &&
    typeof t.print === 'object' && t.print !== null && ['none', 'queued', 'printed', 'failed'].includes(t.print.state)
  );
}

/** 401/403: the device token is missing, wrong or revoked — the kiosk must be paired again. */
export function isUnpaired(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 401 || e.status === 403);
}

export function isOffline(e: unknown): boolean {
  return e instanceof OfflineError;
}

export function createKioskApi(getToken: () => string | null, getLang: () => string): KioskApi {
  const client: ApiClient = createApi(getToken, getLang);
  return {
    hall: async () => {
      const h = await client.request<Partial<HallInfo> | null>('GET', '/api/hall');
      if (!h || !isNames(h.name) || typeof h.timeZone !== 'string') throw new ApiError(502, 'BAD_RESPONSE', 'hall');
      return { name: h.name, timeZone: h.timeZone };
    },
    services: async () => {
      const list = await client.request<unknown>('GET', '/api/services');
      if (!Array.isArray(list)) throw new ApiError(502, 'BAD_RESPONSE', 'services');
      return list.filter(isKioskService);
    },
    issueTicket: async (req, idempotencyKey) => {
      const data = await client.request<unknown>('POST', '/api/tickets', req, { headers: { 'Idempotency-Key': idempotencyKey } });
      // Issued but unreadable: retrying would replay the same answer, so it is a failure.
      if (!isIssuedTicket(data)) throw new ApiError(502, 'BAD_RESPONSE', '');
      return data;
    },
    forms: async () => {
      const list = await client.request<unknown>('GET', '/api/forms');
      if (!Array.isArray(list)) throw new ApiError(502, 'BAD_RESPONSE', 'forms');
      return list.filter(isFormDefinition);
    },
    submitForm: async (form, ticketId, idempotencyKey) => {
      const body = { formId: form.formId, version: form.version, language: form.language, answers: form.answers, ...(ticketId ? { ticketId } : {}) };
      const data = await client.request<{ id?: unknown } | null>('POST', '/api/submissions', body, { headers: { 'Idempotency-Key': idempotencyKey } });
      if (!data || typeof data.id !== 'string') throw new ApiError(502, 'BAD_RESPONSE', '');
      return { id: data.id };
    },
  };
}
