// Call → hall display latency and a display soak. Prints ONE JSON object.
// Latency: from just before the call-next request leaves to the code appearing in the
// display page's DOM (a MutationObserver in the page stamps it; both sides use the epoch
// clock performance.timeOrigin + performance.now(), on the same machine), over 200 calls.
// Soak: 2 000 more calls while the display stays open (with its announcements queueing and
// playing); JS heap after forced GC at the end versus after the first 100 (target ≤ +10 %),
// plus DOM node and event listener counts, which must not grow.
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/counter-harness.js';
import { adminSetup, call, startServerProcess, summary } from './support.js';

const LATENCY_CALLS = 200;
const SOAK_CALLS = 2000;
const SERVICES = ['social-insurance', 'household', 'civil-assistance', 'elderly', 'enquiries', 'proxy'];
const LANGS = ['zh', 'bo', 'ug'] as const;

const server = await startServerProcess();
const browser = await launchChromium();
try {
  const { admin, kiosk } = await adminSetup(server.base);
  await call(server.base, 'POST', '/api/staff', admin, { username: 'bench-staff', password: 'bench-staff-pw', role: 'staff' });
  const staff = (await call<{ token: string }>(server.base, 'POST', '/api/session', undefined, { username: 'bench-staff', password: 'bench-staff-pw' })).body.token;
  const display = (await call<{ token: string }>(server.base, 'POST', '/api/devices', admin, { role: 'display', name: 'bench display' })).body.token;
  // Counter 6 serves every service, so one counter can call every ticket.
  await call(server.base, 'POST', '/api/counters/counter-6/open', staff, { languages: ['zh', 'bo', 'ug'] });

  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(`${server.base}/display#token=${display}`);
  await page.waitForSelector('[data-testid=display][data-status=online][data-voice=ready] .board');

  let n = 0;
  /** Issues one ticket, calls it; resolves with the code and the epoch ms the call request left. */
  const oneCall = async (): Promise<{ code: string; sentAt: number }> => {
    const i = n++;
    const issued = await call<{ code: string }>(server.base, 'POST', '/api/tickets', kiosk, { serviceId: SERVICES[i % SERVICES.length], language: LANGS[i % 3] });
    if (issued.status !== 201) throw new Error(`issue ${i}: ${issued.status} ${JSON.stringify(issued.body)}`);
    const sentAt = performance.timeOrigin + performance.now();
    const r = await call<{ ticket: { id: string; code: string } }>(server.base, 'POST', '/api/counters/counter-6/call-next', staff);
    if (r.status !== 200) throw new Error(`call ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    await call(server.base, 'POST', `/api/tickets/${r.body.ticket.id}/start`, staff);
    await call(server.base, 'POST', `/api/tickets/${r.body.ticket.id}/finish`, staff);
    return { code: r.body.ticket.code, sentAt };
  };

  // ---- latency ----
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Record<string, number>; __obs: MutationObserver };
    w.__seen = {};
    let last = '';
    w.__obs = new MutationObserver(() => {
      const code = document.querySelector<HTMLElement>('[data-testid=latest-call]')?.dataset.code ?? '';
      if (code && code !== last) {
        last = code;
        w.__seen[code] = performance.timeOrigin + performance.now();
      }
    });
    w.__obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-code'] });
  });
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_CALLS; i++) {
    const { code, sentAt } = await oneCall();
    const handle = await page.waitForFunction((c) => (window as unknown as { __seen: Record<string, number> }).__seen[c], code, { polling: 5, timeout: 10_000 });
    const seenAt = (await handle.jsonValue()) as number;
    // Handles pin page objects (a global handle each): release them or the bench itself "leaks".
    await handle.dispose();
    latencies.push(seenAt - sentAt);
  }
  await page.evaluate(() => {
    const w = window as unknown as { __seen?: Record<string, number>; __obs?: MutationObserver };
    w.__obs?.disconnect();
    delete w.__obs;
    delete w.__seen;
  });

  // ---- soak ----
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Memory.getDOMCounters').catch(() => undefined);
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
    return { heapUsed: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  const waitShown = async (p: Page, code: string) => (await p.waitForSelector(`[data-testid=latest-call][data-code="${code}"]`, { timeout: 30_000 }))?.dispose();
  let first: Awaited<ReturnType<typeof measure>> | null = null;
  const soakStart = Date.now();
  for (let i = 1; i <= SOAK_CALLS; i++) {
    const { code } = await oneCall();
    if (i % 100 === 0) await waitShown(page, code);
    if (i === 100) first = await measure();
  }
  // Let the bounded announcement queue drain its backlog the same way in both measurements.
  await page.waitForTimeout(1000);
  const end = await measure();
  const growthPct = first ? Math.round(((end.heapUsed - first.heapUsed) / first.heapUsed) * 1000) / 10 : NaN;

  const lat = summary(latencies);
  console.log(
    JSON.stringify({
      callToDisplay: { calls: LATENCY_CALLS, p50Ms: lat.p50, p95Ms: lat.p95, maxMs: lat.max, targetP95Ms: 100, ok: lat.p95 <= 100 },
      displaySoak: {
        calls: SOAK_CALLS,
        seconds: Math.round((Date.now() - soakStart) / 1000),
        heapAfter100: first?.heapUsed,
        heapAtEnd: end.heapUsed,
        heapGrowthPct: growthPct,
        limitPct: 10,
        domNodes: { after100: first?.nodes, atEnd: end.nodes },
        jsEventListeners: { after100: first?.listeners, atEnd: end.listeners },
        ok: growthPct <= 10,
      },
    }),
  );
} finally {
  await browser.close();
  await server.stop();
}
