// The hall server against hostile LAN traffic (issue 12): login floods, raced login limits,
// slow readers, oversized bodies, and sockets that outlive their credentials. No assertion
// on wall-clock speed here; latency under a flood is measured in bench/hostile.bench.ts.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { Clock } from '../../electron/core/ports.js';
import { LOGIN_MAX_FAILURES } from '../../electron/server/auth.js';
import { WS_CREDENTIAL_ENDED } from '../../electron/server/ws.js';
import { api, login, startTestHall, staffToken, type TestHall } from '../support/hall.js';

const FONT = 'NotoSansSC-Bold.otf';
const FONT_SIZE = statSync(join('resources', 'fonts', FONT)).size;

function newTicket(hall: TestHall, i: number) {
  return api<{ code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language: 'zh' }, { 'Idempotency-Key': `flood-ticket-${i}-${Math.random().toString(36).slice(2)}` });
}

/** Sends raw bytes and collects the answer until the server closes (or `ms` passes). */
function raw(url: string, text: string, opts: { ms?: number; body?: Buffer } = {}): Promise<{ answer: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let closed = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed });
    }, opts.ms ?? 3000);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve({ answer, closed });
    });
    socket.write(text);
    if (opts.body) socket.write(opts.body);
  });
}

describe('a login flood does not stop ticket issuing', () => {
  let hall: TestHall;
  before(async () => (hall = await startTestHall()));
  after(() => hall.stop());

  it('32 clients flood logins while a kiosk issues tickets: every ticket is issued', async () => {
    const flooding = { on: true };
    const statuses = new Map<number, number>();
    const flooders = Array.from({ length: 32 }, async (_, c) => {
      // At least 3 attempts each whatever the timing, so the flood is never smaller than 96.
      for (let i = 0; (flooding.on || i < 3) && i < 40; i++) {
        const r = await api(hall.url, 'POST', '/api/session', null, { username: `nobody-${c}-${i}`, password: 'wrong-password' });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    });
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await newTicket(hall, i);
      assert.equal(r.status, 201, `ticket ${i}: ${JSON.stringify(r.body)}`);
      codes.push(r.body.code);
    }
    flooding.on = false;
    await Promise.all(flooders);
    assert.equal(new Set(codes).size, 20);
    // Every flood answer was a cheap refusal or a checked wrong password, never an error.
    for (const status of statuses.keys()) assert.ok([401, 429, 503].includes(status), `unexpected status ${status}`);
    assert.ok((statuses.get(429) ?? 0) > 0, 'the per-address limit refused some attempts before hashing');
    // At most `running` hashes at once, so the flood got far fewer checks than attempts.
    const attempts = [...statuses.values()].reduce((a, b) => a + b, 0);
    assert.ok(hall.server.context.auth.passwordChecks.checks < attempts / 2, `${hall.server.context.auth.passwordChecks.checks} checks for ${attempts} attempts`);
  });
});

describe('the login limit cannot be raced', () => {
  let hall: TestHall;
  before(async () => {
    hall = await startTestHall();
    await staffToken(hall, 'norbu');
  });
  after(() => hall.stop());

  it('12 concurrent wrong passwords for one account: at most 5 checked, the rest 429', async () => {
    const before = hall.server.context.auth.passwordChecks.checks;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api<{ error: { code: string } }>(hall.url, 'POST', '/api/session', null, { username: 'norbu', password: `wrong-${i}` })),
    );
    const checked = hall.server.context.auth.passwordChecks.checks - before;
    assert.ok(checked <= LOGIN_MAX_FAILURES, `${checked} passwords were checked`);
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses.filter((s) => s === 401).length, checked);
    assert.equal(statuses.filter((s) => s === 429).length, 12 - checked);
    const limited = answers.find((a) => a.status === 429)!;
    assert.equal(limited.body.error.code, 'TOO_MANY_ATTEMPTS');
    assert.ok(Number(limited.headers.get('retry-after')) > 0, 'Retry-After header');
    // The account is locked even for the right password, and nothing is hashed for it.
    const after = hall.server.context.auth.passwordChecks.checks;
    assert.equal((await api(hall.url, 'POST', '/api/session', null, { username: 'norbu', password: 'staff-password' })).status, 429);
    assert.equal(hall.server.context.auth.passwordChecks.checks, after);
  });

  it('a server started with a short HALL_ADMIN_PASSWORD refuses to start', async () => {
    await assert.rejects(startTestHall({ adminPassword: 'short' }), /at least 8 characters/);
  });
});

describe('slow readers and oversized bodies', () => {
  let hall: TestHall;
  before(async () => (hall = await startTestHall({ timeouts: { idleMs: 1500 } })));
  after(() => hall.stop());

  it('40 clients that request the largest font and never read: the server answers others and cuts them after the timeout', async () => {
    const { hostname, port } = new URL(hall.url);
    const slow = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<{ socket: net.Socket; received: () => number; ended: () => boolean }>((resolve) => {
            const socket = net.connect(Number(port), hostname, () => {
              // Three pipelined requests: more than the kernel's socket buffers on loopback hold
              // (up to 32 MB here), so the server's send really stalls.
              const get = `GET /fonts/${FONT} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`;
              socket.write(get.repeat(3));
              socket.pause(); // never read: the server's send stalls
              resolve({ socket, received: () => received, ended: () => ended });
            });
            let received = 0;
            let ended = false;
            socket.on('data', (d) => (received += d.length));
            socket.on('end', () => (ended = true));
            socket.on('close', () => (ended = true));
            socket.on('error', () => (ended = true));
          }),
      ),
    );
    await sleep(300);
    // Still serving everyone else.
    assert.equal((await api(hall.url, 'GET', '/api/health')).status, 200);
    assert.equal((await newTicket(hall, 1)).status, 201);
    // After the idle timeout the server has closed them: reading now ends before the whole font.
    await sleep(3500);
    for (const s of slow) s.socket.resume();
    // Generous: draining what the kernel already holds for 40 sockets takes a while on a busy machine.
    const deadline = Date.now() + 20_000;
    while (slow.some((s) => !s.ended()) && Date.now() < deadline) await sleep(50);
    for (const s of slow) {
      assert.ok(s.ended(), 'the server closed the slow socket');
      assert.ok(s.received() < 3 * FONT_SIZE, `received ${s.received()} of ${3 * FONT_SIZE} bytes`);
      s.socket.destroy();
    }
  });

  it('a font is streamed whole to a client that reads', async () => {
    const res = await fetch(`${hall.url}/fonts/${FONT}`);
    assert.equal(res.status, 200);
    assert.equal(Number(res.headers.get('content-length')), FONT_SIZE);
    assert.equal((await res.arrayBuffer()).byteLength, FONT_SIZE);
  });

  it('checks authorisation before reading a body: an anonymous upload is refused without sending it', async () => {
    const { host } = new URL(hall.url);
    // Declares a body it never sends: the answer must come anyway.
    const r = await raw(hall.url, `POST /api/tickets HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`, { ms: 2000 });
    assert.match(r.answer, /^HTTP\/1\.1 401 /);
    const bad = await raw(hall.url, `POST /api/tickets HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer ${hall.kioskToken}\r\nContent-Length: 100000\r\n\r\n`, { ms: 2000 });
    assert.match(bad.answer, /^HTTP\/1\.1 403 /);
  });

  it('a body over 1 MiB gets 413 with Connection: close, then the connection closes', async () => {
    const { host } = new URL(hall.url);
    const head = `POST /api/tickets HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${hall.kioskToken}\r\nContent-Type: application/json\r\n`;
    const declared = await raw(hall.url, `${head}Content-Length: ${2 * 1024 * 1024}\r\n\r\n`, { body: Buffer.alloc(64 * 1024, 32) });
    assert.match(declared.answer, /^HTTP\/1\.1 413 /);
    assert.match(declared.answer, /\r\nconnection: close\r\n/i);
    assert.match(declared.answer, /BODY_TOO_LARGE/);
    assert.ok(declared.closed, 'the server closed the connection');
    // Chunked, so the size is only known while reading.
    const chunk = Buffer.alloc(256 * 1024, 32);
    const chunks = Buffer.concat(Array.from({ length: 5 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])));
    const streamed = await raw(hall.url, `${head}Transfer-Encoding: chunked\r\n\r\n`, { body: chunks });
    assert.match(streamed.answer, /^HTTP\/1\.1 413 /);
    assert.match(streamed.answer, /\r\nconnection: close\r\n/i);
    assert.ok(streamed.closed);
  });
});

interface OpenSocket {
  ws: WebSocket;
  closed: Promise<number>;
}

function openEvents(hall: TestHall, token: string): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/events?token=${token}`);
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', () => undefined);
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

/** Resolves with the close code, or 'open' if the socket is still open after ms. */
const closedWithin = (s: OpenSocket, ms: number) => Promise.race([s.closed, sleep(ms).then(() => 'open' as const)]);

describe('live sockets lose their credential', () => {
  let hall: TestHall;
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset };
  before(async () => (hall = await startTestHall({ clock, heartbeatMs: 100 })));
  after(() => hall.stop());

  it("closes a display's socket within a second of its revocation", async () => {
    const made = await api<{ id: string; token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'display', name: 'Hall TV 2' });
    const s = await openEvents(hall, made.body.token);
    const other = await openEvents(hall, hall.displayToken);
    assert.equal((await api(hall.url, 'DELETE', `/api/devices/${made.body.id}`, hall.adminToken)).status, 204);
    assert.equal(await closedWithin(s, 1000), WS_CREDENTIAL_ENDED);
    assert.equal(await closedWithin(other, 300), 'open', 'other displays stay connected');
    other.ws.close();
  });

  it("closes a staff member's socket on logout", async () => {
    const token = await login(hall.url, 'admin', 'test-admin-password');
    const s = await openEvents(hall, token);
    const other = await openEvents(hall, hall.adminToken);
    assert.equal((await api(hall.url, 'DELETE', '/api/session', token)).status, 204);
    assert.equal(await closedWithin(s, 1000), WS_CREDENTIAL_ENDED);
    assert.equal(await closedWithin(other, 300), 'open', 'the same account on another session stays');
    other.ws.close();
  });

  it('closes staff sockets when their session expires (fake clock), and on endStaffSessions', async () => {
    const token = await staffToken(hall, 'yangzom');
    const s = await openEvents(hall, token);
    assert.equal(await closedWithin(s, 300), 'open');
    offset += 13 * 3600_000; // past the 12-hour session
    assert.equal(await closedWithin(s, 1000), WS_CREDENTIAL_ENDED);
    offset = 0;
    const again = await login(hall.url, 'yangzom', 'staff-password');
    const t = await openEvents(hall, again);
    const me = await api<{ staff: { id: string } }>(hall.url, 'GET', '/api/me', again);
    await hall.server.context.auth.endStaffSessions(me.body.staff.id);
    assert.equal(await closedWithin(t, 1000), WS_CREDENTIAL_ENDED);
    assert.equal((await api(hall.url, 'GET', '/api/me', again)).status, 401);
  });
});
