// Ticket printing figures, one JSON object on stdout:
//   render.{576,384}: ms to lay out, shape, draw and threshold one ticket (p50/p95), three languages
//   tapToLastByte: ms from the kiosk's POST /api/tickets to the ESC/POS peer parsing the cut
//                  (the job's last byte), through the real hall server in this process
// Run: node --import tsx bench/print.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES } from '../electron/core/model.js';
import { DEMO_SERVICES } from '../electron/server/demoHall.js';
import { startHallServer } from '../electron/server/hallServer.js';
import { renderTicket, PAPER_WIDTHS } from '../electron/print/ticketLayout.js';
import { EscPosPeer } from '../test/print/escposPeer.js';
import { sampleTicket } from '../test/print/fixtures.js';

function stats(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

async function post(url: string, token: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const RENDERS = 30;
const TAPS = 30;

const render: Record<string, ReturnType<typeof stats>> = {};
renderTicket(sampleTicket('bo'), 576); // fonts and Skia caches, as at server start
for (const width of PAPER_WIDTHS) {
  const ms: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const t = performance.now();
    renderTicket(sampleTicket(LANGUAGES[i % 3]!, { ahead: i }), width);
    ms.push(performance.now() - t);
  }
  render[String(width)] = stats(ms);
}

const dir = mkdtempSync(join(tmpdir(), 'hall-print-bench-'));
const peer = await EscPosPeer.start();
const server = await startHallServer({ dataDir: dir, host: '127.0.0.1', port: 0, printer: peer.address, adminPassword: 'bench-password', logLevel: 'error', announce: () => undefined });
const tap: number[] = [];
let printed = 0;
try {
  const login = await post(server.url, '', '/api/session', { username: 'admin', password: 'bench-password' });
  const admin = String(login.json.token);
  const kiosk = String((await post(server.url, admin, '/api/devices', { role: 'kiosk', name: 'Bench kiosk' })).json.token);
  for (let i = 0; i < TAPS; i++) {
    const seen = peer.jobs.length;
    const t = performance.now();
    const r = await post(server.url, kiosk, '/api/tickets', { serviceId: DEMO_SERVICES[i % DEMO_SERVICES.length]!.id, language: LANGUAGES[i % 3] });
    if (r.status !== 201) throw new Error(`tap ${i}: ${r.status} ${JSON.stringify(r.json)}`);
    await peer.waitForJobs(seen + 1, 5000);
    if ((r.json.print as { state?: string }).state === 'printed') printed++;
    tap.push(peer.jobs[seen]!.cutAt - t);
  }
} finally {
  await server.close();
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  JSON.stringify({
    bench: 'print',
    unit: 'ms',
    render,
    tapToLastByte: { ...stats(tap), paperWidth: 576, printed, via: 'HTTP POST /api/tickets → hall server → ESC/POS peer (127.0.0.1)' },
    targetP95: 250,
  }),
);
