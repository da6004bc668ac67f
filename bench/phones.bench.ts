// 300 residents' phones holding their status stream open (/api/t/<ref>/events) while six
// counters call: call → phone latency (from just before the call request leaves to the
// phone's socket receiving its ticket as "called"), and the hall server's memory (RSS) idle,
// with the 300 phones connected, and at the end. Each phone connects from its own loopback
// address (127.0.x.y), as phones on the hall Wi-Fi each have their own, so the per-address
// stream limit applies as in a hall. Prints ONE JSON object.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { adminSetup, call, startServerProcess, summary } from './support.js';

const PHONES = 300;
const SERVICES = ['social-insurance', 'household', 'civil-assistance', 'elderly', 'enquiries', 'proxy'];
const LANGS = ['zh', 'bo', 'ug'] as const;
const COUNTERS = [1, 2, 3, 4, 5, 6];

const rssMB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
};

const server = await startServerProcess();
const pid = server.child.pid!;
const sockets: WebSocket[] = [];
try {
  const { admin, kiosk } = await adminSetup(server.base);
  const staff: Record<number, string> = {};
  for (const n of COUNTERS) {
    await call(server.base, 'POST', '/api/staff', admin, { username: `bench-${n}`, password: 'bench-staff-pw', role: 'staff' });
    staff[n] = (await call<{ token: string }>(server.base, 'POST', '/api/session', undefined, { username: `bench-${n}`, password: 'bench-staff-pw' })).body.token;
    await call(server.base, 'POST', `/api/counters/counter-${n}/open`, staff[n], { languages: ['zh', 'bo', 'ug'] });
  }
  await new Promise((r) => setTimeout(r, 1000));
  const rssIdle = rssMB(pid);

  // Issue the tickets and open one phone per ticket.
  const calledAt = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  const port = new URL(server.base).port;
  const opened: Promise<void>[] = [];
  for (let i = 0; i < PHONES; i++) {
    const issued = await call<{ id: string; statusUrl: string }>(server.base, 'POST', '/api/tickets', kiosk, { serviceId: SERVICES[i % SERVICES.length], language: LANGS[i % 3] });
    if (issued.status !== 201) throw new Error(`issue ${i}: ${issued.status} ${JSON.stringify(issued.body)}`);
    const path = new URL(issued.body.statusUrl).pathname;
    const id = issued.body.id;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api${path.replace(/^\/t\//, '/t/')}/events`, {
      localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
    });
    sockets.push(ws);
    ws.on('message', (d) => {
      const msg = JSON.parse(String(d)) as { status?: { state: string } };
      if (msg.status?.state === 'called' && !calledAt.has(id)) {
        const at = performance.now();
        calledAt.set(id, at);
        waiters.get(id)?.(at);
      }
    });
    opened.push(
      new Promise((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
        ws.once('unexpected-response', (_q, res) => reject(new Error(`phone ${i}: ${res.statusCode}`)));
      }),
    );
  }
  await Promise.all(opened);
  await new Promise((r) => setTimeout(r, 1000));
  const rssPhones = rssMB(pid);

  // Six counters call, serve and finish until the queue is empty, all at once.
  const latencies: number[] = [];
  let lost = 0;
  const counterLoop = async (n: number) => {
    for (;;) {
      const sentAt = performance.now();
      const r = await call<{ ticket: { id: string } | null }>(server.base, 'POST', `/api/counters/counter-${n}/call-next`, staff[n]);
      if (r.status !== 200 || !r.body.ticket) return;
      const id = r.body.ticket.id;
      const seen = calledAt.get(id) ?? (await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        waiters.set(id, (at) => (clearTimeout(timer), resolve(at)));
      }));
      if (seen === null) lost++;
      else latencies.push(seen - sentAt);
      await call(server.base, 'POST', `/api/tickets/${id}/start`, staff[n]);
      await call(server.base, 'POST', `/api/tickets/${id}/finish`, staff[n]);
    }
  };
  const started = performance.now();
  await Promise.all(COUNTERS.map(counterLoop));
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = rssMB(pid);

  console.log(
    JSON.stringify({
      phones: PHONES,
      calls: latencies.length + lost,
      lost,
      callsPerSecond: Math.round(((latencies.length + lost) / seconds) * 10) / 10,
      callToPhoneMs: summary(latencies),
      serverRssMB: { idle: rssIdle, with300Phones: rssPhones, end: rssEnd },
    }),
  );
} finally {
  for (const s of sockets) s.terminate();
  await server.stop();
}
