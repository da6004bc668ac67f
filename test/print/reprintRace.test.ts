// Two staff reprints of a ticket that never had a print job, at the same moment: the job row
// is created once (UNIQUE ticket_id) and only the reprint that created it sends it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrintingRefusal } from '../../electron/print/index.js';
import { EscPosPeer } from './escposPeer.js';
import { openPrintHall, type PrintHall } from './hallFixture.js';

describe('concurrent reprints of a ticket without a job', () => {
  let hall: PrintHall;
  let peer: EscPosPeer;
  before(async () => {
    hall = await openPrintHall();
    peer = await EscPosPeer.start();
  });
  after(async () => {
    await hall.close();
    await peer.close();
  });

  it('prints it once; the other reprint hears PRINT_IN_PROGRESS', async () => {
    peer.mode = 'normal';
    const p = await hall.printing(peer.address);
    const { ticket } = await hall.issue('zh'); // issued without a print: no job row yet
    assert.equal(await hall.jobs.forTicket(ticket.id), null);
    const seen = peer.jobs.length;
    const results = await Promise.allSettled([p.reprint(ticket.id, 3000), p.reprint(ticket.id, 3000)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    assert.equal(ok.length, 1, 'exactly one reprint goes through');
    assert.equal(refused.length, 1);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    assert.ok(reason instanceof PrintingRefusal && reason.code === 'PRINT_IN_PROGRESS');
    await p.close();
    await sleep(50);
    assert.equal(peer.jobs.length, seen + 1, 'the printer received the ticket once');
    assert.equal((await hall.jobs.forTicket(ticket.id))?.attempts, 1);
  });
});
