// Typed calls the admin page makes to the hall server. Shapes follow the API contract in
// SPEC/issue 2 (devices, staff, services, counters, tickets), issue 4 (printer) and issue 6
// (security notice). Kept in one place so a server change is adapted here only.
import type { ApiClient } from '../shared/api.js';

import type { CounterJson, Lang, Names, ServiceJson, StaffJson, TicketJson } from '../shared/wire.js';

export type { Lang, TicketState } from '../shared/wire.js';
export type Localized = Names;
export type StaffInfo = StaffJson;

export interface Session {
  token: string;
  staff: StaffInfo;
}

export interface Device {
  id: string;
  role: 'kiosk' | 'display' | 'rater';
  name: string;
  /** The counter a rating pad (rater) is paired to. */
  counterId?: string | null;
  createdAt?: string | number | null;
  revokedAt?: string | number | null;
  revoked?: boolean;
}

export type ServiceInfo = ServiceJson;
export type CounterInfo = CounterJson;
export type TicketInfo = TicketJson;

export type PrinterState = 'no_printer' | 'unknown' | 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'printer_error' | 'unreachable';
export type PaperWidth = 576 | 384;

export interface PrintJob {
  id: number;
  ticketId: string | null;
  kind: 'ticket' | 'test';
  printer: string | null;
  paperWidth: number;
  state: 'queued' | 'printed' | 'failed';
  /** A stable failure code (electron/print/failure.ts), null unless failed. */
  reason: string | null;
  attempts: number;
  createdAt: string | null;
  updatedAt: string | null;
  printedAt: string | null;
}

export interface PrinterStatus {
  address: string | null;
  state: PrinterState;
  paperNearEnd: boolean;
  /** The failure behind 'unreachable' (connection_refused, timeout, device_missing …). */
  reason: string | null;
  checkedAt: number | null;
}

export interface PrinterInfo {
  config: { address: string | null; paperWidth: PaperWidth };
  status: PrinterStatus;
  jobs: PrintJob[];
}

export interface PrintOutcome {
  state: 'none' | 'queued' | 'printed' | 'failed';
  reason?: string;
}

/** 'none': headless server (no OS secret store in use); 'unavailable': Electron found no encryption. */
export type KeyProtection = 'os' | 'basic_text' | 'unavailable' | 'none';

export interface SecurityInfo {
  personalDataKey: {
    protection: KeyProtection;
    acknowledged: boolean;
    acknowledgedBy?: string | null;
    acknowledgedAt?: string | null;
    personalDataAllowed?: boolean;
  };
  personalDataStorage?: {
    keyId: string | null;
    problem: string | null;
    missing: { keyIds: string[]; lookedIn: string } | null;
  };
  dataKey?: {
    keyId: string | null;
    backup: { at: number; protection: 'passphrase' | 'openpgp' } | null;
    rotation: { toKeyId: string; startedAt: number; recordsMoved: number } | null;
  };
}

export interface HallInfo {
  name: Localized;
  timeZone: string;
}

/** The admin page's API, bound to one client (which carries the session token and language). */
export function adminApi(api: ApiClient) {
  return {
    login: (username: string, password: string) => api.request<Session>('POST', '/api/session', { username, password }),
    logout: () => api.request<null>('DELETE', '/api/session'),
    me: () => api.request<{ staff: StaffInfo }>('GET', '/api/me'),
    hall: () => api.request<HallInfo>('GET', '/api/hall'),
    devices: () => api.request<Device[]>('GET', '/api/devices'),
    createDevice: (role: Device['role'], name: string, counterId?: string) =>
      api.request<{ id: string; token: string }>('POST', '/api/devices', { role, name, ...(role === 'rater' ? { counterId } : {}) }),
    revokeDevice: (id: string) => api.request<unknown>('DELETE', `/api/devices/${encodeURIComponent(id)}`),
    staff: () => api.request<StaffInfo[]>('GET', '/api/staff'),
    createStaff: (username: string, password: string, role: StaffInfo['role']) =>
      api.request<{ id: string }>('POST', '/api/staff', { username, password, role }),
    services: () => api.request<ServiceInfo[]>('GET', '/api/services'),
    counters: () => api.request<CounterInfo[]>('GET', '/api/counters'),
    tickets: (day: string) => api.request<TicketInfo[]>('GET', `/api/tickets?day=${encodeURIComponent(day)}`),
    ticket: (id: string) => api.request<TicketInfo>('GET', `/api/tickets/${encodeURIComponent(id)}`),
    /** refresh: ask the printer for its status (DLE EOT) now instead of the last polled answer. */
    printer: (refresh = false) => api.request<PrinterInfo>('GET', refresh ? '/api/printer?refresh=1' : '/api/printer'),
    savePrinter: (address: string | null, paperWidth: PaperWidth) =>
      api.request<PrinterInfo>('PUT', '/api/printer', { address, paperWidth }, { timeoutMs: 15_000 }),
    testPrint: (language: Lang) =>
      api.request<{ print: PrintOutcome; job: PrintJob }>('POST', '/api/printer/test-print', { language }, { timeoutMs: 15_000 }),
    reprint: (ticketId: string) =>
      api.request<{ print: PrintOutcome; job: PrintJob }>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/reprint`, {}, { timeoutMs: 15_000 }),
    security: () => api.request<SecurityInfo>('GET', '/api/security'),
    acknowledgeRisk: () => api.request<SecurityInfo>('POST', '/api/security/acknowledge', {}),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/** One locale key in one language on the translation review page (GET /api/translations). */
export interface TranslationEntry {
  lang: Lang;
  ns: string;
  key: string;
  text: string;
  /** The Chinese text in effect; null for an orphaned override. */
  source: string | null;
  shipped: string | null;
  overridden: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** An override whose key this version no longer ships (kept and reported, never applied). */
  orphaned: boolean;
}

export interface TranslationOverridesFile {
  format: 'hall-kiosk-translations';
  version: 1;
  overrides: { lang: string; ns: string; key: string; text: string; reviewedBy: string | null; reviewedAt: number | null }[];
}

export interface TranslationImportResult {
  applied: number;
  changed: number;
  skipped: { lang: string; ns: string; key: string; reason: string }[];
}

const translationPath = (lang: string, ns: string, key: string) =>
  `/api/translations/${encodeURIComponent(lang)}/${encodeURIComponent(ns)}/${encodeURIComponent(key)}`;

/** Translation review calls (the admin page's "translations" section). */
export function translationApi(api: ApiClient) {
  return {
    list: () => api.request<TranslationEntry[]>('GET', '/api/translations'),
    save: (lang: string, ns: string, key: string, text: string) => api.request<TranslationEntry>('PUT', translationPath(lang, ns, key), { text }),
    revert: (lang: string, ns: string, key: string) => api.request<null>('DELETE', translationPath(lang, ns, key)),
    exportFile: () => api.request<TranslationOverridesFile>('GET', '/api/translations/overrides.json'),
    importFile: (file: unknown) => api.request<TranslationImportResult>('POST', '/api/translations/overrides.json', file, { timeoutMs: 30_000 }),
  };
}

