// Test helpers: a real hall server on 127.0.0.1 over a real SQLite file in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHallServer, type HallServer, type HallServerOptions } from '../../electron/server/hallServer.js';

export const ADMIN_PASSWORD = 'test-admin-password';

export function tempDir(prefix = 'hall-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestHall {
  server: HallServer;
  url: string;
  dataDir: string;
  adminToken: string;
  kioskToken: string;
  displayToken: string;
  stop(): Promise<void>;
}

export async function startTestHall(opts: Partial<HallServerOptions> = {}): Promise<TestHall> {
  const tmp = opts.dataDir ? null : tempDir();
  const dataDir = opts.dataDir ?? tmp!.dir;
  const server = await startHallServer({
    host: '127.0.0.1',
    port: 0,
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'warn',
    announce: () => undefined,
    // Tests issue hundreds of tickets a minute from one kiosk; kioskLimits.test.ts uses the real rate.
    kioskLimits: { perMinute: 100_000 },
    ...opts,
    dataDir,
  });
  const url = server.url;
  const adminToken = await login(url, 'admin', ADMIN_PASSWORD);
  const kioskToken = (await api<{ token: string }>(url, 'POST', '/api/devices', adminToken, { role: 'kiosk', name: 'Test kiosk' })).body.token;
  const displayToken = (await api<{ token: string }>(url, 'POST', '/api/devices', adminToken, { role: 'display', name: 'Test display' })).body.token;
  return {
    server,
    url,
    dataDir,
    adminToken,
    kioskToken,
    displayToken,
    async stop() {
      await server.close();
      tmp?.remove();
    },
  };
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  token?: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const h: Record<string, string> = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // non-JSON body (HTML, images): keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await api<{ token: string }>(base, 'POST', '/api/session', null, { username, password });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Creates a staff account and logs it in. */
export async function staffToken(hall: TestHall, username: string): Promise<string> {
  const r = await api(hall.url, 'POST', '/api/staff', hall.adminToken, { username, password: 'staff-password', role: 'staff' });
  if (r.status !== 201) throw new Error(`create staff failed: ${r.status} ${JSON.stringify(r.body)}`);
  return login(hall.url, username, 'staff-password');
}
