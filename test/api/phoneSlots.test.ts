// Issue 17 item 5: a refused WebSocket handshake on the phone status stream must give its
// per-address stream slot back. Before the fix the slot was reserved before handleUpgrade and
// only released when a finished stream closed, so 4 malformed upgrades (no Sec-WebSocket-Key)
// locked an address out with 429 for good, and enough of them drained the hall's total.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { api, startTestHall, type TestHall } from '../support/hall.js';

let hall: TestHall;
before(async () => {
  // The request bucket is raised so that only the stream slots are under test; the hall total
  // is small so that a leak drains it too.
  hall = await startTestHall({ phoneLimits: { burst: 10_000, perSecond: 1000, streamsTotal: 20 } });
});
after(() => hall.stop());

/** One upgrade request without Sec-WebSocket-Key; resolves with the status line's code. */
function malformedUpgrade(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let text = '';
    s.on('data', (d) => (text += d.toString('latin1')));
    s.on('error', reject);
    s.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  });
}

function openStream(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => resolve(-1));
  });
}

describe('phone stream slots', () => {
  it('gives the slot back after 100 refused handshakes, so a real stream still opens', async () => {
    const r = await api<{ statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'zh' });
    assert.equal(r.status, 201);
    const ref = new URL(r.body.statusUrl).pathname.slice(3);
    const path = `/api/t/${ref}/events`;
    const port = Number(new URL(hall.url).port);
    const codes = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const code = await malformedUpgrade(port, path);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // Every one is refused as a bad request (never a 429 from a leaked slot).
    assert.deepEqual([...codes], [[400, 100]]);
    assert.equal(await openStream(`${hall.url.replace('http', 'ws')}${path}`), 101);
    // Nothing is held once the real stream has closed too.
    for (let i = 0; i < 50 && hall.server.context.resident.phones.connections > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(hall.server.context.resident.phones.connections, 0);
  });
});
