// Shared by the bench scripts: a hall server in a child process (so the load generator does
// not share its event loop), percentiles, and a keep-alive JSON client.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 100) / 100;
}

export function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: percentile(s, 100) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(extraArgs: string[] = []): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../electron/cli/serve.ts'), '--port', String(port), '--data-dir', dataDir, '--host', '127.0.0.1', ...extraArgs],
    { env: { ...process.env, HALL_ADMIN_PASSWORD: 'bench-admin-pw', HALL_LOG_LEVEL: 'warn', HALL_KIOSK_TICKETS_PER_MINUTE: '100000', UV_THREADPOOL_SIZE: '8' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve();
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function call<T = unknown>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? null : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (data) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(data));
    }
    const req = request(base + path, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

export async function adminSetup(base: string): Promise<{ admin: string; kiosk: string }> {
  const admin = (await call<{ token: string }>(base, 'POST', '/api/session', undefined, { username: 'admin', password: 'bench-admin-pw' })).body.token;
  const kiosk = (await call<{ token: string }>(base, 'POST', '/api/devices', admin, { role: 'kiosk', name: 'bench kiosk' })).body.token;
  return { admin, kiosk };
}
