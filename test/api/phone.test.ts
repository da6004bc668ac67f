// The resident's phone endpoints and the ratings API against a real server on 127.0.0.1:
// references are unguessable and distinct, every bad reference gets the same 404 (never a
// 500), a phone sees only its own ticket, ratings happen once, pads rate only their own
// counter's fresh finishes, and low ratings open follow-ups an admin closes.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { closeDay } from '../../electron/core/usecases/closeDay.js';
import { issueTicket } from '../../electron/core/usecases/issueTicket.js';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

// A settable clock: noon in the hall's time zone, so "yesterday" is one step away.
let now = Date.parse('2026-11-24T04:00:00Z');
const clock = { now: () => now };

let hall: TestHall;
let staff: string;
before(async () => {
  hall = await startTestHall({ clock });
  staff = await staffToken(hall, 'tenzin');
  await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: ['zh', 'bo', 'ug'] });
});
after(() => hall.stop());

interface Issued { id: string; code: string; statusUrl: string }
interface ErrorBody { error: { code: string; message: string } }

async function issue(language: 'zh' | 'bo' | 'ug' = 'bo', serviceId = 'social-insurance'): Promise<Issued & { ref: string }> {
  const r = await api<Issued>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const url = new URL(r.body.statusUrl);
  assert.match(url.pathname, /^\/t\/[A-Za-z0-9_-]{22}$/);
  return { ...r.body, ref: url.pathname.slice(3) };
}

async function serve(id: string): Promise<void> {
  const call = await api<{ ticket: { id: string } }>(hall.url, 'POST', `/api/counters/counter-1/call/${id}`, staff);
  assert.equal(call.status, 200, JSON.stringify(call.body));
  assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/start`, staff)).status, 200);
  assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/finish`, staff)).status, 200);
}

describe('phone references and status', () => {
  it('gives 1 000 issued tickets 1 000 distinct references of 128 random bits', async () => {
    const deps = hall.server.context.deps;
    const refs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      // Two services: one service's daily range ends at 999.
      const serviceId = i % 2 ? 'proxy' : 'civil-assistance';
      const { ticket } = await issueTicket(deps, { serviceId, language: 'zh', priority: false, kioskId: null });
      const ref = await hall.server.context.resident.ratings.refOf(ticket.id);
      assert.ok(ref);
      assert.equal(Buffer.from(ref, 'base64url').length * 8, 128);
      assert.ok(!ref.includes(ticket.id) && !ticket.id.includes(ref));
      refs.add(ref);
    }
    assert.equal(refs.size, 1000);
    // Not sequential or shared-prefix: 1 000 random refs share almost no 4-character prefix.
    assert.ok(new Set([...refs].map((r) => r.slice(0, 4))).size > 990);
  });

  it('answers a live reference with its own ticket only', async () => {
    const a = await issue('bo');
    const b = await issue('ug');
    const r = await api<Record<string, unknown>>(hall.url, 'GET', `/api/t/${a.ref}`);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['ahead', 'callCount', 'calledAt', 'code', 'counter', 'estimatedWaitMinutes', 'language', 'rated', 'service', 'state'].sort());
    assert.equal(r.body.code, a.code);
    assert.equal(r.body.language, 'bo');
    assert.equal(r.body.counter, null);
    const text = JSON.stringify(r.body);
    for (const other of [b.code, b.id, b.ref, a.id]) assert.ok(!text.includes(other), `answer names ${other}`);
    const page = await fetch(`${hall.url}/t/${a.ref}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /\/assets\/phone\.js/);
  });

  it('refuses guessed, malformed and yesterday\'s references with the same 404, never a 500', async () => {
    const yesterday = await issue('zh');
    const bad = [
      'AAAAAAAAAAAAAAAAAAAAAA', // well-formed, guessed
      'x'.repeat(10_000),
      '..%2F..%2Fetc%2Fpasswd',
      '%2E%2E',
      encodeURIComponent('བཀྲ་ཤིས་བདེ་ལེགས་ئۇيغۇر😀'),
      '%00',
      '%zz',
      encodeURIComponent(yesterday.id),
    ];
    now += 24 * 3600_000; // the next day: yesterday's reference is dead
    try {
      bad.push(yesterday.ref);
      let shape: string | null = null;
      for (const ref of bad) {
        for (const [method, path, body] of [['GET', `/api/t/${ref}`, undefined], ['POST', `/api/t/${ref}/rating`, { score: 5 }]] as const) {
          const r = await api<ErrorBody>(hall.url, method, path, null, body);
          assert.equal(r.status, 404, `${method} ${path.slice(0, 60)} → ${r.status}`);
          const s = JSON.stringify(r.body);
          shape ??= s;
          assert.equal(s, shape, 'every bad reference reads the same');
        }
      }
      assert.equal(JSON.parse(shape!).error.code, 'NOT_FOUND');
      // The status stream refuses them the same way.
      for (const ref of ['AAAAAAAAAAAAAAAAAAAAAA', yesterday.ref]) {
        const status = await new Promise<number>((resolve) => {
          const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/t/${ref}/events`);
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('open', () => (ws.close(), resolve(101)));
          ws.on('error', () => resolve(-1));
        });
        assert.equal(status, 404);
      }
    } finally {
      now -= 24 * 3600_000;
    }
  });

  it('closes a phone\'s stream when its day is closed', async () => {
    const t = await issue('bo');
    const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/t/${t.ref}/events`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    now += 24 * 3600_000;
    try {
      const result = await closeDay(hall.server.context.deps);
      assert.ok(result.expired.some((x) => x.id === t.id));
      assert.equal(await closed, 4404);
      assert.equal((await api(hall.url, 'GET', `/api/t/${t.ref}`)).status, 404);
    } finally {
      now -= 24 * 3600_000;
    }
    // Back on its own day the ticket is expired: still a dead reference.
    assert.equal((await api(hall.url, 'GET', `/api/t/${t.ref}`)).status, 404);
  });

  it('streams the call to the phone, then lets it rate once after the finish', async () => {
    const t = await issue('ug');
    const ws = new WebSocket(`${hall.url.replace('http', 'ws')}/api/t/${t.ref}/events`);
    const seen: { state: string; counter: number | null; code: string }[] = [];
    ws.on('message', (d) => seen.push((JSON.parse(String(d)) as { status: { state: string; counter: number | null; code: string } }).status));
    await new Promise((r) => ws.once('open', r));
    const early = await api<ErrorBody>(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 5 });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'NOT_DONE');
    await api(hall.url, 'POST', `/api/counters/counter-1/call/${t.id}`, staff);
    await waitFor(() => seen.some((s) => s.state === 'called' && s.counter === 1));
    await api(hall.url, 'POST', `/api/tickets/${t.id}/start`, staff);
    await api(hall.url, 'POST', `/api/tickets/${t.id}/finish`, staff);
    await waitFor(() => seen.some((s) => s.state === 'done'));
    ws.close();
    assert.ok(seen.every((s) => s.code === t.code), 'only its own ticket');
    assert.equal((await api(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 6 })).status, 400);
    assert.equal((await api(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 1, reasons: ['waited_too_long', 'attitude'] })).status, 201);
    const again = await api<ErrorBody>(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 5 });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_RATED');
    const list = await api<{ ticketId: string; code: string; counterId: string; staffId: string; score: number; reasons: string[]; via: string }[]>(hall.url, 'GET', '/api/ratings?day=2026-11-24', hall.adminToken);
    const mine = list.body.find((x) => x.ticketId === t.id);
    assert.deepEqual(mine && { code: mine.code, counterId: mine.counterId, score: mine.score, reasons: mine.reasons, via: mine.via }, {
      code: t.code, counterId: 'counter-1', score: 1, reasons: ['waited_too_long', 'attitude'], via: 'phone',
    });
    assert.ok(mine?.staffId);
    assert.equal((await api(hall.url, 'GET', '/api/ratings?day=2026-11-24', staff)).status, 403);

    // The low rating opened a follow-up; an admin closes it with a note, and it is audited.
    const open = await api<{ id: string; rating: { ticketId: string } }[]>(hall.url, 'GET', '/api/rating-followups', hall.adminToken);
    const f = open.body.find((x) => x.rating.ticketId === t.id);
    assert.ok(f);
    assert.equal((await api(hall.url, 'POST', `/api/rating-followups/${f.id}/close`, hall.adminToken, { note: '' })).status, 400);
    assert.equal((await api(hall.url, 'POST', `/api/rating-followups/${f.id}/close`, hall.adminToken, { note: '已电话回访' })).status, 200);
    assert.equal((await api(hall.url, 'POST', `/api/rating-followups/${f.id}/close`, hall.adminToken, { note: 'again' })).status, 404);
    const closed = await api<{ id: string; note: string; closedBy: string }[]>(hall.url, 'GET', '/api/rating-followups?state=closed', hall.adminToken);
    assert.deepEqual(closed.body.filter((x) => x.id === f.id).map((x) => [x.note, x.closedBy]), [['已电话回访', 'admin']]);
    const audit = await hall.server.context.audit.store.list({ from: 0, to: now + 1, action: 'rating.followup.close' });
    assert.deepEqual(audit.map((e) => e.target), [f.id]);
  });

  it('keeps a high rating without a follow-up and without reasons', async () => {
    const t = await issue('zh');
    await serve(t.id);
    assert.equal((await api(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 5, reasons: ['attitude'] })).status, 201);
    const list = await api<{ ticketId: string; reasons: string[] }[]>(hall.url, 'GET', '/api/ratings', hall.adminToken);
    assert.deepEqual(list.body.find((x) => x.ticketId === t.id)?.reasons, []);
    const open = await api<{ rating: { ticketId: string } }[]>(hall.url, 'GET', '/api/rating-followups', hall.adminToken);
    assert.ok(!open.body.some((x) => x.rating.ticketId === t.id));
  });
});

describe('hall public address', () => {
  it('defaults to a LAN address, can be set by an admin, goes into statusUrl and passes the Host check', async () => {
    const port = new URL(hall.url).port;
    const before = await api<{ address: string; configured: string | null; default: string }>(hall.url, 'GET', '/api/hall/public-address', hall.adminToken);
    assert.equal(before.body.configured, null);
    assert.match(before.body.default, new RegExp(`^http://[0-9.]+:${port}$`));
    assert.equal((await api(hall.url, 'PUT', '/api/hall/public-address', staff, { address: 'http://evil.example' })).status, 403);
    assert.equal((await api(hall.url, 'PUT', '/api/hall/public-address', hall.adminToken, { address: 'http://x/path' })).status, 400);
    const set = await api<{ address: string }>(hall.url, 'PUT', '/api/hall/public-address', hall.adminToken, { address: `http://hall.example:${port}/` });
    assert.equal(set.body.address, `http://hall.example:${port}`);
    const t = await issue('zh');
    assert.ok(t.statusUrl.startsWith(`http://hall.example:${port}/t/`), t.statusUrl);
    // A phone that reaches the hall by that name passes the Host check.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${hall.url}/api/t/${t.ref}`, { headers: { Host: `hall.example:${port}` } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 200);
    const audit = await hall.server.context.audit.store.list({ from: 0, to: now + 1, action: 'setup.publicAddress.update' });
    assert.equal(audit.length, 1);
    assert.equal((await api<{ configured: null }>(hall.url, 'PUT', '/api/hall/public-address', hall.adminToken, { address: null })).body.configured, null);
  });
});

describe('rating pads', () => {
  it('pairs a pad to a counter and lets it rate only that counter\'s fresh finishes', async () => {
    assert.equal((await api(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad' })).status, 400);
    assert.equal((await api(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad', counterId: 'ghost' })).status, 400);
    const pad = await api<{ token: string; counterId: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad 1', counterId: 'counter-1' });
    assert.equal(pad.status, 201);
    const pad2 = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad 2', counterId: 'counter-2' });
    const who = await api<{ counter: { number: number }; staff: { username: string } | null }>(hall.url, 'GET', '/api/rater', pad.body.token);
    assert.deepEqual([who.body.counter.number, who.body.staff?.username], [1, 'tenzin']);
    // A pad is not a kiosk.
    assert.equal((await api(hall.url, 'POST', '/api/tickets', pad.body.token, { serviceId: 'proxy', language: 'zh' })).status, 403);

    const t = await issue('bo');
    // Not yet at this counter: reads like an unknown ticket; called but not done: refused.
    assert.equal((await api(hall.url, 'POST', '/api/ratings', pad.body.token, { ticketId: t.id, score: 4 })).status, 404);
    await api(hall.url, 'POST', `/api/counters/counter-1/call/${t.id}`, staff);
    const early = await api<ErrorBody>(hall.url, 'POST', '/api/ratings', pad.body.token, { ticketId: t.id, score: 4 });
    assert.equal(early.body.error.code, 'NOT_DONE');
    await api(hall.url, 'POST', `/api/tickets/${t.id}/start`, staff);
    await api(hall.url, 'POST', `/api/tickets/${t.id}/finish`, staff);
    assert.equal((await api(hall.url, 'POST', '/api/ratings', pad2.body.token, { ticketId: t.id, score: 4 })).status, 404);
    assert.equal((await api(hall.url, 'POST', '/api/ratings', pad.body.token, { ticketId: t.id, score: 4 })).status, 201);
    assert.equal((await api(hall.url, 'POST', '/api/ratings', pad.body.token, { ticketId: t.id, score: 4 })).status, 409);
    assert.equal((await api(hall.url, 'POST', `/api/t/${t.ref}/rating`, null, { score: 4 })).status, 409);

    const late = await issue('zh');
    await serve(late.id);
    now += 2 * 60_000 + 1;
    const r = await api<ErrorBody>(hall.url, 'POST', '/api/ratings', pad.body.token, { ticketId: late.id, score: 2 });
    assert.equal(r.body.error.code, 'RATING_WINDOW_CLOSED');
  });
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
