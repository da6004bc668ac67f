// The printed ticket's QR is the resident's phone link (statusUrl, /t/<ref>): the print job's
// snapshot (what the raster and the preview are drawn from) holds it, and a staff reprint
// keeps the same link.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { EscPosPeer } from './escposPeer.js';

describe('ticket QR carries the phone link', () => {
  let hall: TestHall;
  let peer: EscPosPeer;
  before(async () => {
    peer = await EscPosPeer.start();
    hall = await startTestHall({ printer: peer.address });
  });
  after(async () => {
    await hall.stop();
    await peer.close();
  });

  it('prints statusUrl as the QR, and reprints the same', async () => {
    const r = await api<{ id: string; statusUrl: string; print: { state: string } }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'bo' });
    assert.equal(r.status, 201);
    assert.equal(r.body.print.state, 'printed');
    assert.match(r.body.statusUrl, /^http:\/\/[^/]+\/t\/[A-Za-z0-9_-]{22}$/);
    const reference = async () =>
      (JSON.parse((await hall.server.context.db.reader.get<{ layout: string }>('SELECT layout FROM print_jobs WHERE ticket_id = ?', [r.body.id]))!.layout) as { reference: string }).reference;
    assert.equal(await reference(), r.body.statusUrl);
    const printed = peer.jobs.length;
    const staff = await staffToken(hall, 'reprinter');
    const again = await api(hall.url, 'POST', `/api/tickets/${r.body.id}/reprint`, staff, {});
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(peer.jobs.length, printed + 1, 'printed again');
    assert.equal(await reference(), r.body.statusUrl);
  });
});
