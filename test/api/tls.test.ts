// --tls: the hall CA is made on first start; a client that trusts (pins) it gets HTTPS and
// WSS; a client without it is refused. The CA certificate is downloadable for counter PCs.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { startHallServer, type HallServer } from '../../electron/server/hallServer.js';
import { ADMIN_PASSWORD, api, startTestHall, tempDir } from '../support/hall.js';

interface Answer {
  status: number;
  body: string;
}

function httpsCall(url: string, ca: string | null, method = 'GET', body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const req = request(url, { method, headers, ...(ca ? { ca } : {}) }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function wss(url: string, token: string, ca: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('https', 'wss')}/api/events?token=${token}`, ca ? { ca } : {});
    ws.on('message', (d) => {
      resolve(String(d));
      ws.close();
    });
    ws.on('error', reject);
  });
}

describe('TLS on the LAN', () => {
  const tmp = tempDir('hall-tls-');
  let server: HallServer;
  let ca: string;
  before(async () => {
    server = await startHallServer({ dataDir: tmp.dir, host: '127.0.0.1', port: 0, adminPassword: ADMIN_PASSWORD, logLevel: 'warn', announce: () => undefined, tls: true });
    ca = server.tls!.caPem;
  });
  after(async () => {
    await server.close();
    tmp.remove();
  });

  it('serves HTTPS to a client that pins the hall CA; refuses one without it', async () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await httpsCall(`${server.url}/api/health`, ca)).status, 200);
    await assert.rejects(httpsCall(`${server.url}/api/health`, null), (e: NodeJS.ErrnoException) => /SELF_SIGNED|UNABLE_TO_VERIFY/.test(e.code ?? ''));
  });

  it('serves WSS to a client that pins the hall CA; refuses one without it', async () => {
    const login = await httpsCall(`${server.url}/api/session`, ca, 'POST', { username: 'admin', password: ADMIN_PASSWORD });
    assert.equal(login.status, 200);
    const token = (JSON.parse(login.body) as { token: string }).token;
    assert.match(await wss(server.url, token, ca), /"type":"hello"/);
    await assert.rejects(wss(server.url, token, null), /self[- ]signed|unable to verify/i);
  });

  it('offers the CA certificate and its fingerprint; keys are 0600 and the CA survives a restart', async () => {
    const pem = await httpsCall(`${server.url}/api/tls/ca.pem`, ca);
    assert.equal(pem.status, 200);
    const fingerprint = new X509Certificate(pem.body).fingerprint256;
    assert.equal(fingerprint, server.tls!.caFingerprint);
    const login = await httpsCall(`${server.url}/api/session`, ca, 'POST', { username: 'admin', password: ADMIN_PASSWORD });
    const token = (JSON.parse(login.body) as { token: string }).token;
    const info = JSON.parse((await httpsCall(`${server.url}/api/tls`, ca, 'GET', undefined, token)).body) as { enabled: boolean; caFingerprint: string; names: string[] };
    assert.equal(info.enabled, true);
    assert.equal(info.caFingerprint, fingerprint);
    assert.ok(info.names.includes('127.0.0.1'));
    assert.equal((await httpsCall(`${server.url}/api/tls`, ca)).status, 401, 'the admin view needs an admin');
    if (process.platform !== 'win32') {
      for (const f of ['ca.key', 'server.key']) assert.equal(statSync(join(tmp.dir, 'tls', f)).mode & 0o777, 0o600, f);
    }
    await server.close();
    server = await startHallServer({ dataDir: tmp.dir, host: '127.0.0.1', port: 0, logLevel: 'warn', announce: () => undefined, tls: true });
    assert.equal(server.tls!.caFingerprint, fingerprint, 'counters need not trust a new CA after a restart');
  });

  it('plain HTTP (the default) has no CA to offer', async () => {
    const hall = await startTestHall();
    try {
      assert.equal((await api(hall.url, 'GET', '/api/tls/ca.pem')).status, 404);
      assert.deepEqual((await api<{ enabled: boolean }>(hall.url, 'GET', '/api/tls', hall.adminToken)).body.enabled, false);
    } finally {
      await hall.stop();
    }
  });
});
