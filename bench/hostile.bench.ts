// Hostile LAN traffic (issue 12), against a real server process:
//   issueUnderLoginFlood: a kiosk issues tickets one after another while 32 clients, each from
//     its own loopback address (127.0.0.10 …), flood POST /api/session with wrong passwords.
//     Target: issue p95 ≤ 300 ms, max ≤ 1 s. BENCH_FLOOD_ONE_ADDRESS=1 floods from one address
//     instead (nearly everything refused by the per-address bucket, almost no hashing), which
//     separates the cost of the connections from the cost of scrypt.
//   slowReaders: 40 connections request the largest font (three pipelined requests each) and
//     never read. Target: server RSS within 100 MB of its start.
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminSetup, call, startServerProcess, summary } from './support.js';

const FLOOD_CLIENTS = 32;
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 20);
const SLOW_READERS = 40;
const FONT = 'NotoSansSC-Bold.otf';
const SERVICES = ['social-insurance', 'household', 'civil-assistance', 'elderly', 'enquiries', 'proxy'];

/** Resident set size of a process in MB (Linux /proc; elsewhere NaN). */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** One login attempt from a given local address (no keep-alive: a flood opens connections). */
function loginFrom(base: string, localAddress: string, n: number): Promise<number> {
  const data = JSON.stringify({ username: `flood-${localAddress}-${n}`, password: 'not-the-password' });
  return new Promise((resolve) => {
    const req = request(
      `${base}/api/session`,
      { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(data)) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

async function issueSeries(base: string, kiosk: string, until: () => boolean, pauseMs: number): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  for (let i = 0; until(); i++) {
    const t0 = performance.now();
    const r = await call(base, 'POST', '/api/tickets', kiosk, { serviceId: SERVICES[i % SERVICES.length], language: 'zh' });
    ms.push(performance.now() - t0);
    if (r.status !== 201) errors++;
    await sleep(pauseMs);
  }
  return { ms, errors };
}

const server = await startServerProcess();
try {
  const pid = server.child.pid!;
  const { kiosk } = await adminSetup(server.base);
  for (let i = 0; i < 50; i++) await call(server.base, 'POST', '/api/tickets', kiosk, { serviceId: SERVICES[i % 6], language: 'zh' });
  const rssAtStart = rssMb(pid);

  // Baseline: the same issuing pace with nobody flooding.
  const baseEnd = performance.now() + 5000;
  const baseline = await issueSeries(server.base, kiosk, () => performance.now() < baseEnd, 100);

  // The flood.
  const floodEnd = performance.now() + FLOOD_SECONDS * 1000;
  const statuses: Record<string, number> = {};
  const flooders = Array.from({ length: FLOOD_CLIENTS }, async (_, c) => {
    const from = process.env.BENCH_FLOOD_ONE_ADDRESS ? '127.0.0.9' : `127.0.0.${10 + c}`;
    for (let n = 0; performance.now() < floodEnd; n++) {
      const s = await loginFrom(server.base, from, n);
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  });
  await sleep(500); // the flood is in full swing before measuring
  const flooded = await issueSeries(server.base, kiosk, () => performance.now() < floodEnd, 100);
  await Promise.all(flooders);
  const rssAfterFlood = rssMb(pid);

  // Slow readers.
  await sleep(1000);
  const rssBeforeSlow = rssMb(pid);
  const { hostname, port } = new URL(server.base);
  const fontBytes = statSync(join(import.meta.dirname, '..', 'resources', 'fonts', FONT)).size;
  const sockets: net.Socket[] = [];
  for (let i = 0; i < SLOW_READERS; i++) {
    const s = net.connect(Number(port), hostname, () => {
      s.write(`GET /fonts/${FONT} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`.repeat(3));
      s.pause();
    });
    s.on('error', () => undefined);
    sockets.push(s);
  }
  let rssPeak = rssBeforeSlow;
  for (let i = 0; i < 20; i++) {
    await sleep(250);
    rssPeak = Math.max(rssPeak, rssMb(pid));
  }
  const answered = await call(server.base, 'GET', '/api/health');
  const t0 = performance.now();
  const ticketWhileSlow = await call(server.base, 'POST', '/api/tickets', kiosk, { serviceId: 'enquiries', language: 'zh' });
  const ticketWhileSlowMs = performance.now() - t0;
  for (const s of sockets) s.destroy();

  const issue = summary(flooded.ms);
  console.log(
    JSON.stringify({
      issueUnderLoginFlood: {
        floodClients: FLOOD_CLIENTS,
        seconds: FLOOD_SECONDS,
        loginAnswers: statuses,
        issueErrors: flooded.errors,
        issueMs: issue,
        baselineIssueMs: summary(baseline.ms),
        target: 'p95 <= 300 ms, max <= 1000 ms',
        met: issue.p95 <= 300 && issue.max <= 1000 && flooded.errors === 0,
      },
      slowReaders: {
        connections: SLOW_READERS,
        fontMB: Math.round(fontBytes / 104857.6) / 10,
        rssMB: { start: rssAtStart, afterFlood: rssAfterFlood, beforeSlowReaders: rssBeforeSlow, peak: rssPeak, growth: Math.round((rssPeak - rssBeforeSlow) * 10) / 10 },
        healthWhileSlow: answered.status,
        ticketWhileSlow: { status: ticketWhileSlow.status, ms: Math.round(ticketWhileSlowMs) },
        target: 'peak within 100 MB of the start',
        met: rssPeak - rssBeforeSlow <= 100,
      },
    }),
  );
} finally {
  await server.stop();
}
