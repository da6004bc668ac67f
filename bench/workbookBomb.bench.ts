// Issue 17 item 3: workbook bombs against a real server process. For each bomb: the time to
// the refusal, the server's peak RSS growth while refusing (sampled from /proc every 20 ms),
// and GET /api/hall latency meanwhile. Targets: refusal < 1 s, RSS growth ≤ 100 MB.
import { readFileSync } from 'node:fs';
import { PERMIT } from '../test/api/formsFixture.js';
import { workbookBomb, type BombOptions } from '../test/support/workbookBomb.js';
import { adminSetup, call, startServerProcess, summary } from './support.js';

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const BOMBS: [string, BombOptions][] = [
  ['5M rows (~0.3 MB)', { rows: 5_000_000 }],
  ['12M rows (~0.75 MB)', { rows: 12_000_000 }],
  ['5M rows, headers claim 1 MB', { rows: 5_000_000, lieAboutSize: 1024 * 1024 }],
];

const server = await startServerProcess();
const results: Record<string, unknown> = {};
try {
  const { admin, kiosk } = await adminSetup(server.base);
  for (const [name, o] of BOMBS) {
    const bomb = await workbookBomb(PERMIT, o);
    const pid = server.child.pid!;
    const rssBefore = rssMb(pid);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    const hallMs: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const t = performance.now();
        await call(server.base, 'GET', '/api/hall', kiosk);
        hallMs.push(performance.now() - t);
      }
    })();
    const t = performance.now();
    const res = await fetch(`${server.base}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(bomb) });
    await res.arrayBuffer();
    const refuseMs = performance.now() - t;
    done = true;
    await poll;
    clearInterval(sampler);
    results[name] = { bytes: bomb.length, status: res.status, refuseMs: Math.round(refuseMs), rssGrowthMb: Math.round(peak - rssBefore), hallDuring: summary(hallMs) };
  }
} finally {
  await server.stop();
}
console.log(JSON.stringify({ targets: { refuseMs: 1000, rssGrowthMb: 100 }, bombs: results }));
