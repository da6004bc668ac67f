// Thousands of malformed requests against every endpoint: only 4xx (or the normal 2xx), never
// a 500, and the server stays alive.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestHall, staffToken, type TestHall } from '../support/hall.js';

let hall: TestHall;
let staff: string;
before(async () => {
  hall = await startTestHall();
  staff = await staffToken(hall, 'fuzzer');
});
after(() => hall.stop());

// A small deterministic PRNG so a failure can be replayed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ENDPOINTS: [string, string][] = [
  // DELETE /api/session is left out: it would log the fuzzer's own tokens out (tested in auth.test.ts).
  ['POST', '/api/session'], ['GET', '/api/me'],
  ['POST', '/api/devices'], ['GET', '/api/devices'], ['DELETE', '/api/devices/:id'],
  ['POST', '/api/staff'], ['GET', '/api/staff'], ['GET', '/api/services'], ['GET', '/api/hall'],
  ['POST', '/api/tickets'], ['GET', '/api/tickets'], ['GET', '/api/tickets/:id'],
  ['POST', '/api/tickets/:id/recall'], ['POST', '/api/tickets/:id/no-show'], ['POST', '/api/tickets/:id/start'],
  ['POST', '/api/tickets/:id/finish'], ['POST', '/api/tickets/:id/cancel'], ['POST', '/api/tickets/:id/transfer'],
  ['GET', '/api/counters'], ['POST', '/api/counters'], ['POST', '/api/counters/:id/open'], ['POST', '/api/counters/:id/pause'],
  ['POST', '/api/counters/:id/resume'], ['POST', '/api/counters/:id/close'], ['GET', '/api/counters/:id/queue'],
  ['POST', '/api/counters/:id/call-next'], ['POST', '/api/counters/:id/call/:id'], ['GET', '/api/board'],
  ['GET', '/assets/:id'], ['GET', '/fonts/:id'], ['GET', '/kiosk'],
  ['GET', '/api/printer'], ['PUT', '/api/printer'], ['POST', '/api/printer/test-print'],
  ['GET', '/api/tickets/:id/ticket.png'], ['GET', '/api/tickets/:id/ticket.png?width=:id'], ['POST', '/api/tickets/:id/reprint'],
  ['GET', '/voice/:id/manifest.json'], ['GET', '/voice/:id/:id'], ['PUT', '/api/voice/:id/:id'], ['DELETE', '/api/voice/:id/:id'],
  ['GET', '/api/security'], ['POST', '/api/security/acknowledge'],
];

function send(method: string, path: string, headers: Record<string, string>, body: string | null): Promise<number> {
  // Node's client frames DELETE bodies only with an explicit Content-Length.
  if (body !== null) headers['Content-Length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(hall.url + path, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (e) => reject(new Error(`${method} ${path} ${JSON.stringify(headers)} body ${body?.length}: ${e.message}`)));
    if (body !== null) req.write(body);
    req.end();
  });
}

describe('fuzzing every endpoint', () => {
  it('never answers 5xx to malformed input', async () => {
    const rnd = prng(20261123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const values: unknown[] = [
      null, true, 0, -1, 1e308, 'x', '', 'A'.repeat(5000), '\u0000', '../../etc/passwd', '%zz', [], [1, 2], {},
      { __proto__: { admin: true } }, { serviceId: 1 }, { serviceId: 'household', language: 'xx' }, { serviceId: 'household', language: 'zh', priority: 'yes' },
      { languages: 'zh' }, { languages: ['zh', 'fr'] }, { languages: [] }, { role: 'root', name: 'x' }, { username: [], password: {} },
      { serviceId: 'ghost', counterId: 'ghost' }, { address: 'file:///etc/passwd', paperWidth: 576 }, { address: '/dev/null/x', paperWidth: 384 }, { address: 'tcp://', paperWidth: 1 }, { language: 'xx' }, { number: 1, names: {}, services: [] }, { number: 99, names: { zh: 'x', bo: 'x', ug: 'x' }, services: [{ serviceId: 'proxy', weight: 1 }, { serviceId: 'proxy', weight: 1 }] }, 'བཀྲ་ཤིས', 'ئۇيغۇر', '😀'.repeat(100),
    ];
    const ids = ['x', '..', '%2e%2e%2fsecret', 'counter-1', 'A'.repeat(300), '%00', 'social-insurance', '😀', '%zz', 'zh', 'bo', '576', '-1'];
    const tokens = [null, staff, hall.kioskToken, hall.displayToken, 'garbage', 'a'.repeat(500), hall.adminToken];
    // Every registered endpoint is fuzzed, not only the ones listed above.
    const known = new Set(ENDPOINTS.map(([m, p]) => `${m} ${p}`));
    for (const r of hall.server.routes) {
      const pattern = r.pattern.replace(/:[A-Za-z]+/g, ':id');
      // Logging out would end the fuzzer's own sessions (tested in auth.test.ts).
      if (r.method === 'DELETE' && pattern === '/api/session') continue;
      if (!known.has(`${r.method} ${pattern}`)) ENDPOINTS.push([r.method, pattern]);
    }
    let count = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2500; i++) {
      const [method, pattern] = pick(ENDPOINTS);
      const path = pattern.replace(/:id/g, () => pick(ids));
      const headers: Record<string, string> = {};
      const token = pick(tokens);
      if (token) headers.Authorization = rnd() < 0.9 ? `Bearer ${token}` : `Basic ${token}`;
      let body: string | null = null;
      if (method !== 'GET') {
        const r = rnd();
        body = r < 0.1 ? '{"unterminated' : r < 0.15 ? 'x'.repeat(70_000) : JSON.stringify(pick(values));
        headers['Content-Type'] = rnd() < 0.9 ? 'application/json' : 'text/plain';
        if (path === '/api/session' && body.includes('password')) body = '{}'; // keep scrypt out of the loop
      }
      if (rnd() < 0.05) headers['Accept-Language'] = pick(['bo', 'ug', 'zh-CN', 'xx', ';;;']);
      if (rnd() < 0.03) headers['Idempotency-Key'] = pick(['short', 'ok-key-12345', 'bad key with spaces', 'A'.repeat(200)]);
      const status = await send(method, path, headers, body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      assert.ok(status > 0 && status < 500, `${method} ${path} → ${status} (body ${body?.slice(0, 80)})`);
      count++;
    }
    assert.equal(count, 2500);
    assert.ok((statuses.get(400) ?? 0) > 100, `validation errors were exercised: ${JSON.stringify([...statuses])}`);
    assert.ok((statuses.get(401) ?? 0) > 50, 'auth errors were exercised');
    assert.equal(await send('GET', '/api/health', {}, null), 200);
  });
});
