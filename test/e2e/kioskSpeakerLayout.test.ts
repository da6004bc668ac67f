// The kiosk's speaker button never covers a screen's title or controls: every screen a
// resident can reach (attract, language, services, priority, a ticket form's question, the
// no-ticket forms list, question with keyboard, review, sending, failed, thanks, issuing,
// issue failed, ticket), in the three languages (Uyghur right to left), on the portrait
// 1080×1920 kiosk and a 1920×1080 landscape screen. Bounding boxes in Chromium; screenshots
// go to test-results/kiosk-layout/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Route } from 'playwright-core';
import { startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';
import { tap as tapPaged } from './kioskFitCheck.js';

const SHOTS = join(process.cwd(), 'test-results', 'kiosk-layout');
type Lang = 'zh' | 'bo' | 'ug';

// Turns the pages of a paged list (services, choices, review) until the control shows.
const tap = (page: Page, testId: string) => tapPaged(page, testId);

interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The speaker button's box and the boxes it must keep clear of on the screen now shown: the
 * title, question and progress texts, and every other button (nav, choices, keys…).
 */
async function boxes(page: Page, screen: string): Promise<{ speaker: Box; others: Box[] }> {
  // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
  return page.evaluate((screen) => {
    const root = document.querySelector(`[data-screen="${screen}"]`);
    if (!root) throw new Error(`no screen ${screen}`);
    const speaker = root.querySelector('[data-testid="speaker-button"]');
    if (!speaker) throw new Error(`no speaker on ${screen}`);
    // Text boxes of titles (the attract screen's are the hall name and "touch to start"), then every other button.
    const texts = [...root.querySelectorAll('h1, h2, .form-progress, .attract-hall, .attract-start')].map((el) => ({ el, what: `${el.tagName.toLowerCase()}.${el.className}` }));
    const buttons = [...root.querySelectorAll('button:not(.attract-tap)')].filter((el) => el !== speaker).map((el) => ({ el, what: `button[data-testid=${el.getAttribute('data-testid') ?? ''}]` }));
    const all = [{ el: speaker, what: 'speaker' }, ...texts, ...buttons].map(({ el, what }) => {
      const r = el.getBoundingClientRect();
      return { what, x: r.x, y: r.y, w: r.width, h: r.height };
    });
    return { speaker: all[0]!, others: all.slice(1).filter((b) => b.w > 0 && b.h > 0) };
  }, screen);
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('kiosk speaker button keeps clear of titles and controls', () => {
  let hall: TestHall;
  let browser: Browser;

  before(async () => {
    assertBuilt();
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hall?.stop();
  });

  const viewports = [
    { name: 'portrait', width: 1080, height: 1920 },
    { name: 'landscape', width: 1920, height: 1080 },
  ];

  for (const vp of viewports) {
    for (const lang of ['zh', 'bo', 'ug'] as Lang[]) {
      it(`${lang}, ${vp.name} ${vp.width}×${vp.height}`, async () => {
        const ctx = await browser.newContext({ hasTouch: true, viewport: { width: vp.width, height: vp.height } });
        const page = await ctx.newPage();
        page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
        const overlaps: string[] = [];
        const seen: string[] = [];
        const check = async (screen: string, name = screen) => {
          await page.locator(`[data-screen="${screen}"] [data-testid="speaker-button"][data-settled]`).waitFor();
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: join(SHOTS, `${lang}-${vp.name}-${name}.png`) });
          const { speaker, others } = await boxes(page, screen);
          for (const o of others) if (intersects(speaker, o)) overlaps.push(`${name}: ${o.what}`);
          seen.push(name);
        };
        try {
          await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
          await check('attract');
          await tap(page, 'attract-start');
          await check('language');
          await tap(page, `language-${lang}`);
          await check('services');

          // A service with a form: priority, then its first question.
          await tap(page, 'service-household');
          await check('priority');
          await tap(page, 'priority-no');
          await page.getByTestId('form-question').waitFor();
          await check('form', 'ticket-form-question');
          await tap(page, 'nav-home');

          // The no-ticket forms: list, questions (choice, text with keyboard, yes/no), review.
          await tap(page, 'attract-start');
          await tap(page, `language-${lang}`);
          await tap(page, 'direct-forms');
          await check('direct-forms');
          await tap(page, 'direct-form-suggestion_box');
          await page.locator('[data-testid="form-question"][data-field="topic"]').waitFor();
          await check('form', 'form-choice');
          await tap(page, 'form-choice-safety');
          await tap(page, 'form-next');
          await page.locator('[data-testid="form-question"][data-field="content"]').waitFor();
          await check('form', 'form-text');
          await typeFive(page, lang);
          await tap(page, 'form-next');
          await page.locator('[data-testid="form-question"][data-field="wants_reply"]').waitFor();
          await tap(page, 'form-no');
          await tap(page, 'form-next');
          await page.getByTestId('form-review').waitFor();
          await check('form-review');

          // Sending held on the way, then the answer lost (failed), then sent (thanks).
          let release: () => void = () => undefined;
          const held = new Promise<void>((r) => (release = r));
          let first = true;
          await page.route('**/api/submissions', async (route: Route) => {
            if (route.request().method() !== 'POST') return route.continue();
            if (first) {
              first = false;
              await held;
              return route.abort('connectionreset');
            }
            return route.continue();
          });
          await tap(page, 'form-confirm');
          await check('direct-sending');
          release();
          await check('direct-failed');
          await tap(page, 'direct-retry');
          await check('direct-sent');
          await tap(page, 'direct-done');

          // A plain ticket: issuing held, then refused once (issue failed), then the ticket.
          let releaseTicket: () => void = () => undefined;
          const heldTicket = new Promise<void>((r) => (releaseTicket = r));
          let refuse = true;
          await page.route('**/api/tickets', async (route: Route) => {
            if (route.request().method() !== 'POST') return route.continue();
            if (refuse) {
              refuse = false;
              await heldTicket;
              return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SERVICE_CLOSED', message: '—' } }) });
            }
            return route.continue();
          });
          await tap(page, 'attract-start');
          await tap(page, `language-${lang}`);
          await tap(page, 'service-enquiries');
          await tap(page, 'priority-no');
          await check('issuing');
          releaseTicket();
          await check('issue-failed');
          await tap(page, 'nav-back');
          await tap(page, 'service-enquiries');
          await tap(page, 'priority-no');
          await page.getByTestId('ticket').waitFor();
          await check('ticket');
        } finally {
          await ctx.close();
        }
        assert.equal(seen.length, 15, `every screen reached: ${seen.join(', ')}`);
        assert.deepEqual(overlaps, [], 'the speaker button covers nothing');
      });
    }
  }
});

/** Five characters on the resident's keyboard (the suggestion needs at least five). */
async function typeFive(page: Page, lang: Lang): Promise<void> {
  if (lang === 'ug') {
    for (const k of ['y', 'f', 'h', 'x', 'j']) await tap(page, `ug-key-${k}`);
  } else if (lang === 'bo') {
    for (const k of ['q', 'w', 'e', 'r', 't']) await tap(page, `bo-key-${k}`);
  } else {
    for (let i = 0; i < 5; i++) {
      await tap(page, 'zh-key-n');
      await tap(page, 'zh-key-i');
      await page.locator('[data-testid^="zh-candidate-"]').first().waitFor();
      await page.locator('[data-testid^="zh-candidate-"][data-settled]').first().tap();
    }
  }
}
