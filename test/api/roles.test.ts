// The table of role checks, taken from the router itself: every endpoint the server
// registers is tried with every kind of credential it does not allow, and must answer 401
// (no or bad token) or 403 (a token of the wrong role) before its handler runs. A new
// endpoint joins this table by being registered; nobody has to remember to list it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

let hall: TestHall;
const tokens: Record<string, string | null> = {};
before(async () => {
  hall = await startTestHall();
  tokens.anonymous = null;
  tokens.garbage = 'not-a-real-token';
  tokens.kiosk = hall.kioskToken;
  tokens.display = hall.displayToken;
  // A counter rating pad (评价器): may only rate and read its own counter.
  tokens.rater = (await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Role pad', counterId: 'counter-1' })).body.token;
  tokens.staff = await staffToken(hall, 'role-checker');
  tokens.admin = hall.adminToken;
});
after(() => hall.stop());

/** The access rule of server.ts: admins may do what staff may. */
function permits(access: 'public' | readonly string[], who: string): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous' || who === 'garbage') return false;
  return access.includes(who) || (who === 'admin' && access.includes('staff'));
}

describe('role checks on every endpoint', () => {
  it('refuses every credential an endpoint does not allow', async () => {
    const routes = hall.server.routes;
    assert.ok(routes.length > 30, `routes were listed (${routes.length})`);
    let checked = 0;
    for (const r of routes) {
      const path = r.pattern.replace(/:[A-Za-z]+/g, 'x');
      for (const [who, token] of Object.entries(tokens)) {
        if (permits(r.access, who)) continue;
        const res = await api(hall.url, r.method, path, token, r.method === 'GET' || r.method === 'HEAD' ? undefined : {});
        const expected = who === 'anonymous' || who === 'garbage' ? 401 : 403;
        assert.equal(res.status, expected, `${r.method} ${r.pattern} as ${who} → ${res.status}`);
        checked++;
      }
    }
    assert.ok(checked > 50, `checked ${checked} refusals`);
  });

  it('keeps every setup endpoint for admins only', () => {
    // Endpoints that change the hall's set-up or read its audit trail are admin-only.
    const adminOnly = hall.server.routes.filter((r) => r.method !== 'GET' && /^\/api\/(devices|staff|services|translations|audit|export|forms\/import)/.test(r.pattern));
    for (const r of adminOnly) {
      if (r.pattern.startsWith('/api/staff/me')) continue; // a staff member changes their own password
      assert.deepEqual(r.access, ['admin'], `${r.method} ${r.pattern} is admin-only`);
    }
  });
});
