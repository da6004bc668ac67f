// The contract other parts rely on, end to end against a real server on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

let hall: TestHall;
let staff: string;
before(async () => {
  hall = await startTestHall();
  staff = await staffToken(hall, 'dolkar');
});
after(() => hall.stop());

interface TicketJson {
  id: string;
  code: string;
  state: string;
  ahead: number;
  estimatedWaitMinutes: number;
  language: string;
  callCount: number;
  counterId: string | null;
}

describe('hall server API', () => {
  it('answers health without a token', async () => {
    const r = await api(hall.url, 'GET', '/api/health');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { ok: true });
  });

  it('lists services with names in three scripts for a kiosk', async () => {
    const r = await api<{ id: string; prefix: string; names: { zh: string; bo: string; ug: string }; waiting: number }[]>(hall.url, 'GET', '/api/services', hall.kioskToken);
    assert.equal(r.status, 200);
    assert.ok(r.body.length >= 5);
    const names = r.body.map((s) => s.names.zh);
    for (const n of ['社保医保', '户籍与居住证', '民政救助', '老年服务', '综合咨询']) assert.ok(names.includes(n), n);
    for (const s of r.body) {
      assert.match(s.names.bo, /[\u0F00-\u0FFF]/);
      assert.match(s.names.ug, /[\u0600-\u06FF]/);
      assert.equal(typeof s.waiting, 'number');
    }
  });

  it('issues tickets to a kiosk with people ahead and estimated wait', async () => {
    const a = await api<TicketJson>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'bo' });
    const b = await api<TicketJson>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'ug', priority: false });
    assert.equal(a.status, 201);
    assert.match(a.body.code, /^B\d{3}$/);
    assert.equal(b.body.ahead, a.body.ahead + 1);
    assert.ok(b.body.estimatedWaitMinutes > 0);
    const got = await api<TicketJson>(hall.url, 'GET', `/api/tickets/${a.body.id}`, staff);
    assert.equal(got.body.state, 'issued');
    assert.equal(got.body.language, 'bo');
    const day = await api<TicketJson[]>(hall.url, 'GET', '/api/tickets', staff);
    assert.ok(day.body.some((t) => t.id === b.body.id));
  });

  it('calls, recalls, starts, finishes — and refuses what the lifecycle forbids', async () => {
    const open = await api(hall.url, 'POST', '/api/counters/counter-3/open', staff, { languages: ['zh', 'bo'] });
    assert.equal(open.status, 200);
    const call = await api<{ ticket: TicketJson }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff);
    assert.equal(call.status, 200);
    assert.equal(call.body.ticket.language, 'bo', 'the Tibetan speaker gets the Tibetan ticket first');
    const id = call.body.ticket.id;
    const busy = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff);
    assert.equal(busy.status, 409);
    assert.equal(busy.body.error.code, 'COUNTER_BUSY');
    const soon = await api<{ error: { code: string; message: string } }>(hall.url, 'POST', `/api/tickets/${id}/recall`, staff, undefined, { 'Accept-Language': 'ug' });
    assert.equal(soon.body.error.code, 'RECALL_TOO_SOON');
    assert.match(soon.body.error.message, /[\u0600-\u06FF]/, 'message in Uyghur');
    const early = await api<{ error: { code: string } }>(hall.url, 'POST', `/api/tickets/${id}/no-show`, staff);
    assert.equal(early.body.error.code, 'NO_SHOW_TOO_EARLY');
    const finishEarly = await api<{ error: { code: string } }>(hall.url, 'POST', `/api/tickets/${id}/finish`, staff);
    assert.equal(finishEarly.body.error.code, 'ILLEGAL_TRANSITION');
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/start`, staff)).status, 200);
    const done = await api<{ ticket: TicketJson }>(hall.url, 'POST', `/api/tickets/${id}/finish`, staff);
    assert.equal(done.body.ticket.state, 'done');
    const again = await api<{ error: { code: string } }>(hall.url, 'POST', `/api/tickets/${id}/start`, staff);
    assert.equal(again.body.error.code, 'ILLEGAL_TRANSITION');
  });

  it('calls a specific ticket out of order, transfers it keeping its place, and pauses', async () => {
    const t1 = await api<TicketJson>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language: 'zh' });
    const t2 = await api<TicketJson>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language: 'zh' });
    const called = await api<{ ticket: TicketJson }>(hall.url, 'POST', `/api/counters/counter-3/call/${t2.body.id}`, staff);
    assert.equal(called.status, 200);
    assert.equal(called.body.ticket.id, t2.body.id);
    const moved = await api<{ ticket: TicketJson }>(hall.url, 'POST', `/api/tickets/${t2.body.id}/transfer`, staff, { serviceId: 'elderly' });
    assert.equal(moved.body.ticket.state, 'transferred');
    const queue = await api<TicketJson[]>(hall.url, 'GET', '/api/counters/counter-3/queue', staff);
    assert.ok(queue.body.some((t) => t.id === t1.body.id));
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-3/pause', staff)).status, 200);
    const paused = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff);
    assert.equal(paused.body.error.code, 'COUNTER_PAUSED');
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-3/resume', staff)).status, 200);
    const next = await api<{ ticket: TicketJson }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff);
    assert.equal(next.body.ticket.id, t1.body.id);
  });

  it('answers 204 when nobody waits for the counter', async () => {
    const other = await staffToken(hall, 'tursun');
    await api(hall.url, 'POST', '/api/counters/counter-5/open', other, { languages: ['ug'] });
    const r = await api(hall.url, 'POST', '/api/counters/counter-5/call-next', other);
    // counter 5 serves elderly + proxy; the transferred ticket waits for elderly
    assert.equal(r.status, 200);
    const id = (r.body as { ticket: TicketJson }).ticket.id;
    await api(hall.url, 'POST', `/api/tickets/${id}/start`, other);
    await api(hall.url, 'POST', `/api/tickets/${id}/finish`, other);
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-5/call-next', other)).status, 204);
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-5/close', other)).status, 200);
  });

  it('shows the display only the public board', async () => {
    const board = await api<{ calls: Record<string, unknown>[]; waiting: unknown[]; hallName: Record<string, string> }>(hall.url, 'GET', '/api/board', hall.displayToken);
    assert.equal(board.status, 200);
    assert.ok(board.body.calls.length > 0);
    for (const c of board.body.calls) assert.deepEqual(Object.keys(c).sort(), ['at', 'code', 'counterId', 'counterNames', 'counterNumber', 'language', 'recall', 'serviceId', 'ticketId']);
    assert.equal((await api(hall.url, 'GET', '/api/tickets', hall.displayToken)).status, 403);
    assert.equal((await api(hall.url, 'POST', '/api/tickets', hall.displayToken, { serviceId: 'household', language: 'zh' })).status, 403);
  });

  it('lets a kiosk issue tickets and read services, nothing else', async () => {
    assert.equal((await api(hall.url, 'GET', '/api/tickets', hall.kioskToken)).status, 403);
    assert.equal((await api(hall.url, 'GET', '/api/board', hall.kioskToken)).status, 403);
    assert.equal((await api(hall.url, 'GET', '/api/counters', hall.kioskToken)).status, 403);
    assert.equal((await api(hall.url, 'POST', '/api/devices', hall.kioskToken, { role: 'kiosk', name: 'x' })).status, 403);
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-1/call-next', hall.kioskToken)).status, 403);
  });

  it('lets an admin add a counter, validating its services and number', async () => {
    const body = { number: 12, names: { zh: '12号窗口', bo: 'སྒེའུ་ཁུང་ ༡༢', ug: '12-كۆزنەك' }, services: [{ serviceId: 'proxy', weight: 2 }] };
    assert.equal((await api(hall.url, 'POST', '/api/counters', staff, body)).status, 403);
    const created = await api<{ id: string; state: string }>(hall.url, 'POST', '/api/counters', hall.adminToken, body);
    assert.equal(created.status, 201);
    assert.equal(created.body.state, 'closed');
    const again = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/counters', hall.adminToken, body);
    assert.equal(again.body.error.code, 'COUNTER_NUMBER_TAKEN');
    const ghost = await api(hall.url, 'POST', '/api/counters', hall.adminToken, { ...body, number: 13, services: [{ serviceId: 'ghost', weight: 1 }] });
    assert.equal(ghost.status, 422);
    const counters = await api<{ id: string }[]>(hall.url, 'GET', '/api/counters', staff);
    assert.ok(counters.body.some((c) => c.id === created.body.id));
  });

  it('serves the four pages with a strict CSP', async () => {
    for (const page of ['kiosk', 'counter', 'display', 'admin']) {
      const r = await fetch(`${hall.url}/${page}`);
      assert.equal(r.status, 200);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(await r.text(), new RegExp(`/assets/${page}\\.js`));
    }
  });

  it('lets browsers revalidate page bundles and fonts with an ETag (304, no body)', async () => {
    for (const path of ['/assets/kiosk.js', '/fonts/NotoSans-Regular.ttf']) {
      const first = await fetch(hall.url + path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      await first.arrayBuffer();
      const again = await fetch(hall.url + path, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal((await again.arrayBuffer()).byteLength, 0);
      const stale = await fetch(hall.url + path, { headers: { 'If-None-Match': 'W/"0-0"' } });
      assert.equal(stale.status, 200);
      await stale.arrayBuffer();
    }
    assert.equal((await fetch(hall.url + '/assets/..%2Fpackage.json')).status, 404);
  });
});

