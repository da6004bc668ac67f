// A form sent without a ticket, whose answer is lost on the way back (the server stored it),
// sent again by the resident after going back to the review: the kiosk sends both attempts
// with the same Idempotency-Key, so the hall keeps one submission. In Chromium against a
// real hall server; the first answer is really stored and then dropped before the page sees it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';
import { tap as tapPaged } from './kioskFitCheck.js';

const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);
// Turns the pages of a paged list (services, choices, review) until the control shows.
const tap = (page: Page, testId: string) => tapPaged(page, testId);

describe('kiosk: a no-ticket form resent after a lost answer is stored once', () => {
  let hall: TestHall;
  let browser: Browser;

  before(async () => {
    assertBuilt();
    hall = await startTestHall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('suggestion box: lost answer, back, send again → one key, one submission', async () => {
    const ctx = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
    await tap(page, 'attract-start');
    await tap(page, 'language-ug');
    await tap(page, 'direct-forms');
    await tap(page, 'direct-form-suggestion_box');
    await page.locator('[data-testid="form-question"][data-field="topic"]').waitFor();
    await tap(page, 'form-choice-safety');
    await tap(page, 'form-next');
    await page.locator('[data-testid="form-question"][data-field="content"]').waitFor();
    for (const k of ['y', 'f', 'space', 'h', 'x', 'h', 'j']) await tap(page, k === 'space' ? 'ug-key-space' : `ug-key-${k}`);
    await tap(page, 'form-next');
    await page.locator('[data-testid="form-question"][data-field="wants_reply"]').waitFor();
    await tap(page, 'form-no');
    await tap(page, 'form-next');
    await page.getByTestId('form-review').waitFor();

    // Every POST is recorded; the first reaches the server, is stored, and its answer is lost.
    const sent: { key: string | undefined; status: number }[] = [];
    await page.route('**/api/submissions', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const key = (await route.request().allHeaders())['idempotency-key'];
      const res = await route.fetch();
      sent.push({ key, status: res.status() });
      if (sent.length === 1) return route.abort('connectionreset');
      return route.fulfill({ response: res });
    });
    await tap(page, 'form-confirm');
    await tappable(page, 'direct-retry').waitFor();
    // Not "try again" (that keeps the step): back to the review, then confirm once more.
    await tap(page, 'nav-back');
    await page.getByTestId('form-review').waitFor();
    await tap(page, 'form-confirm');
    await page.getByTestId('direct-sent').waitFor();

    assert.equal(sent.length, 2);
    assert.match(sent[0]!.key ?? '', /^[A-Za-z0-9_-]{8,100}$/, 'the kiosk sends an Idempotency-Key');
    assert.equal(sent[1]!.key, sent[0]!.key, 'both sends of the one filled form carry the same key');
    assert.deepEqual(sent.map((s) => s.status), [201, 200], 'the second send is the replay of the first');
    const list = await api<{ formId: string }[]>(hall.url, 'GET', '/api/submissions?formId=suggestion_box', hall.adminToken);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 1, 'one submission stored');
    await ctx.close();
  });
});
