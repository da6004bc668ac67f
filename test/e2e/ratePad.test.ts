// The counter rating pad (评价器) in Chromium: paired to counter 1, it asks only after
// counter 1 finishes a ticket, in that ticket's language; a tap records the rating; no tap
// within the timeout (?timeout=2 here, 30 s in the hall) records nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';

let hall: TestHall;
let browser: Browser;
let page: Page;
let desk1: string;
let desk2: string;

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  desk1 = await staffToken(hall, 'lhamo');
  desk2 = await staffToken(hall, 'aynur');
  await api(hall.url, 'POST', '/api/counters/counter-1/open', desk1, { languages: ['zh', 'bo', 'ug'] });
  await api(hall.url, 'POST', '/api/counters/counter-2/open', desk2, { languages: ['zh', 'bo', 'ug'] });
  browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  page = await ctx.newPage();
});
after(async () => {
  await browser?.close();
  await hall?.stop();
});

async function serveAt(counter: 1 | 2, language: 'zh' | 'bo' | 'ug'): Promise<{ id: string; code: string }> {
  const token = counter === 1 ? desk1 : desk2;
  const t = await api<{ id: string; code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language });
  assert.equal((await api(hall.url, 'POST', `/api/counters/counter-${counter}/call/${t.body.id}`, token)).status, 200);
  await api(hall.url, 'POST', `/api/tickets/${t.body.id}/start`, token);
  assert.equal((await api(hall.url, 'POST', `/api/tickets/${t.body.id}/finish`, token)).status, 200);
  return t.body;
}

async function ratingsOf(id: string) {
  const r = await api<{ ticketId: string; score: number; via: string; counterId: string }[]>(hall.url, 'GET', '/api/ratings', hall.adminToken);
  return r.body.filter((x) => x.ticketId === id);
}

describe('rating pad', () => {
  it('idles on its counter, asks only for its own counter\'s finishes, records a tap, and nothing on timeout', async () => {
    const paired = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad at 1', counterId: 'counter-1' });
    assert.equal(paired.status, 201);
    await page.goto(`${hall.url}/rate?timeout=2#token=${paired.body.token}`);
    await page.getByTestId('idle-counter').filter({ hasText: '1' }).waitFor({ timeout: 5000 });
    assert.match((await page.getByTestId('idle').textContent()) ?? '', /lhamo/);
    assert.ok(!page.url().includes('token='), 'the token left the address bar');
    await page.waitForFunction(() => !document.querySelector('.offline'), undefined, { timeout: 5000 });

    // Counter 2 finishing does not wake the pad of counter 1.
    await serveAt(2, 'ug');
    await page.waitForTimeout(800);
    assert.equal(await page.getByTestId('ask').count(), 0);

    // Counter 1 finishing a Tibetan ticket: the pad asks in Tibetan; a tap records it.
    const bo = await serveAt(1, 'bo');
    await page.getByTestId('ask').waitFor({ timeout: 3000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'bo');
    assert.match((await page.getByTestId('ask').textContent()) ?? '', /ཧ་ཅང་ཡིད་ཚིམ།/);
    assert.match((await page.getByTestId('ask').textContent()) ?? '', new RegExp(bo.code));
    await page.getByTestId('face-4').tap();
    await page.getByTestId('thanks').waitFor({ timeout: 3000 });
    assert.equal(await page.getByTestId('thanks').getAttribute('data-status'), '201');
    assert.deepEqual((await ratingsOf(bo.id)).map((r) => [r.score, r.via, r.counterId]), [[4, 'pad', 'counter-1']]);
    await page.getByTestId('idle').waitFor({ timeout: 5000 });

    // An Uyghur ticket: asks right to left; nobody taps → back to idle, nothing recorded.
    const ug = await serveAt(1, 'ug');
    await page.getByTestId('ask').waitFor({ timeout: 3000 });
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.match((await page.getByTestId('ask').textContent()) ?? '', /ناھايىتى رازى/);
    await page.getByTestId('idle').waitFor({ timeout: 5000 });
    assert.equal(await page.getByTestId('ask').count(), 0);
    assert.deepEqual(await ratingsOf(ug.id), []);
  });
});
