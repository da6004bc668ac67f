import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LANGUAGES, type Language } from '../../electron/core/model.js';
import type { HallPrinting } from '../../electron/print/index.js';
import { PrintingRefusal } from '../../electron/print/index.js';
import { DEMO_SERVICES } from '../../electron/server/demoHall.js';
import { tempDir } from '../support/hall.js';
import { comparePreview } from '../support/printedDots.js';
import { EscPosPeer, rasterToPng, type PeerMode, type PeerRaster } from './escposPeer.js';
import { saveResult } from './fixtures.js';
import { openPrintHall, type PrintHall } from './hallFixture.js';

const service = DEMO_SERVICES[0]!;

function assertSameDots(png: Buffer, raster: PeerRaster, what: string): void {
  const c = comparePreview(png, raster);
  assert.equal(c.width, raster.width, `${what}: width`);
  assert.equal(c.height, raster.height, `${what}: height`);
  assert.equal(c.differing, 0, `${what}: ${c.differing} dots differ between the preview and the printout`);
}

async function printOne(hall: PrintHall, p: HallPrinting, language: Language) {
  const { ticket, info } = await hall.issue(language);
  const outcome = await p.printIssued({ ticket, service, info, language }, 2000);
  return { ticket, outcome };
}

describe('printing tickets to the ESC/POS peer', () => {
  let hall: PrintHall;
  let peer: EscPosPeer;
  const tmp = tempDir('hall-print-dev-');
  before(async () => {
    hall = await openPrintHall();
    peer = await EscPosPeer.start();
  });
  after(async () => {
    await hall.close();
    await peer.close();
    tmp.remove();
  });

  for (const language of LANGUAGES) {
    it(`prints a ${language} ticket: the peer's raster equals the preview PNG dot for dot`, async () => {
      peer.mode = 'normal';
      const p = await hall.printing(peer.address);
      const seen = peer.jobs.length;
      const { ticket, outcome } = await printOne(hall, p, language);
      assert.deepEqual(outcome, { state: 'printed' });
      const job = peer.jobs[seen]!;
      assert.ok(job.raster && job.cut);
      assert.equal(peer.unknownBytes, 0);
      assert.ok(job.bands.every((rows) => rows >= 1 && rows <= 256), `bands: ${job.bands.join(',')}`);
      assert.ok(job.bands.length >= 2, 'a ticket takes several bands');
      const preview = await p.previewPng(ticket.id, null);
      saveResult(`peer-${language}-576.png`, rasterToPng(job.raster));
      saveResult(`preview-${language}-576.png`, preview);
      assertSameDots(preview, job.raster, language);
      const row = await hall.jobs.forTicket(ticket.id);
      assert.equal(row?.state, 'printed');
      assert.equal(row?.attempts, 1);
    });
  }

  it('prints 58 mm tickets at 384 dots', async () => {
    peer.mode = 'normal';
    const p = await hall.printing(peer.address);
    await p.configure({ address: peer.address, paperWidth: 384 });
    const seen = peer.jobs.length;
    const { ticket, outcome } = await printOne(hall, p, 'bo');
    assert.equal(outcome.state, 'printed');
    assert.equal(peer.jobs[seen]!.raster!.width, 384);
    assertSameDots(await p.previewPng(ticket.id, null), peer.jobs[seen]!.raster!, 'bo 384');
    await p.configure({ address: peer.address, paperWidth: 576 });
  });

  it('never prints a ticket twice when asked twice', async () => {
    peer.mode = 'normal';
    const p = await hall.printing(peer.address);
    const { ticket, info } = await hall.issue('zh');
    const seen = peer.jobs.length;
    const input = { ticket, service, info, language: 'zh' as const };
    const [a, b] = await Promise.all([p.printIssued(input, 2000), p.printIssued(input, 2000)]);
    // One call prints; the other finds the job already queued and does not send it again.
    assert.deepEqual([a.state, b.state].sort(), ['printed', 'queued']);
    await sleep(100);
    assert.equal(peer.jobs.length, seen + 1);
    assert.deepEqual(await p.printIssued(input, 2000), { state: 'printed' });
    assert.equal(peer.jobs.length, seen + 1);
  });

  const faults: { mode: PeerMode | 'port-closed'; reason: string }[] = [
    { mode: 'port-closed', reason: 'connection_refused' },
    { mode: 'reset', reason: 'connection_reset' },
    { mode: 'paper-out', reason: 'paper_out' },
    { mode: 'cover-open', reason: 'cover_open' },
    { mode: 'slow', reason: 'timeout' },
  ];
  for (const f of faults) {
    it(`${f.mode}: the ticket stays issued, the job fails with ${f.reason}, a reprint works once fixed`, async () => {
      let address = peer.address;
      if (f.mode === 'port-closed') {
        const gone = await EscPosPeer.start();
        await gone.close();
        address = gone.address;
      } else {
        peer.mode = f.mode;
        peer.slowBytesPerTick = 512;
      }
      const p = await hall.printing(address);
      const seen = peer.jobs.length;
      const { ticket, outcome } = await printOne(hall, p, 'ug');
      assert.deepEqual(outcome, { state: 'failed', reason: f.reason });
      const stored = await hall.deps.store.reads.getTicket(ticket.id);
      assert.equal(stored?.state, 'issued');
      const row = await hall.jobs.forTicket(ticket.id);
      assert.equal(row?.state, 'failed');
      assert.equal(row?.reason, f.reason);
      await sleep(300);
      assert.equal(peer.jobs.length, seen, 'nothing may come out of the printer later');
      assert.equal(p.status.state, f.reason === 'paper_out' || f.reason === 'cover_open' ? f.reason : 'unreachable');

      // Fixed: staff reprint the same ticket (same row, one more attempt, no new ticket).
      peer.mode = 'normal';
      const fixed = f.mode === 'port-closed' ? await hall.printing(peer.address) : p;
      const { outcome: again, job } = await fixed.reprint(ticket.id, 3000);
      assert.deepEqual(again, { state: 'printed' });
      assert.equal(job.attempts, 2);
      assert.equal(job.id, row!.id);
      assert.equal(peer.jobs.length, seen + 1);
    });
  }

  it('the kiosk gets "queued" when the printer is slower than its wait, and the job ends on its own', async () => {
    peer.mode = 'slow';
    peer.slowBytesPerTick = 4096;
    const p = await hall.printing(peer.address, { timeouts: { statusMs: 800, jobMs: 10000 } });
    const { ticket, info } = await hall.issue('bo');
    const outcome = await p.printIssued({ ticket, service, info, language: 'bo' }, 50);
    assert.deepEqual(outcome, { state: 'queued' });
    await p.close(); // waits for the queue
    assert.equal((await hall.jobs.forTicket(ticket.id))?.state, 'printed');
    peer.mode = 'normal';
  });

  it('refuses a second reprint while the first is still printing', async () => {
    peer.mode = 'slow';
    peer.slowBytesPerTick = 4096;
    const p = await hall.printing(peer.address, { timeouts: { statusMs: 800, jobMs: 5000 } });
    const { ticket } = await hall.issue('zh');
    const first = p.reprint(ticket.id, 100);
    for (let i = 0; i < 50 && (await hall.jobs.forTicket(ticket.id))?.state !== 'queued'; i++) await sleep(10);
    await assert.rejects(p.reprint(ticket.id, 100), (e: unknown) => e instanceof PrintingRefusal && e.code === 'PRINT_IN_PROGRESS');
    assert.equal((await first).outcome.state, 'queued');
    await p.close();
    peer.mode = 'normal';
  });

  it('without a printer the kiosk hears "none" at once and nothing is stored', async () => {
    await hall.jobs.saveSettings({ address: null, paperWidth: 576 }); // earlier tests saved one
    const p = await hall.printing(null);
    const { ticket, outcome } = await printOne(hall, p, 'bo');
    assert.deepEqual(outcome, { state: 'none' });
    assert.equal(await hall.jobs.forTicket(ticket.id), null);
    await assert.rejects(p.reprint(ticket.id, 100), (e: unknown) => e instanceof PrintingRefusal && e.code === 'NO_PRINTER');
  });

  it('jobs cut off by a stop are marked interrupted at the next start, not printed late', async () => {
    const { ticket } = await hall.issue('zh');
    const { job } = await hall.jobs.createJob({ ticketId: ticket.id, kind: 'ticket', printer: peer.address, paperWidth: 576, layout: '{}', at: 1 });
    const seen = peer.jobs.length;
    await hall.printing(peer.address);
    const row = await hall.jobs.get(job.id);
    assert.equal(row?.state, 'failed');
    assert.equal(row?.reason, 'interrupted');
    assert.equal(peer.jobs.length, seen);
  });

  it('the poller reads DLE EOT and reports paper out, then ready', async () => {
    peer.mode = 'paper-out';
    const p = await hall.printing(peer.address, { pollMs: 30 });
    const stateBecomes = async (want: string): Promise<string> => {
      for (let i = 0; i < 200 && p.status.state !== want; i++) await sleep(10);
      return p.status.state;
    };
    assert.equal(await stateBecomes('paper_out'), 'paper_out');
    peer.mode = 'normal';
    assert.equal(await stateBecomes('ready'), 'ready');
    assert.ok(peer.statusQueries.includes(1) && peer.statusQueries.includes(2) && peer.statusQueries.includes(4));
  });

  it('refuses a missing device path and never creates a file there', async () => {
    const path = join(tmp.dir, 'lp0');
    const p = await hall.printing(path);
    const { outcome } = await printOne(hall, p, 'zh');
    assert.deepEqual(outcome, { state: 'failed', reason: 'device_missing' });
    assert.equal(existsSync(path), false);
    assert.equal((await p.checkNow()).reason, 'device_missing');
  });

  it('refuses a regular file as a printer and leaves it untouched', async () => {
    const path = join(tmp.dir, 'not-a-printer.txt');
    writeFileSync(path, 'keep me');
    const p = await hall.printing(path);
    const { outcome } = await printOne(hall, p, 'zh');
    assert.deepEqual(outcome, { state: 'failed', reason: 'not_a_device' });
    assert.equal(readFileSync(path, 'utf8'), 'keep me');
  });

  it('prints to a device file (a FIFO standing in for /dev/usb/lp0)', { skip: process.platform === 'win32' }, async () => {
    peer.mode = 'normal';
    const path = join(tmp.dir, 'fifo-lp');
    execFileSync('mkfifo', [path]);
    // Whatever the "device" receives is relayed to the peer, whose parser decodes it.
    const relay = net.connect(peer.port, '127.0.0.1');
    createReadStream(path).pipe(relay);
    const p = await hall.printing(path);
    const seen = peer.jobs.length;
    const { ticket, outcome } = await printOne(hall, p, 'bo');
    assert.deepEqual(outcome, { state: 'printed' });
    await peer.waitForJobs(seen + 1);
    assertSameDots(await p.previewPng(ticket.id, null), peer.jobs[seen]!.raster!, 'fifo');
    relay.destroy();
  });
});
