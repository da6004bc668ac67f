// The setup, statistics and audit calls of the admin page (issue 11), beside adminApi.ts so
// the wire shapes of these endpoints are known in one place.
import { useMemo } from 'react';
import type { HallStats } from '../../electron/core/statistics/hall.js';
import type { ApiClient } from '../shared/api.js';
import type { Lang, Names, WeeklyHoursJson } from '../shared/wire.js';
import { useAdmin } from './context.js';

export interface ServiceSetup {
  prefix: string;
  names: Names;
  numberFrom: number;
  numberTo: number;
  averageMinutes: number;
  openFrom: string;
  openTo: string;
  hours: WeeklyHoursJson | null;
  active: boolean;
  formId: string | null;
  sortOrder: number;
  icon: string | null;
}

export interface CounterSetup {
  number: number;
  names: Names;
  services: { serviceId: string; weight: number }[];
  usualLanguages: Lang[];
}

export interface HallPolicyJson {
  recallGapSeconds: number;
  noShowAfterCalls: number;
  agingMinutes: number;
  serviceTimeSample: number;
}

export interface HallSettingsJson {
  names: Names;
  notice: Names;
  timeZone: string;
  openingHours: WeeklyHoursJson | null;
  policy: HallPolicyJson;
}

/** GET /api/stats: the core's own shape (electron/core/statistics/hall.ts). */
export type StatsJson = HallStats;

export interface AuditEntryJson {
  id: number;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

export interface StaffRowJson {
  id: string;
  username: string;
  role: 'staff' | 'admin';
  active: boolean;
  createdAt: string;
}

const enc = encodeURIComponent;

/** A window event the hall section fires after a save, so the page header and time zone follow. */
export const HALL_CHANGED = 'hall-kiosk:hall-changed';

export function setupApi(api: ApiClient) {
  return {
    createService: (s: Partial<ServiceSetup> & Pick<ServiceSetup, 'prefix' | 'names'>) => api.request<{ id: string }>('POST', '/api/services', s),
    updateService: (id: string, patch: Partial<ServiceSetup>) => api.request<{ id: string }>('PATCH', `/api/services/${enc(id)}`, patch),
    createCounter: (c: Omit<CounterSetup, 'usualLanguages'>) => api.request<{ id: string }>('POST', '/api/counters', c),
    updateCounter: (id: string, patch: Partial<CounterSetup>) => api.request<{ id: string }>('PATCH', `/api/counters/${enc(id)}`, patch),
    staff: () => api.request<StaffRowJson[]>('GET', '/api/staff'),
    updateStaff: (id: string, patch: { active?: boolean; role?: 'staff' | 'admin' }) => api.request<StaffRowJson>('PATCH', `/api/staff/${enc(id)}`, patch),
    resetPassword: (id: string) => api.request<{ id: string; password: string }>('POST', `/api/staff/${enc(id)}/password`, {}),
    changeOwnPassword: (oldPassword: string, newPassword: string) => api.request<null>('POST', '/api/staff/me/password', { oldPassword, newPassword }),
    hallSettings: () => api.request<HallSettingsJson>('GET', '/api/hall/settings'),
    updateHall: (patch: Partial<Omit<HallSettingsJson, 'policy'>>) => api.request<HallSettingsJson>('PATCH', '/api/hall/settings', patch),
    updatePolicy: (patch: Partial<HallPolicyJson>) => api.request<HallSettingsJson>('PATCH', '/api/hall/policy', patch),
    pictograms: () => api.request<{ name: string; url: string }[]>('GET', '/api/pictograms'),
    /** Forms a service may use (the forms module's list); [] when it is not there. */
    forms: () => api.request<unknown>('GET', '/api/forms').then(formList, () => [] as { id: string; title: string }[]),
    stats: (from: string, to: string) => api.request<StatsJson>('GET', `/api/stats?from=${enc(from)}&to=${enc(to)}`),
    audit: (day: string, actor: string, action: string) =>
      api.request<AuditEntryJson[]>('GET', `/api/audit?day=${enc(day)}${actor ? `&actor=${enc(actor)}` : ''}${action ? `&action=${enc(action)}` : ''}`),
  };
}

/** GET /api/forms may answer a list of definitions or {forms: [...]}; keep id and a Chinese title. */
function formList(body: unknown): { id: string; title: string }[] {
  const list = Array.isArray(body) ? body : Array.isArray((body as { forms?: unknown })?.forms) ? (body as { forms: unknown[] }).forms : [];
  const out: { id: string; title: string }[] = [];
  for (const f of list) {
    if (!f || typeof f !== 'object') continue;
    const id = (f as { id?: unknown }).id;
    if (typeof id !== 'string') continue;
    const t = (f as { title?: unknown }).title;
    const title = typeof t === 'string' ? t : t && typeof t === 'object' && typeof (t as { zh?: unknown }).zh === 'string' ? (t as { zh: string }).zh : id;
    out.push({ id, title });
  }
  return out;
}

export type SetupApi = ReturnType<typeof setupApi>;

export function useSetupApi(): SetupApi {
  const { client } = useAdmin();
  return useMemo(() => setupApi(client), [client]);
}

/** Weekly hours as the admin types them: "08:30-12:00, 14:00-17:30" per day; empty means closed. */
export function periodsToText(periods: [string, string][] | undefined): string {
  return (periods ?? []).map(([a, b]) => `${a}-${b}`).join(', ');
}

export function textToPeriods(text: string): [string, string][] | null {
  const t = text.trim();
  if (!t) return [];
  const out: [string, string][] = [];
  for (const part of t.split(/[,，;；]\s*/)) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/.exec(part.trim());
    if (!m) return null;
    const pad = (h: string, mm: string) => `${h.padStart(2, '0')}:${mm}`;
    out.push([pad(m[1]!, m[2]!), pad(m[3]!, m[4]!)]);
  }
  return out;
}

/** Downloads an authenticated file (the XLSX) and hands it to the browser as a file. */
export async function downloadWithToken(url: string, token: string, filename: string): Promise<void> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  saveBlob(await res.blob(), filename);
}

/** Hands bytes to the browser as a downloaded file; the object URL is dropped a little later. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
