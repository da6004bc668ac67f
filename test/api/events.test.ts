import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { WS_MAX_PAYLOAD } from '../../electron/server/ws.js';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

let hall: TestHall;
let staff: string;
before(async () => {
  hall = await startTestHall();
  staff = await staffToken(hall, 'gulnar');
});
after(() => hall.stop());

interface Message {
  type: string;
  [k: string]: unknown;
}

function connect(token: string, origin?: string): Promise<{ ws: WebSocket; messages: Message[]; next(type: string): Promise<Message> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/events?token=${token}`, origin ? { origin } : {});
    const messages: Message[] = [];
    const waiters: { type: string; resolve(m: Message): void }[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as Message;
      messages.push(m);
      for (const w of waiters.filter((x) => x.type === m.type)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    });
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        next: (type) =>
          new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no ${type} event`)), 5000);
            waiters.push({ type, resolve: (m) => (clearTimeout(timer), res(m)) });
          }),
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('WebSocket events', () => {
  it('pushes calls to the display with only board fields, and ticket details to staff', async () => {
    const display = await connect(hall.displayToken);
    const counter = await connect(staff);
    await display.next('hello').catch(() => undefined);
    await api(hall.url, 'POST', '/api/counters/counter-2/open', staff, { languages: ['zh'] });
    const issued = await api<{ id: string; code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'ug' });
    const queue = await display.next('queue');
    assert.ok((queue.waiting as Record<string, number>)['social-insurance']! >= 1);
    const callSeen = display.next('call');
    const ticketSeen = counter.next('ticket');
    await api(hall.url, 'POST', '/api/counters/counter-2/call-next', staff);
    const call = (await callSeen).call as Record<string, unknown>;
    assert.equal(call.code, issued.body.code);
    assert.equal(call.counterNumber, 2);
    assert.equal(call.language, 'ug');
    assert.ok((await ticketSeen).ticket);
    assert.ok(!display.messages.some((m) => m.type === 'ticket' || m.type === 'counter'), 'the display never sees ticket or counter details');
    display.ws.close();
    counter.ws.close();
  });

  it('refuses a WebSocket without a valid token or from a foreign origin', async () => {
    await assert.rejects(connect('not-a-token'), /401/);
    await assert.rejects(connect(hall.displayToken, 'http://evil.example'), /403/);
  });

  it('caps the WebSocket payload at 64 KiB', async () => {
    assert.ok(WS_MAX_PAYLOAD <= 64 * 1024);
    const c = await connect(staff);
    const closed = new Promise<number>((resolve) => c.ws.on('close', (code) => resolve(code)));
    c.ws.send('x'.repeat(WS_MAX_PAYLOAD + 1));
    assert.equal(await closed, 1009);
    const health = await api(hall.url, 'GET', '/api/health');
    assert.equal(health.status, 200);
  });
});
