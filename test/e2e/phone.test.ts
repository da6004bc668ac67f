// The resident's phone page in a phone-sized Chromium: in each language (RTL for Uyghur) it
// turns to "go to counter N" within 3 s of the call, alerts again on a recall, and after the
// finish the resident rates from the phone; a second rating is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';

let now = Date.now();
const clock = { now: () => now };
let hall: TestHall;
let browser: Browser;
let staff: string;
const contexts: BrowserContext[] = [];

before(async () => {
  assertBuilt();
  hall = await startTestHall({ clock });
  staff = await staffToken(hall, 'phone-desk');
  await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: ['zh', 'bo', 'ug'] });
  browser = await launchChromium();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await hall?.stop();
});

async function phone(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  contexts.push(ctx);
  return ctx.newPage();
}

const GO = { zh: '请到 ⁨1⁩ 号窗口办理', bo: 'སྒེའུ་ཁུང་ ⁨1⁩ ལ་ཕེབས་རོགས།', ug: '⁨1⁩-كۆزنەككە بېرىڭ' } as const;

describe('phone status page', () => {
  for (const language of ['zh', 'bo', 'ug'] as const) {
    it(`in ${language}: shows the ticket, turns to "go to counter 1" within 3 s of the call, then rates once`, async () => {
      const issued = await api<{ id: string; code: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language });
      assert.equal(issued.status, 201);
      const path = new URL(issued.body.statusUrl).pathname;
      const page = await phone();
      await page.goto(hall.url + path);
      await page.getByTestId('code').filter({ hasText: issued.body.code }).waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), language);
      assert.equal(await page.evaluate(() => document.documentElement.dir), language === 'ug' ? 'rtl' : 'ltr');
      assert.ok(await page.getByTestId('ahead').isVisible());
      // Wait for the live stream before calling, so the 3 s bound measures the stream.
      await page.waitForFunction(() => !document.querySelector('.offline'), undefined, { timeout: 5000 });

      assert.equal((await api(hall.url, 'POST', `/api/counters/counter-1/call/${issued.body.id}`, staff)).status, 200);
      const go = page.getByTestId('go-to-counter');
      await go.waitFor({ timeout: 3000 });
      assert.equal((await go.textContent())?.trim(), GO[language]);
      assert.equal(await page.evaluate(() => document.body.dataset.alerts), '1');

      // A recall alerts again (after the hall's recall gap).
      now += 31_000;
      assert.equal((await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/recall`, staff)).status, 200);
      await page.waitForFunction(() => document.body.dataset.alerts === '2', undefined, { timeout: 3000 });

      await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/start`, staff);
      await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/finish`, staff);
      await page.getByTestId('face-2').tap({ timeout: 3000 });
      await page.getByTestId('reason-attitude').tap();
      await page.getByTestId('submit-rating').tap();
      await page.getByTestId('thanks').waitFor({ timeout: 3000 });

      const ratings = await api<{ ticketId: string; score: number; reasons: string[]; via: string }[]>(hall.url, 'GET', '/api/ratings', hall.adminToken);
      const mine = ratings.body.filter((r) => r.ticketId === issued.body.id);
      assert.deepEqual(mine.map((r) => [r.score, r.reasons, r.via]), [[2, ['attitude'], 'phone']]);
      // A second rating is refused, and a reload offers no faces.
      const again = await api(hall.url, 'POST', `/api/t/${path.slice(3)}/rating`, null, { score: 5 });
      assert.equal(again.status, 409);
      await page.reload();
      await page.getByTestId('thanks').waitFor({ timeout: 3000 });
      assert.equal(await page.getByTestId('face-5').count(), 0);
    });
  }

  it('falls back to polling every 3 s when the stream cannot connect', async () => {
    const issued = await api<{ id: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'bo' });
    const page = await phone();
    // Every status stream is refused, as on a network that blocks WebSockets.
    await page.routeWebSocket(/\/api\/t\/.*\/events$/, (ws) => ws.close());
    await page.goto(hall.url + new URL(issued.body.statusUrl).pathname);
    await page.getByTestId('ahead').waitFor({ timeout: 5000 });
    assert.equal(await page.locator('.offline').count(), 1, 'shows that it is reconnecting');
    await api(hall.url, 'POST', `/api/counters/counter-1/call/${issued.body.id}`, staff);
    // One polling period (3 s) plus the request itself.
    await page.getByTestId('go-to-counter').waitFor({ timeout: 4500 });
    assert.equal((await page.getByTestId('go-to-counter').textContent())?.trim(), GO.bo);
  });

  it('shows the same polite notice, in three scripts, for an unknown reference', async () => {
    const page = await phone();
    await page.goto(`${hall.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);
    const notice = page.getByTestId('not-found');
    await notice.waitFor({ timeout: 3000 });
    const text = (await notice.textContent()) ?? '';
    assert.match(text, /号票/);
    assert.match(text, /[\u0F00-\u0FFF]/);
    assert.match(text, /[\u0600-\u06FF]/);
  });
});
