// Every kiosk screen outside the form questions fits every kiosk size (KIOSK_VIEWPORTS: 16:9,
// 16:10 and 4:3, landscape and portrait) in Chinese, Tibetan and Uyghur (right to left), in
// normal and large text: no page scroll, every visible element inside the window, no text
// spilling out of its box, the primary action on screen. Screens: attract, language (with the
// large-text switch), every page of the services, priority, issuing, the ticket, the no-ticket
// forms list, and the keyboard try-out page with each keyboard (keys at least 60 px at every
// size: a 13-key row takes two lines on a narrow portrait panel). The form questions and
// review are walked by kioskResident.test.ts.
// One page is resized through the sizes; pictures go to test-results/kiosk-fit/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';
import { checkFit, KIOSK_VIEWPORTS, settled, tap, tappable } from './kioskFitCheck.js';

type Lang = 'zh' | 'bo' | 'ug';

describe('every kiosk screen fits every kiosk size, in three scripts, normal and large text', () => {
  let hall: TestHall;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;

  before(async () => {
    assertBuilt();
    hall = await startTestHall();
    browser = await launchChromium();
    ctx = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
    page = await ctx.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
  });
  after(async () => {
    await ctx?.close();
    await browser?.close();
    await hall?.stop();
  });

  it('attract and language screens; the large-text switch turns on and off, and the visit’s end resets it', async () => {
    const problems: string[] = [];
    await tappable(page, 'attract-start').waitFor();
    problems.push(...(await checkFit(page, 'attract', { primary: '[data-testid="attract-start"]', shot: 'attract' })));
    await tap(page, 'attract-start');
    problems.push(...(await checkFit(page, 'language', { primary: '[data-testid="language-bo"]', shot: 'language' })));
    const large = () => page.evaluate(() => document.documentElement.classList.contains('large-text'));
    assert.equal(await large(), false);
    await tap(page, 'large-text');
    assert.equal(await large(), true, 'large text on');
    assert.equal(await page.getByTestId('large-text').getAttribute('aria-pressed'), 'true');
    // The type size before the screen's own fit step (a screen with a paged list may shrink to page less).
    const size = (sel: string) =>
      page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize) / Number((el.closest('.screen') as HTMLElement).dataset.fit ?? 1));
    await tap(page, 'language-zh');
    await page.getByTestId('services-list').waitFor();
    await settled(page);
    const largeTitle = await size('.screen-title');
    await tap(page, 'nav-home');
    assert.equal(await large(), false, 'back at the attract screen the next resident starts at normal size');
    await tap(page, 'attract-start');
    await tap(page, 'language-zh');
    await page.getByTestId('services-list').waitFor();
    await settled(page);
    assert.ok(largeTitle >= 1.25 * (await size('.screen-title')), `large text is about 1.3× (${largeTitle} px before the fit step)`);
    await tap(page, 'nav-home');
    assert.deepEqual(problems, []);
  });

  it('the idle wipe resets large text', async () => {
    const idle = await ctx.newPage();
    try {
      await idle.goto(`${hall.url}/kiosk?idle=1&countdown=1#token=${hall.kioskToken}`);
      await tap(idle, 'attract-start');
      await tap(idle, 'large-text');
      await tap(idle, 'language-ug');
      assert.equal(await idle.evaluate(() => document.documentElement.classList.contains('large-text')), true);
      await idle.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
      assert.equal(await idle.evaluate(() => document.documentElement.classList.contains('large-text')), false);
    } finally {
      await idle.close();
    }
  });

  for (const lang of ['zh', 'bo', 'ug'] as Lang[]) {
    it(`${lang}: services (every page), priority, issuing, ticket, the no-ticket forms`, async () => {
      const problems: string[] = [];
      await page.goto(`${hall.url}/kiosk?run=${lang}#token=${hall.kioskToken}`);
      await tap(page, 'attract-start');
      await tap(page, `language-${lang}`);
      await page.getByTestId('services-list').waitFor();
      // Every page of services at every size: the pages are re-cut for each size, so walk them at each.
      for (const vp of KIOSK_VIEWPORTS) {
        await page.setViewportSize(vp);
        await settled(page);
        const seen = new Set<string>();
        for (let p = 1; p <= 12; p++) {
          problems.push(...(await checkFitHere(page, `services p${p}`)));
          for (const id of await page.locator('[data-testid="services-list"] [data-testid^="service-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))) seen.add(id);
          if ((await page.locator('[data-testid="pager-next"]:not([disabled])').count()) === 0) break;
          await tappable(page, 'pager-next').tap();
          await page.waitForFunction((n) => document.querySelector('[data-testid="pager-position"]')?.getAttribute('data-page') === String(n), p + 1);
          await settled(page);
        }
        assert.equal(seen.size, 9, `all nine services reachable at ${vp.width}×${vp.height}`);
        while ((await page.locator('[data-testid="pager-previous"]:not([disabled])').count()) > 0) await tappable(page, 'pager-previous').tap();
      }
      await page.setViewportSize(KIOSK_VIEWPORTS[0]);
      problems.push(...(await checkFit(page, `${lang} services`, { primary: '[data-testid="services-list"] [data-testid^="service-"]', shot: `${lang}-services` })));

      await tap(page, 'direct-forms');
      problems.push(...(await checkFit(page, `${lang} direct forms`, { primary: '[data-testid^="direct-form-"]', shot: `${lang}-direct-forms` })));
      await tap(page, 'nav-back');

      await tap(page, 'service-bus-card');
      await page.locator('[data-screen="priority"]').waitFor();
      problems.push(...(await checkFit(page, `${lang} priority`, { primary: '[data-testid="priority-no"]', shot: `${lang}-priority` })));
      await tap(page, 'nav-back');

      // Issuing held on the way, then the ticket.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/tickets', async (route: Route) => {
        if (route.request().method() === 'POST') await held;
        return route.continue();
      });
      await tap(page, 'service-enquiries');
      await tap(page, 'priority-no');
      await page.locator('[data-screen="issuing"]').waitFor();
      problems.push(...(await checkFit(page, `${lang} issuing`, { shot: `${lang}-issuing` })));
      release();
      await page.getByTestId('ticket-qr').waitFor();
      problems.push(...(await checkFit(page, `${lang} ticket`, { primary: '[data-testid="ticket-done"]', shot: `${lang}-ticket` })));
      await page.unroute('**/api/tickets');
      await tap(page, 'ticket-done');
      assert.deepEqual(problems, []);
    });
  }

  it('the keyboard try-out page with each keyboard: keys fit their row, labels fit their keys', async () => {
    const kb = await ctx.newPage();
    try {
      await kb.goto(`${hall.url}/kiosk?view=keyboards#token=${hall.kioskToken}`);
      const problems: string[] = [];
      for (const pad of ['zh', 'bo', 'ug', 'id', 'phone']) {
        await tap(kb, `pad-${pad}`);
        await kb.locator(`[data-testid="pad-${pad}"][aria-pressed="true"]`).waitFor();
        problems.push(...(await checkFit(kb, `keyboard ${pad}`, { primary: '.keyboard .key-row:last-child .key', shot: `keyboard-${pad}` })));
        for (const vp of KIOSK_VIEWPORTS) {
          await kb.setViewportSize(vp);
          await settled(kb);
          const small = await kb.locator('.keyboard .key').evaluateAll(
            (keys, min) => keys.map((k) => k.getBoundingClientRect()).filter((r) => r.width < min - 0.5 || r.height < 59.5).map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
            60,
          );
          if (small.length) problems.push(`keyboard ${pad} @${vp.width}×${vp.height}: keys below the minimum: ${small.join(' ')}`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await kb.close();
    }
  });
});

/** The fit check of the screen as it is now (one size, no resizing): for walking pages at a size. */
async function checkFitHere(page: Page, label: string): Promise<string[]> {
  const { fitProblems } = await import('./kioskFitCheck.js');
  const vp = page.viewportSize()!;
  return (await fitProblems(page)).map((p) => `${label} @${vp.width}×${vp.height}: ${p}`);
}
