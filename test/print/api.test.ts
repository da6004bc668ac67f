import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { DEMO_SERVICES } from '../../electron/server/demoHall.js';
import { api, startTestHall, tempDir, type TestHall } from '../support/hall.js';
import { comparePreview } from '../support/printedDots.js';
import { EscPosPeer, type PeerRaster } from './escposPeer.js';
import { saveResult } from './fixtures.js';

interface Issued {
  id: string;
  code: string;
  print: { state: string; reason?: string };
}

async function png(hall: TestHall, path: string, token: string | null): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(hall.url + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

function sameDots(pngBytes: Buffer, r: PeerRaster): boolean {
  const c = comparePreview(pngBytes, r);
  return c.width === r.width && c.height === r.height && c.differing === 0;
}

describe('printing through the HTTP API', () => {
  let hall: TestHall;
  let peer: EscPosPeer;
  const tmp = tempDir('hall-print-api-');
  const issue = (language: string) =>
    api<Issued>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: DEMO_SERVICES[1]!.id, language });

  before(async () => {
    peer = await EscPosPeer.start();
    hall = await startTestHall({ printer: peer.address });
  });
  after(async () => {
    await hall.stop();
    await peer.close();
    tmp.remove();
  });

  it('a kiosk ticket is printed, and its preview PNG is the printed raster', async () => {
    const r = await issue('ug');
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.print, { state: 'printed' });
    const job = peer.jobs.at(-1)!;
    const preview = await png(hall, `/api/tickets/${r.body.id}/ticket.png`, hall.kioskToken);
    assert.equal(preview.status, 200);
    assert.equal(preview.type, 'image/png');
    saveResult('api-preview-ug-576.png', preview.body);
    assert.ok(sameDots(preview.body, job.raster!), 'preview differs from the printout');
    const narrow = await png(hall, `/api/tickets/${r.body.id}/ticket.png?width=384`, hall.adminToken);
    assert.equal(PNG.sync.read(narrow.body).width, 384);
    assert.equal((await png(hall, `/api/tickets/${r.body.id}/ticket.png?width=500`, hall.adminToken)).status, 400);
  });

  it('only staff and the issuing kiosk may see a ticket preview', async () => {
    const r = await issue('bo');
    const other = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Other kiosk' });
    assert.equal((await png(hall, `/api/tickets/${r.body.id}/ticket.png`, other.body.token)).status, 403);
    assert.equal((await png(hall, `/api/tickets/${r.body.id}/ticket.png`, hall.displayToken)).status, 403);
    assert.equal((await png(hall, `/api/tickets/${r.body.id}/ticket.png`, null)).status, 401);
    assert.equal((await png(hall, `/api/tickets/no-such-ticket/ticket.png`, hall.adminToken)).status, 404);
  });

  it('paper out: the ticket is still issued, the kiosk hears why, staff reprint it', async () => {
    peer.mode = 'paper-out';
    const r = await issue('zh');
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.print, { state: 'failed', reason: 'paper_out' });
    const t = await api<{ state: string }>(hall.url, 'GET', `/api/tickets/${r.body.id}`, hall.adminToken);
    assert.equal(t.body.state, 'issued');
    const status = await api<{ status: { state: string } }>(hall.url, 'GET', '/api/printer', hall.adminToken);
    assert.equal(status.body.status.state, 'paper_out');
    peer.mode = 'normal';
    const again = await api<{ print: { state: string }; job: { attempts: number; state: string } }>(
      hall.url,
      'POST',
      `/api/tickets/${r.body.id}/reprint`,
      hall.adminToken,
    );
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.print, { state: 'printed' });
    assert.equal(again.body.job.attempts, 2);
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${r.body.id}/reprint`, hall.kioskToken)).status, 403);
  });

  it('GET /api/printer shows settings, status and recent jobs', async () => {
    const r = await api<{ config: { address: string; paperWidth: number }; status: { state: string }; jobs: { state: string }[] }>(
      hall.url,
      'GET',
      '/api/printer?refresh=1',
      hall.adminToken,
    );
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.config, { address: peer.address, paperWidth: 576 });
    assert.equal(r.body.status.state, 'ready');
    assert.ok(r.body.jobs.length >= 3);
    assert.equal((await api(hall.url, 'GET', '/api/printer', hall.kioskToken)).status, 403);
  });

  it('admin changes the printer, with validation', async () => {
    const put = (body: unknown, token = hall.adminToken) => api<{ error?: { code: string } }>(hall.url, 'PUT', '/api/printer', token, body);
    assert.equal((await put({ address: 'ftp://x', paperWidth: 576 })).status, 400);
    assert.equal((await put({ address: peer.address, paperWidth: 300 })).status, 400);
    const missing = await put({ address: `${tmp.dir}/lp9`, paperWidth: 576 });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error?.code, 'PRINTER_DEVICE_MISSING');
    assert.equal((await put({ address: peer.address, paperWidth: 384 }, hall.kioskToken)).status, 403);
    assert.equal((await put({ address: peer.address, paperWidth: 384 })).status, 200);
    const r = await issue('bo');
    assert.equal(r.body.print.state, 'printed');
    assert.equal(peer.jobs.at(-1)!.raster!.width, 384);
    assert.equal((await put({ address: null, paperWidth: 576 })).status, 200);
    assert.deepEqual((await issue('zh')).body.print, { state: 'none' });
    assert.equal((await put({ address: peer.address, paperWidth: 576 })).status, 200);
  });

  it('admin test print: the layout plus the printer’s own QR', async () => {
    const seen = peer.jobs.length;
    const r = await api<{ print: { state: string }; job: { kind: string } }>(hall.url, 'POST', '/api/printer/test-print', hall.adminToken, {
      language: 'bo',
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.print, { state: 'printed' });
    assert.equal(r.body.job.kind, 'test');
    assert.equal(peer.jobs.length, seen + 1);
    assert.match(peer.jobs.at(-1)!.qr[0] ?? '', /^HK1:TEST:\d+$/);
  });
});
