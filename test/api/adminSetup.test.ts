// Setup endpoints on a real server: validation, audit entries with before → after, and the
// change being live at once for the kiosk (its GET /api/services and a `catalog` event).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { api, login, startTestHall, type TestHall } from '../support/hall.js';

let hall: TestHall;
before(async () => {
  hall = await startTestHall();
});
after(() => hall.stop());

interface AuditJson {
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  target: string | null;
  detail: { before?: Record<string, unknown> | null; after?: Record<string, unknown>; username?: string; reason?: string } | null;
}
interface ServiceJson {
  id: string;
  prefix: string;
  names: Record<string, string>;
  active: boolean;
  open: boolean;
  icon: string | null;
  hours: unknown;
}

const admin = () => hall.adminToken;
async function audit(query = ''): Promise<AuditJson[]> {
  const r = await api<AuditJson[]>(hall.url, 'GET', `/api/audit${query}`, admin());
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

/** Opens the kiosk's event socket and resolves the next message of a type. */
function kioskEvents(): Promise<{ next(type: string): Promise<Record<string, unknown>>; close(): void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/events?token=${hall.kioskToken}`);
    const seen: Record<string, unknown>[] = [];
    const waiters: { type: string; done: (m: Record<string, unknown>) => void }[] = [];
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as Record<string, unknown>;
      const w = waiters.findIndex((x) => x.type === m.type);
      if (w >= 0) waiters.splice(w, 1)[0]!.done(m);
      else seen.push(m);
      if (m.type === 'hello') {
        resolve({
          next: (type) =>
            new Promise((done, fail) => {
              const i = seen.findIndex((x) => x.type === type);
              if (i >= 0) return done(seen.splice(i, 1)[0]!);
              const timer = setTimeout(() => fail(new Error(`no ${type} event`)), 5000);
              waiters.push({ type, done: (x) => (clearTimeout(timer), done(x)) });
            }),
          close: () => ws.close(),
        });
      }
    });
    ws.on('error', reject);
  });
}

const newService = {
  prefix: 'Q',
  names: { zh: '公交卡办理', bo: 'སྤྱི་སྤྱོད་རླངས་འཁོར་གྱི་བྱང་བུ།', ug: 'ئاممىۋى ئاپتوبۇس كارتىسى' },
  icon: 'bus',
  averageMinutes: 6,
  hours: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
};

describe('setup: services', () => {
  it('refuses bad input with 400 and names the field', async () => {
    const bad: [string, unknown][] = [
      ['lower-case prefix', { ...newService, prefix: 'q' }],
      ['two-letter prefix', { ...newService, prefix: 'QQ' }],
      ['missing Uyghur name', { ...newService, names: { zh: '甲', bo: 'ཀ' } }],
      ['empty Tibetan name', { ...newService, names: { ...newService.names, bo: '  ' } }],
      ['range backwards', { ...newService, numberFrom: 500, numberTo: 100 }],
      ['unknown pictogram', { ...newService, icon: 'rocket' }],
      ['bad time', { ...newService, hours: { mon: [['8:30', '12:00']] } }],
      ['overlapping periods', { ...newService, hours: { mon: [['08:00', '12:00'], ['11:00', '13:00']] } }],
      ['unknown weekday', { ...newService, hours: { moon: [['08:00', '12:00']] } }],
      ['unknown field', { ...newService, colour: 'red' }],
    ];
    for (const [why, body] of bad) {
      const r = await api<{ error: { code: string; details?: { issues: { path: string }[] } } }>(hall.url, 'POST', '/api/services', admin(), body);
      assert.equal(r.status, 400, `${why}: ${r.status}`);
      assert.equal(r.body.error.code, 'BAD_REQUEST', why);
    }
    const dup = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/services', admin(), { ...newService, prefix: 'A' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'PREFIX_TAKEN');
    const form = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/services', admin(), { ...newService, formId: 'no-such-form' });
    assert.equal(form.status, 422);
  });

  it('creates a service that the kiosk lists at once, with a catalog event and an audit entry', async () => {
    const events = await kioskEvents();
    const r = await api<ServiceJson>(hall.url, 'POST', '/api/services', admin(), newService);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal((await events.next('catalog')).what, 'services');
    events.close();

    const list = await api<ServiceJson[]>(hall.url, 'GET', '/api/services', hall.kioskToken);
    const mine = list.body.find((s) => s.id === r.body.id);
    assert.ok(mine, 'the kiosk lists the new service');
    assert.equal(mine.prefix, 'Q');
    assert.equal(mine.icon, 'bus');
    assert.equal(mine.open, true);
    assert.deepEqual(mine.names, newService.names);

    const ticket = await api<{ code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: r.body.id, language: 'ug' });
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    assert.equal(ticket.body.code, 'Q001');

    const entry = (await audit('?action=setup.service.create')).find((e) => e.target === r.body.id);
    assert.ok(entry);
    assert.equal(entry.actor.name, 'admin');
    assert.equal(entry.detail?.before, null);
    assert.equal(entry.detail?.after?.prefix, 'Q');
    assert.deepEqual(entry.detail?.after?.names, newService.names);
  });

  it('updates a service: only the changed fields are audited, before → after, and the kiosk sees it', async () => {
    const list = await api<ServiceJson[]>(hall.url, 'GET', '/api/services', hall.kioskToken);
    const q = list.body.find((s) => s.prefix === 'Q')!;
    const names = { ...q.names, zh: '公交卡与老年卡' };
    const r = await api<ServiceJson>(hall.url, 'PATCH', `/api/services/${q.id}`, admin(), { names, active: false, icon: 'elderly' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after1 = (await api<ServiceJson[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body.find((s) => s.id === q.id)!;
    assert.equal(after1.names.zh, '公交卡与老年卡');
    assert.equal(after1.active, false);
    assert.equal(after1.open, false);
    const entry = (await audit('?action=setup.service.update')).find((e) => e.target === q.id)!;
    assert.deepEqual(entry.detail?.before, { names: q.names, active: true, icon: 'bus' });
    assert.deepEqual(entry.detail?.after, { names, active: false, icon: 'elderly' });
    // An inactive service issues no tickets.
    const t = await api(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: q.id, language: 'zh' });
    assert.equal(t.status, 409);

    assert.equal((await api(hall.url, 'PATCH', '/api/services/nope', admin(), { active: true })).status, 404);
    assert.equal((await api(hall.url, 'PATCH', `/api/services/${q.id}`, admin(), {})).status, 400);
    assert.equal((await api(hall.url, 'PATCH', `/api/services/${q.id}`, admin(), { prefix: 'B' })).status, 409);
    assert.equal((await api(hall.url, 'PATCH', `/api/services/${q.id}`, admin(), { openFrom: '18:00', openTo: '09:00' })).status, 400);
  });

  it('closes a service outside its weekly hours', async () => {
    const created = await api<ServiceJson>(hall.url, 'POST', '/api/services', admin(), {
      prefix: 'R',
      names: { zh: '夜间', bo: 'མཚན་མོ།', ug: 'كېچە' },
      hours: {},
    });
    assert.equal(created.status, 201);
    const s = (await api<ServiceJson[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body.find((x) => x.id === created.body.id)!;
    assert.equal(s.open, false, 'no day listed: closed every day');
    const t = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: s.id, language: 'zh' });
    assert.equal(t.body.error.code, 'SERVICE_CLOSED');
  });
});

describe('setup: counters', () => {
  it('changes a counter’s services, weights and usual languages, audited', async () => {
    const services = [
      { serviceId: 'household', weight: 5 },
      { serviceId: 'elderly', weight: 1 },
    ];
    const r = await api<{ services: unknown; usualLanguages: string[]; names: Record<string, string> }>(hall.url, 'PATCH', '/api/counters/counter-3', admin(), {
      services,
      usualLanguages: ['zh', 'ug'],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.services, services);
    assert.deepEqual(r.body.usualLanguages, ['zh', 'ug']);
    const listed = await api<{ id: string; services: unknown; usualLanguages: string[] }[]>(hall.url, 'GET', '/api/counters', admin());
    assert.deepEqual(listed.body.find((c) => c.id === 'counter-3')?.usualLanguages, ['zh', 'ug']);
    const entry = (await audit('?action=setup.counter.update')).find((e) => e.target === 'counter-3')!;
    assert.deepEqual(entry.detail?.after, { services, usualLanguages: ['zh', 'ug'] });
    assert.deepEqual(entry.detail?.before?.usualLanguages, []);

    assert.equal((await api(hall.url, 'PATCH', '/api/counters/counter-3', admin(), { number: 4 })).status, 409);

    // Renumber counter 6 to 16; a new counter 6 then gets an id of its own, not counter 6's.
    assert.equal((await api(hall.url, 'PATCH', '/api/counters/counter-6', admin(), { number: 16 })).status, 200);
    const fresh = await api<{ id: string; number: number }>(hall.url, 'POST', '/api/counters', admin(), {
      number: 6,
      names: { zh: '新6号窗口', bo: 'སྒེའུ་ཁུང་ 6', ug: '6-كۆزنەك' },
      services: [{ serviceId: 'enquiries', weight: 1 }],
    });
    assert.equal(fresh.status, 201);
    assert.notEqual(fresh.body.id, 'counter-6');
    const all = (await api<{ id: string; number: number }[]>(hall.url, 'GET', '/api/counters', admin())).body;
    assert.equal(all.find((c) => c.id === 'counter-6')?.number, 16);
    assert.equal(all.find((c) => c.id === fresh.body.id)?.number, 6);
    const created = (await audit('?action=setup.counter.create')).find((e) => e.target === fresh.body.id);
    assert.equal(created?.detail?.after?.number, 6);
    assert.equal((await api(hall.url, 'PATCH', '/api/counters/counter-3', admin(), { services: [{ serviceId: 'nope', weight: 1 }] })).status, 422);
    assert.equal((await api(hall.url, 'PATCH', '/api/counters/counter-3', admin(), { usualLanguages: ['en'] })).status, 400);
    assert.equal((await api(hall.url, 'PATCH', '/api/counters/counter-99', admin(), { usualLanguages: ['zh'] })).status, 404);
  });
});

describe('setup: staff', () => {
  it('disables, enables and resets a password; each ends the sessions; audit holds no password', async () => {
    const created = await api<{ id: string }>(hall.url, 'POST', '/api/staff', admin(), { username: 'zhao', password: 'first-password', role: 'staff' });
    const id = created.body.id;
    let token = await login(hall.url, 'zhao', 'first-password');
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 200);

    const off = await api<{ active: boolean }>(hall.url, 'PATCH', `/api/staff/${id}`, admin(), { active: false });
    assert.equal(off.status, 200);
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 401, 'a disabled account’s session ends at once');
    assert.equal((await api(hall.url, 'POST', '/api/session', null, { username: 'zhao', password: 'first-password' })).status, 401);
    assert.equal((await api(hall.url, 'PATCH', `/api/staff/${id}`, admin(), { active: true })).status, 200);
    token = await login(hall.url, 'zhao', 'first-password');

    const reset = await api<{ password: string }>(hall.url, 'POST', `/api/staff/${id}/password`, admin());
    assert.equal(reset.status, 200);
    assert.ok(reset.body.password.length >= 12);
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 401, 'a reset ends the old session');
    assert.equal((await api(hall.url, 'POST', '/api/session', null, { username: 'zhao', password: 'first-password' })).status, 401);
    token = await login(hall.url, 'zhao', reset.body.password);

    // The staff member changes their own password: the old one is needed.
    const wrong = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/staff/me/password', token, { oldPassword: 'guess-guess', newPassword: 'my-own-password' });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error.code, 'WRONG_PASSWORD');
    assert.equal((await api(hall.url, 'POST', '/api/staff/me/password', token, { oldPassword: reset.body.password, newPassword: 'short' })).status, 400);
    const own = await api(hall.url, 'POST', '/api/staff/me/password', token, { oldPassword: reset.body.password, newPassword: 'my-own-password' });
    assert.equal(own.status, 204);
    assert.equal((await api(hall.url, 'GET', '/api/me', token)).status, 401);
    await login(hall.url, 'zhao', 'my-own-password');

    const promote = await api<{ role: string }>(hall.url, 'PATCH', `/api/staff/${id}`, admin(), { role: 'admin' });
    assert.equal(promote.body.role, 'admin');

    const entries = await audit('?action=setup.staff.');
    const actions = entries.filter((e) => e.target === id).map((e) => e.action);
    assert.deepEqual(actions, [
      'setup.staff.create',
      'setup.staff.disable',
      'setup.staff.enable',
      'setup.staff.password_reset',
      'setup.staff.password_change_failed',
      'setup.staff.password_change',
      'setup.staff.update',
    ]);
    const disable = entries.find((e) => e.action === 'setup.staff.disable')!;
    assert.deepEqual(disable.detail?.before, { active: true, role: 'staff' });
    assert.deepEqual(disable.detail?.after, { active: false, role: 'staff' });
    const all = JSON.stringify(await audit());
    for (const secret of ['first-password', reset.body.password, 'my-own-password', 'guess-guess']) assert.ok(!all.includes(secret), 'no password in the audit log');
  });

  it('keeps the admin from locking themselves out and keeps one admin', async () => {
    const me = await api<{ staff: { id: string } }>(hall.url, 'GET', '/api/me', admin());
    const self = await api<{ error: { code: string } }>(hall.url, 'PATCH', `/api/staff/${me.body.staff.id}`, admin(), { active: false });
    assert.equal(self.status, 409);
    assert.equal(self.body.error.code, 'CANNOT_CHANGE_SELF');
    assert.equal((await api(hall.url, 'PATCH', '/api/staff/nobody', admin(), { active: false })).status, 404);
    assert.equal((await api(hall.url, 'POST', '/api/staff/nobody/password', admin())).status, 404);
  });
});

describe('setup: hall and calling policy', () => {
  it('validates the time zone with Intl and audits the hall and policy', async () => {
    const bad = await api(hall.url, 'PATCH', '/api/hall/settings', admin(), { timeZone: 'Mars/Olympus' });
    assert.equal(bad.status, 400);
    const names = { zh: '团结社区服务大厅', bo: 'མཐུན་སྒྲིལ་སྡེ་ཁུལ་ཞབས་ཞུའི་ཚོམ་ཆེན།', ug: 'ئىتتىپاقلىق مەھەللە مۇلازىمەت زالى' };
    const notice = { zh: '请排队取号。', bo: 'གྲལ་སྒྲིག་ནས་ཨང་གྲངས་ལེན་རོགས།', ug: 'نۆۋەت بىلەن نومۇر ئېلىڭ.' };
    const r = await api<{ names: unknown; timeZone: string }>(hall.url, 'PATCH', '/api/hall/settings', admin(), { names, notice, timeZone: 'Asia/Urumqi' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const pub = await api<{ name: unknown; timeZone: string }>(hall.url, 'GET', '/api/hall');
    assert.deepEqual(pub.body.name, names);
    assert.equal(pub.body.timeZone, 'Asia/Urumqi');
    const h = (await audit('?action=setup.hall.update')).at(-1)!;
    assert.deepEqual(h.detail?.after, { names, notice, timeZone: 'Asia/Urumqi' });
    assert.equal(h.detail?.before?.timeZone, 'Asia/Shanghai');
    // Back to Shanghai so the day computations of the other tests stay where they were.
    await api(hall.url, 'PATCH', '/api/hall/settings', admin(), { timeZone: 'Asia/Shanghai' });

    assert.equal((await api(hall.url, 'PATCH', '/api/hall/policy', admin(), { agingMinutes: 0 })).status, 400);
    assert.equal((await api(hall.url, 'PATCH', '/api/hall/policy', admin(), { agingMinutes: 'soon' })).status, 400);
    const p = await api<{ policy: { agingMinutes: number } }>(hall.url, 'PATCH', '/api/hall/policy', admin(), { agingMinutes: 35, noShowAfterCalls: 3 });
    assert.equal(p.status, 200);
    assert.equal(p.body.policy.agingMinutes, 35);
    const pol = (await audit('?action=setup.policy.update')).at(-1)!;
    assert.deepEqual(pol.detail?.before, { agingMinutes: 20, noShowAfterCalls: 2 });
    assert.deepEqual(pol.detail?.after, { agingMinutes: 35, noShowAfterCalls: 3 });
    const counterHall = await api<{ policy: { noShowAfterCalls: number } }>(hall.url, 'GET', '/api/hall');
    assert.equal(counterHall.body.policy.noShowAfterCalls, 3, 'the counter console reads the new rule at once');
  });

  it('serves the pictograms', async () => {
    const list = await api<{ name: string; url: string }[]>(hall.url, 'GET', '/api/pictograms');
    assert.ok(list.body.length >= 12);
    for (const p of list.body) {
      const res = await fetch(hall.url + p.url);
      assert.equal(res.status, 200, p.url);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml');
      assert.match(await res.text(), /<svg[^>]*viewBox/);
    }
    assert.equal((await fetch(`${hall.url}/pictograms/..%2Fpictograms%2FREADME.md`)).status, 404);
  });
});

describe('audit log', () => {
  it('records logins (failed too, with the username, never the password) and filters by person and kind', async () => {
    await api(hall.url, 'POST', '/api/session', null, { username: 'admin', password: 'not-the-password' });
    await login(hall.url, 'admin', 'test-admin-password');
    const failed = (await audit('?action=login.failed')).at(-1)!;
    assert.equal(failed.detail?.username, 'admin');
    assert.equal(failed.detail?.reason, 'bad_credentials');
    assert.ok(!JSON.stringify(failed).includes('not-the-password'));
    const ok = (await audit('?action=login.ok')).at(-1)!;
    assert.equal(ok.actor.name, 'admin');
    assert.match(ok.at, /^\d{4}-\d{2}-\d{2}T/);

    const me = await api<{ staff: { id: string } }>(hall.url, 'GET', '/api/me', admin());
    const mine = await audit(`?actor=${me.body.staff.id}`);
    assert.ok(mine.length > 3);
    assert.ok(mine.every((e) => e.actor.id === me.body.staff.id));
    const logins = await audit('?action=login.');
    assert.ok(logins.every((e) => e.action.startsWith('login.')));
    assert.deepEqual(await audit('?day=2001-01-01'), []);
    assert.equal((await api(hall.url, 'GET', '/api/audit?day=yesterday', admin())).status, 400);
    assert.equal((await api(hall.url, 'GET', '/api/audit?action=DROP TABLE', admin())).status, 400);
  });
});
