// The hall display in a real browser: pairing, the live board (last 8 calls, waiting counts,
// no personal data), and announcements composed from voice packs — Tibetan clips recorded
// through the admin API are used after Chinese, in order, for calls in quick succession.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { wavTone } from '../support/browser.js';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { assertBuilt, issueTicket, latestOnBoard, launchChromium, openDisplay, screenshot } from './counter-harness.js';

let hall: TestHall;
let browser: Browser;
let staff: string;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  contexts.push(ctx);
  return ctx.newPage();
}

async function putClip(lang: string, clip: string, body: Buffer, type = 'audio/wav', token = hall.adminToken) {
  const res = await fetch(`${hall.url}/api/voice/${lang}/${clip}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
}

/** An upload over the limit, declared in Content-Length: the status, or 0 if the connection was dropped. */
function putOversized(lang: string, clip: string, size: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${hall.url}/api/voice/${lang}/${clip}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'audio/wav', 'Content-Length': String(size) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // The server judges by the declared length; the body is never sent.
    req.on('error', () => resolve(0));
    req.flushHeaders();
  });
}

async function callNext(counter: number): Promise<string> {
  const r = await api<{ ticket: { id: string; code: string } }>(hall.url, 'POST', `/api/counters/counter-${counter}/call-next`, staff);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.ticket.id;
}

async function serve(id: string): Promise<void> {
  await api(hall.url, 'POST', `/api/tickets/${id}/start`, staff);
  await api(hall.url, 'POST', `/api/tickets/${id}/finish`, staff);
}

const announced = (page: Page) => page.$$eval('[data-testid=announce-log] li', (lis) => lis.map((l) => l.textContent ?? ''));

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  browser = await launchChromium();
  staff = await staffToken(hall, 'board-staff');
  const opened = await api(hall.url, 'POST', '/api/counters/counter-6/open', staff, { languages: ['zh', 'bo', 'ug'] });
  assert.equal(opened.status, 200);
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hall?.stop();
});

test('an unpaired display explains how to pair it; a revoked token says so', async () => {
  let page = await newPage();
  await page.goto(`${hall.url}/display`);
  await page.waitForSelector('[data-testid=pairing]');
  assert.match((await page.textContent('[data-testid=pairing]')) ?? '', /此显示屏尚未配对/);
  await screenshot(page, 'display', 'pairing');
  await page.context().close();
  page = await newPage();
  await page.goto(`${hall.url}/display#token=not-a-real-token`);
  await page.waitForFunction(() => /令牌无效/.test(document.body.textContent ?? ''));
  // The token left the address bar; it is not shown on the TV.
  assert.equal(new URL(page.url()).hash, '');
  await page.context().close();
});

test('the board: latest call large, the last 8 calls, live waiting counts, no personal data', async () => {
  const page = await newPage();
  await openDisplay(page, hall.url, hall.displayToken);
  const before = Number(await page.getAttribute('[data-service=enquiries]', 'data-waiting'));
  const issued = [];
  for (let i = 0; i < 10; i++) issued.push(await issueTicket(hall, 'enquiries', 'zh'));
  await page.waitForSelector(`[data-service=enquiries][data-waiting="${before + 10}"]`);
  for (let i = 0; i < 10; i++) await serve(await callNext(6));
  const last = issued[9]!.code;
  await page.waitForSelector(`[data-testid=latest-call][data-code="${last}"]`);
  await page.waitForSelector(`[data-service=enquiries][data-waiting="${before}"]`);
  const recent = await page.$$eval('[data-testid=recent-calls] li', (lis) => lis.map((l) => l.getAttribute('data-code')));
  assert.deepEqual(recent, issued.slice(2, 9).map((t) => t.code).reverse(), 'the 7 calls before the latest, newest first');
  await screenshot(page, 'display', 'board-ten-calls');

  // A reload shows the same board from the snapshot (no events needed).
  await page.reload();
  await page.waitForSelector(`[data-testid=latest-call][data-code="${last}"]`);
  assert.equal(await page.locator('[data-testid=recent-calls] li').count(), 7);

  // The board carries ticket codes and counters only.
  const board = await api<{ calls: Record<string, unknown>[] }>(hall.url, 'GET', '/api/board', hall.displayToken);
  for (const c of board.body.calls) assert.deepEqual(Object.keys(c).sort(), ['at', 'code', 'counterId', 'counterNames', 'counterNumber', 'language', 'recall', 'serviceId', 'ticketId']);
  assert.match((await page.textContent('[data-testid=ticker]')) ?? '', /请留意叫号/);
  await page.context().close();
});

test('voice clips: public to read, admin to record, type and size checked, clip ids from the manifest', async () => {
  const manifest = await api<{ language: string; clips: { id: string; status: string; origin?: string }[]; pattern: string[] }>(hall.url, 'GET', '/voice/bo/manifest.json');
  assert.equal(manifest.status, 200);
  assert.ok(manifest.body.clips.every((c) => c.status === 'missing'));
  const zhClip = await fetch(`${hall.url}/voice/zh/digit-7`);
  assert.equal(zhClip.status, 200);
  assert.equal(zhClip.headers.get('content-type'), 'audio/ogg');
  assert.equal((await fetch(`${hall.url}/voice/bo/digit-7`)).status, 404, 'a missing clip is not served');
  assert.equal((await fetch(`${hall.url}/voice/xx/manifest.json`)).status, 404);

  assert.equal((await putClip('bo', 'digit-7', wavTone(), 'audio/wav', staff)).status, 403, 'staff may not record');
  assert.equal((await putClip('bo', 'digit-7', wavTone(), 'audio/wav', '')).status, 401);
  assert.equal((await putClip('bo', 'digit-7', wavTone(), 'text/plain')).status, 415);
  assert.equal((await putClip('bo', 'digit-7', Buffer.from('this is not audio at all'), 'audio/wav')).status, 400);
  assert.equal((await putClip('bo', 'not-in-manifest', wavTone())).status, 404);
  assert.equal((await putClip('bo', '..%2F..%2Fhall', wavTone())).status, 404);
  // Over 1 MiB is refused before it is read. (The front door currently drops the connection
  // instead of answering 413: either way nothing is stored, checked below.)
  assert.ok([413, 0].includes(await putOversized('bo', 'digit-7', 1024 * 1024 + 1)));
  assert.equal((await fetch(`${hall.url}/voice/bo/digit-7`)).status, 404);

  const saved = await putClip('bo', 'digit-7', wavTone(), 'audio/wav;codecs=1');
  assert.equal(saved.status, 200);
  assert.deepEqual((saved.body as { status: string; origin: string }).status, 'present');
  const served = await fetch(`${hall.url}/voice/bo/digit-7`);
  assert.equal(served.headers.get('content-type'), 'audio/wav');
  assert.ok(Buffer.from(await served.arrayBuffer()).equals(wavTone()));
  const again = await api<{ clips: { id: string; status: string; origin?: string }[] }>(hall.url, 'GET', '/voice/bo/manifest.json');
  const recorded = again.body.clips.find((c) => c.id === 'digit-7') as unknown as { status: string; origin: string; rev: string; text: string };
  assert.deepEqual([recorded.status, recorded.origin, recorded.text], ['present', 'recorded', 'བདུན།']);
  assert.match(recorded.rev, /^r\d+-\d+$/);
  assert.ok(again.body.clips.filter((c) => c.id !== 'digit-7').every((c) => c.status === 'missing'), 'only the recorded clip changed');

  // A recording replaces a shipped clip too, and deleting it restores the shipped one.
  const shipped = Buffer.from(await (await fetch(`${hall.url}/voice/zh/please`)).arrayBuffer());
  assert.equal((await putClip('zh', 'please', wavTone(120, 500))).status, 200);
  assert.equal((await fetch(`${hall.url}/voice/zh/please`)).headers.get('content-type'), 'audio/wav');
  const del = await fetch(`${hall.url}/api/voice/zh/please`, { method: 'DELETE', headers: { Authorization: `Bearer ${hall.adminToken}` } });
  assert.equal(del.status, 200);
  assert.ok(Buffer.from(await (await fetch(`${hall.url}/voice/zh/please`)).arrayBuffer()).equals(shipped));
});

test('announcements: a Tibetan ticket gets Chinese only until the bo pack is recorded, then zh then bo; two quick calls are both announced, in order', async () => {
  const page = await newPage();
  await openDisplay(page, hall.url, hall.displayToken);
  const first = await issueTicket(hall, 'enquiries', 'bo');
  const id1 = await callNext(6);
  await page.waitForFunction((code) => [...document.querySelectorAll('[data-testid=announce-log] li')].some((l) => l.textContent?.startsWith(code + ':')), first.code);
  assert.equal((await announced(page)).at(-1), `${first.code}:chime,clips-zh`, 'no Tibetan clips yet: chime + Chinese');
  await serve(id1);

  // Hall staff record every Tibetan clip (here: short tones), then the display reloads its packs.
  const manifest = await api<{ clips: { id: string }[] }>(hall.url, 'GET', '/voice/bo/manifest.json');
  for (const c of manifest.body.clips) assert.equal((await putClip('bo', c.id, wavTone(60, 300 + (c.id.length % 7) * 40))).status, 200);
  await page.reload();
  await page.waitForSelector('[data-testid=display][data-status=online][data-voice=ready]');

  const a = await issueTicket(hall, 'enquiries', 'bo');
  const b = await issueTicket(hall, 'enquiries', 'zh');
  const idA = await callNext(6);
  await serve(idA);
  await callNext(6); // right after: the first announcement is still playing
  await page.waitForFunction(
    (codes) => {
      const log = [...document.querySelectorAll('[data-testid=announce-log] li')].map((l) => l.textContent ?? '');
      return codes.every((c) => log.some((l) => l.startsWith(c + ':')));
    },
    [a.code, b.code],
    { timeout: 30_000 },
  );
  const log = await announced(page);
  assert.deepEqual(log.slice(-2), [`${a.code}:chime,clips-zh,clips-bo`, `${b.code}:chime,clips-zh`]);
  assert.equal(await latestOnBoard(page), b.code);
  await page.context().close();
});
