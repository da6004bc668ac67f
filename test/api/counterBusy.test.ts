// Opening a second counter must not silently drop a resident already called to the first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

describe('openCounter while another counter holds a called ticket', () => {
  let hall: TestHall;
  let staff: string;
  before(async () => {
    hall = await startTestHall();
    staff = await staffToken(hall, 'tashi');
  });
  after(() => hall.stop());

  it('answers COUNTER_BUSY and leaves the first counter and its ticket as they were', async () => {
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: ['zh'] })).status, 200);
    const issued = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'zh' });
    assert.equal(issued.status, 201);
    const call = await api<{ ticket: { id: string } }>(hall.url, 'POST', '/api/counters/counter-1/call-next', staff);
    assert.equal(call.body.ticket.id, issued.body.id);
    const second = await api<{ error: { code: string } }>(hall.url, 'POST', '/api/counters/counter-2/open', staff, { languages: ['zh'] });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'COUNTER_BUSY');
    const counters = await api<{ id: string; state: string; currentTicketId: string | null; staffId: string | null }[]>(hall.url, 'GET', '/api/counters', staff);
    const first = counters.body.find((c) => c.id === 'counter-1')!;
    assert.equal(first.state, 'open');
    assert.equal(first.currentTicketId, issued.body.id);
    assert.equal(counters.body.find((c) => c.id === 'counter-2')!.state, 'closed');
    // Once the resident is served, moving to the other counter works and frees the first.
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/start`, staff)).status, 200);
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/finish`, staff)).status, 200);
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-2/open', staff, { languages: ['zh'] })).status, 200);
    const after = await api<{ id: string; state: string; currentTicketId: string | null }[]>(hall.url, 'GET', '/api/counters', staff);
    const freed = after.body.find((c) => c.id === 'counter-1')!;
    assert.equal(freed.state, 'closed');
    assert.equal(freed.currentTicketId, null);
  });
});
