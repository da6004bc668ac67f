import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { join } from 'node:path';
import { api, login, startTestHall, ADMIN_PASSWORD, type TestHall } from '../support/hall.js';

let hall: TestHall;
before(async () => {
  hall = await startTestHall();
});
after(() => hall.stop());

function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('auth and LAN hygiene', () => {
  it('stores scrypt hashes (N=2^17, r=8, p=1, 16-byte salt), never passwords', async () => {
    const db = await Database.open(join(hall.dataDir, 'hall.sqlite3'));
    const row = await db.reader.get<{ password_hash: string }>("SELECT password_hash FROM staff WHERE username = 'admin'");
    await db.close();
    const [alg, n, r, p, salt] = (row?.password_hash ?? '').split('$');
    assert.deepEqual([alg, n, r, p], ['scrypt', String(2 ** 17), '8', '1']);
    assert.equal(Buffer.from(salt ?? '', 'base64').length, 16);
    assert.ok(!row?.password_hash.includes(ADMIN_PASSWORD));
  });

  it('stores only the SHA-256 of device tokens and revokes at once', async () => {
    const created = await api<{ id: string; token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Hall B kiosk' });
    assert.equal(created.status, 201);
    assert.equal(Buffer.from(created.body.token, 'base64url').length, 32, '256-bit token');
    const db = await Database.open(join(hall.dataDir, 'hall.sqlite3'));
    const stored = await db.reader.all<{ token_hash: string }>('SELECT token_hash FROM devices');
    await db.close();
    assert.ok(stored.every((d) => d.token_hash !== created.body.token && /^[0-9a-f]{64}$/.test(d.token_hash)));
    assert.equal((await api(hall.url, 'GET', '/api/services', created.body.token)).status, 200);
    assert.equal((await api(hall.url, 'DELETE', `/api/devices/${created.body.id}`, hall.adminToken)).status, 204);
    assert.equal((await api(hall.url, 'GET', '/api/services', created.body.token)).status, 401);
    assert.equal((await api(hall.url, 'DELETE', `/api/devices/${created.body.id}`, hall.adminToken)).status, 404);
  });

  it('needs an admin to create devices and staff', async () => {
    assert.equal((await api(hall.url, 'POST', '/api/devices', null, { role: 'kiosk', name: 'x' })).status, 401);
    const created = await api(hall.url, 'POST', '/api/staff', hall.adminToken, { username: 'pema', password: 'long-enough', role: 'staff' });
    assert.equal(created.status, 201);
    const staff = await login(hall.url, 'pema', 'long-enough');
    assert.equal((await api(hall.url, 'POST', '/api/devices', staff, { role: 'kiosk', name: 'x' })).status, 403);
    assert.equal((await api(hall.url, 'POST', '/api/staff', staff, { username: 'x', password: 'long-enough', role: 'admin' })).status, 403);
    const dup = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/staff', hall.adminToken, { username: 'pema', password: 'long-enough', role: 'staff' });
    assert.equal(dup.body.error.code, 'USERNAME_TAKEN');
  });

  it('logs out: the session token stops working', async () => {
    const token = await login(hall.url, 'admin', ADMIN_PASSWORD);
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 200);
    assert.equal((await api(hall.url, 'DELETE', '/api/session', token)).status, 204);
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 401);
  });

  it('answers 429 after 5 failed logins for an account within 15 minutes', async () => {
    await api(hall.url, 'POST', '/api/staff', hall.adminToken, { username: 'lhamo', password: 'right-password', role: 'staff' });
    for (let i = 0; i < 5; i++) {
      const r = await api(hall.url, 'POST', '/api/session', null, { username: 'lhamo', password: `wrong-${i}` });
      assert.equal(r.status, 401);
    }
    const locked = await api<{ error: { code: string; details: { retryAfterSeconds: number } } }>(hall.url, 'POST', '/api/session', null, { username: 'lhamo', password: 'right-password' });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'TOO_MANY_ATTEMPTS');
    assert.ok(locked.body.error.details.retryAfterSeconds > 0);
    // Other accounts are unaffected.
    assert.ok(await login(hall.url, 'admin', ADMIN_PASSWORD));
  });

  it('checks Host and Origin against the allow-list, and sends no wildcard CORS', async () => {
    const u = new URL(hall.url);
    assert.equal(await rawGet(`${hall.url}/api/health`, { Host: `evil.example:${u.port}` }), 403);
    assert.equal(await rawGet(`${hall.url}/api/health`, { Host: `127.0.0.1:1` }), 403);
    assert.equal(await rawGet(`${hall.url}/api/health`, { Origin: 'http://evil.example' }), 403);
    assert.equal(await rawGet(`${hall.url}/api/health`, { Origin: hall.url }), 200);
    const r = await fetch(`${hall.url}/api/health`, { headers: { Origin: hall.url } });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
  });

  it('caps request bodies', async () => {
    const big = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/session', null, { username: 'x'.repeat(10_000), password: 'y' });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'BODY_TOO_LARGE');
  });
});
