// The resident kiosk in Debian Chromium with touch emulation, against a real hall server on
// 127.0.0.1: a ticket in each language (checked on the server), <html lang dir>, five fast
// taps giving one ticket, the idle wipe, pairing, and the server being unreachable.
// Screenshots of every screen in every language go to test-results/kiosk/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';
import { reveal, tap as tapPaged } from './kioskFitCheck.js';

const SHOTS = join(process.cwd(), 'test-results', 'kiosk');
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'kiosk.js');
const LANGS = ['zh', 'bo', 'ug'] as const;
type Lang = (typeof LANGS)[number];

interface ServerTicket {
  id: string;
  code: string;
  serviceId: string;
  language: string;
  priority: boolean;
  state: string;
  kioskId: string | null;
  day: string;
}

/** A control a resident could tap now: on screen and past its settle time (see TapButton). */
const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

async function newKiosk(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return { context, page };
}

async function pair(page: Page, hall: TestHall, query = ''): Promise<void> {
  // From a blank page, so a URL differing from the current one only in its #fragment still loads afresh.
  await page.goto('about:blank');
  await page.goto(`${hall.url}/kiosk${query}#token=${hall.kioskToken}`);
  await tappable(page, 'attract-start').waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  // Fonts are font-display: block; wait for them so the picture shows what a resident sees.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('kiosk page', () => {
  let hall: TestHall;
  let browser: Browser;
  let staffTicket: (id: string) => Promise<ServerTicket>;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/kiosk.js is missing: run `node scripts/build.mjs` first (npm test does)');
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
    staffTicket = async (id) => {
      const r = await api<ServerTicket>(hall.url, 'GET', `/api/tickets/${id}`, hall.adminToken);
      assert.equal(r.status, 200, `GET /api/tickets/${id}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
  });

  after(async () => {
    await browser?.close();
    await hall?.stop();
  });

  for (const lang of LANGS) {
    it(`takes a ticket in ${lang}, right to left for Uyghur, and the server has it`, async () => {
      const { context, page } = await newKiosk(browser);
      try {
        await pair(page, hall);
        if (lang === 'zh') await shot(page, 'attract');
        await tappable(page, 'attract-start').tap();

        await tappable(page, `language-${lang}`).waitFor();
        const labels = await page.locator('[data-testid^="language-"]').allInnerTexts();
        assert.deepEqual(labels, ['中文', 'བོད་ཡིག', 'ئۇيغۇرچە']);
        if (lang === 'zh') await shot(page, 'language');
        await tappable(page, `language-${lang}`).tap();

        await page.locator('[data-screen="services"]').waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ug' ? 'rtl' : 'ltr');
        await page.getByTestId('services-list').waitFor();
        await reveal(page, 'service-enquiries');
        const tile = tappable(page, 'service-enquiries');
        await tile.waitFor();
        const tileText = await tile.innerText();
        const services = (await api<{ id: string; names: Record<Lang, string> }[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
        const enquiries = services.find((s) => s.id === 'enquiries')!;
        assert.ok(tileText.includes(enquiries.names[lang]), `tile shows the ${lang} name: ${tileText}`);
        assert.ok(tileText.includes(enquiries.names.zh), 'tile shows the Chinese name too');
        if (lang === 'ug') {
          // Mirrored: the first tile sits on the right.
          const first = await page.locator('[data-testid^="service-"]').first().boundingBox();
          assert.ok(first && first.x > 1080 / 2 - 10, `first tile at x=${first?.x}`);
        }
        await shot(page, `${lang}-services`);
        await tile.tap();

        await tappable(page, 'priority-yes').waitFor();
        await shot(page, `${lang}-priority`);
        const priority = lang === 'bo';
        await tappable(page, priority ? 'priority-yes' : 'priority-no').tap();

        const ticketEl = page.getByTestId('ticket');
        await ticketEl.waitFor();
        await page.getByTestId('ticket-qr').waitFor();
        const id = await ticketEl.getAttribute('data-ticket-id');
        assert.ok(id);
        const onServer = await staffTicket(id);
        assert.equal(onServer.serviceId, 'enquiries');
        assert.equal(onServer.language, lang);
        assert.equal(onServer.priority, priority);
        assert.equal(onServer.state, 'issued');
        assert.ok(onServer.kioskId, 'the ticket records the kiosk');
        assert.equal(await page.getByTestId('ticket-code').innerText(), onServer.code);
        // The QR carries the resident's phone link (/t/<ref>), the same one the printed ticket has.
        assert.match((await page.getByTestId('ticket-qr').getAttribute('data-value')) ?? '', /^https?:\/\/[^/]+\/t\/[A-Za-z0-9_-]{22}$/);
        assert.match((await page.getByTestId('ticket-qr').getAttribute('src')) ?? '', /^data:image\/png;base64,/);
        // No printer in the test hall: the resident is told to remember the number.
        assert.equal(await ticketEl.getAttribute('data-print'), 'none');
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ug' ? 'rtl' : 'ltr');
        await shot(page, `${lang}-ticket`);

        await tappable(page, 'ticket-done').tap();
        await tappable(page, 'attract-start').waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
      } finally {
        await context.close();
      }
    });
  }

  it('shows a closed service greyed out with its hours, and live waiting counts', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      // The demo hall is open round the clock; the server's answer is rewritten so one
      // service is closed, as it is outside its hours.
      await page.route('**/api/services', async (route) => {
        const res = await route.fetch();
        const list = (await res.json()) as { id: string; open: boolean; openFrom: string; openTo: string }[];
        await route.fulfill({
          response: res,
          json: list.map((s) => (s.id === 'proxy' ? { ...s, open: false, openFrom: '09:00', openTo: '12:00' } : s)),
        });
      });
      await pair(page, hall);
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-zh').tap();
      const closed = page.getByTestId('service-proxy');
      await closed.waitFor();
      assert.equal(await closed.isDisabled(), true);
      assert.ok((await closed.innerText()).includes('09:00–12:00'), await closed.innerText());
      await closed.tap({ force: true });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('[data-screen="services"]').count(), 1, 'still on the services screen');
      await shot(page, 'zh-services-closed');

      // Another kiosk issues a ticket: the waiting count follows over the event socket.
      const tile = page.getByTestId('service-elderly');
      const waitingNow = () => tile.innerText().then((t) => Number(/等候 (\d+) 人/.exec(t)?.[1]));
      const before = await waitingNow();
      const r = await api(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'elderly', language: 'zh' });
      assert.equal(r.status, 201);
      await page.waitForFunction(
        ([n]) => document.querySelector('[data-testid="service-elderly"]')?.textContent?.includes(`等候 ${n} 人`),
        [before + 1],
      );
    } finally {
      await context.close();
    }
  });

  it('tells the resident to show the screen to staff when printing failed', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      // The print outcome is the server's; here the answer is rewritten to a failed print to
      // see the screen the resident gets (the ticket itself is real and on the server).
      await page.route('**/api/tickets', async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as { print: unknown };
        await route.fulfill({ response: res, json: { ...body, print: { state: 'failed', reason: 'offline' } } });
      });
      await pair(page, hall);
      for (const lang of LANGS) {
        await tappable(page, 'attract-start').tap();
        await tappable(page, `language-${lang}`).tap();
        await tapPaged(page, 'service-social-insurance');
        await tappable(page, 'priority-no').tap();
        await page.getByTestId('ticket').waitFor();
        assert.equal(await page.getByTestId('ticket').getAttribute('data-print'), 'failed');
        const note = await page.getByTestId('ticket-print-note').innerText();
        const expected = { zh: '请把本屏幕出示给工作人员', bo: 'བརྙན་ཡོལ་འདི་ལས་བྱེད་པར་སྟོན་རོགས', ug: 'بۇ ئېكراننى خىزمەتچىگە كۆرسىتىڭ' }[lang];
        assert.ok(note.includes(expected), note);
        await shot(page, `${lang}-ticket-print-failed`);
        await tappable(page, 'ticket-done').tap();
      }
    } finally {
      await context.close();
    }
  });

  it('issues exactly one ticket for five fast taps, with an Idempotency-Key', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      const posts: Request[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/tickets') posts.push(r);
      });
      await pair(page, hall);
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-zh').tap();
      await tapPaged(page, 'service-social-insurance');
      const button = tappable(page, 'priority-no');
      await button.waitFor();
      const box = (await button.boundingBox())!;
      const before = (await api<ServerTicket[]>(hall.url, 'GET', '/api/tickets', hall.adminToken)).body.length;
      for (let i = 0; i < 5; i++) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await page.getByTestId('ticket').waitFor();
      // Let any stray request land before counting.
      await page.waitForTimeout(500);
      const all = (await api<ServerTicket[]>(hall.url, 'GET', '/api/tickets', hall.adminToken)).body;
      assert.equal(all.length, before + 1, 'one new ticket on the server');
      assert.equal(posts.length, 1, 'one POST /api/tickets');
      assert.match(posts[0]!.headers()['idempotency-key'] ?? '', /^[A-Za-z0-9_-]{8,100}$/);
      // The later taps landed on the ticket screen and did not dismiss it.
      assert.ok(await page.getByTestId('ticket').isVisible());
    } finally {
      await context.close();
    }
  });

  it('counts down after the idle time, wipes everything and returns to the attract screen', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      await pair(page, hall, '?idle=1.5&countdown=3');
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-ug').tap();
      await tapPaged(page, 'service-proxy');
      await tappable(page, 'priority-no').waitFor();

      // A touch during the countdown keeps the resident where they were.
      await page.getByTestId('idle-overlay').waitFor();
      await shot(page, 'ug-idle-countdown');
      await tappable(page, 'idle-continue').tap();
      await page.getByTestId('idle-overlay').waitFor({ state: 'detached' });
      assert.ok(await page.getByTestId('priority-no').isVisible());

      // Left alone: countdown, then the wipe.
      await page.getByTestId('idle-overlay').waitFor();
      const seconds = Number(await page.getByTestId('idle-seconds').innerText());
      assert.ok(seconds >= 1 && seconds <= 3, `countdown shows ${seconds}`);
      await tappable(page, 'attract-start').waitFor({ timeout: 10_000 });
      assert.equal(await page.getByTestId('idle-overlay').count(), 0);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
      assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
      // Nothing of the session survives: starting again asks for the language again.
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-zh').waitFor();
      assert.equal(await page.locator('[data-screen="services"]').count(), 0);

      for (const lang of ['zh', 'bo'] as const) {
        await tappable(page, `language-${lang}`).tap();
        await page.getByTestId('idle-overlay').waitFor();
        await shot(page, `${lang}-idle-countdown`);
        await tappable(page, 'attract-start').waitFor({ timeout: 10_000 });
        await tappable(page, 'attract-start').tap();
      }
    } finally {
      await context.close();
    }
  });

  it('survives a screen failing: a notice in all three scripts, no stack trace, then a fresh start', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
    try {
      const page = await context.newPage();
      await pair(page, hall);
      // An unexpected runtime fault while drawing the tiles (number formatting breaks).
      // (A string, not a function: tsx would wrap a named function in a helper the page lacks.)
      await page.evaluate(`Intl.NumberFormat = () => { throw new Error('simulated fault'); }`);
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-zh').tap();
      await page.locator('[data-screen="crash"]').waitFor();
      const text = await page.locator('body').innerText();
      assert.ok(text.includes('正在重新启动') && text.includes('ཅུང་ཙམ་སྒུག་རོགས') && text.includes('قايتا قوزغىتىلىۋاتىدۇ'), text);
      assert.doesNotMatch(text, /simulated fault|Error|at \w+/);
      await shot(page, 'crash');
      // The page reloads by itself (the fault does not survive a reload) and the kiosk is back.
      await tappable(page, 'attract-start').waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  it('shows only the pairing screen without a valid device token', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      await page.goto(`${hall.url}/kiosk`);
      await page.getByTestId('pairing').waitFor();
      assert.equal(await page.locator('[data-testid^="service-"]').count(), 0);
      assert.equal(await page.getByTestId('attract-start').count(), 0);
      await shot(page, 'pairing');

      await page.goto('about:blank');
      await page.goto(`${hall.url}/kiosk#token=not-a-real-token`);
      await page.getByTestId('pairing').waitFor();
      assert.ok((await page.getByTestId('pairing').innerText()).includes('配对已失效'));
      assert.equal(await page.locator('[data-testid^="service-"]').count(), 0);
      // The fragment is removed so the token never stays on screen or in history.
      assert.equal(new URL(page.url()).hash, '');
      await shot(page, 'pairing-invalid');
    } finally {
      await context.close();
    }
  });

  it('says so in the chosen language while the server is unreachable, and recovers by itself', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      await pair(page, hall, '?retry=0.5');
      const down = (route: { abort: () => Promise<void> }) => route.abort();
      for (const lang of LANGS) {
        await page.route('**/api/**', down);
        await page.reload();
        await page.getByTestId('attract-offline').waitFor();
        if (lang === 'zh') await shot(page, 'attract-offline');
        await tappable(page, 'attract-start').tap();
        await tappable(page, `language-${lang}`).tap();
        const notice = page.getByTestId('offline-notice');
        await notice.waitFor();
        assert.equal(await notice.getAttribute('lang'), lang);
        assert.equal(await page.locator('[data-testid^="service-"]').count(), 0);
        await shot(page, `${lang}-services-offline`);
        await page.unroute('**/api/**', down);
        // No tap needed: the retry brings the services.
        await page.getByTestId('services-list').waitFor();
        await reveal(page, 'service-enquiries');
        await tappable(page, 'service-enquiries').waitFor();
        assert.equal(await notice.count(), 0);
      }
    } finally {
      await context.close();
    }
  });

  it('keeps trying to issue while the server is unreachable, and issues one ticket when it returns', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      await pair(page, hall, '?retry=0.5');
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-bo').tap();
      await tapPaged(page, 'service-social-insurance');
      const keys: string[] = [];
      await page.route('**/api/tickets', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length <= 2) return route.abort();
        return route.continue();
      });
      await tappable(page, 'priority-no').tap();
      await page.getByTestId('offline-notice').waitFor();
      await shot(page, 'bo-issuing-offline');
      await page.getByTestId('ticket').waitFor();
      assert.ok(keys.length >= 3);
      assert.equal(new Set(keys).size, 1, 'every attempt carries the same Idempotency-Key');
      const id = await page.getByTestId('ticket').getAttribute('data-ticket-id');
      assert.equal((await staffTicket(id!)).language, 'bo');
    } finally {
      await context.close();
    }
  });

  it('shows the server’s reason in the chosen language when a ticket cannot be issued', async () => {
    const { context, page } = await newKiosk(browser);
    try {
      await pair(page, hall);
      for (const lang of LANGS) {
        await tappable(page, 'attract-start').tap();
        await tappable(page, `language-${lang}`).tap();
        await tapPaged(page, 'service-social-insurance');
        await tappable(page, 'priority-no').waitFor();
        // As if the service were removed between the tap and the request: the server refuses it.
        await page.route('**/api/tickets', (route) =>
          route.continue({ postData: JSON.stringify({ serviceId: 'no-such-service', language: lang, priority: false }) }),
        );
        await tappable(page, 'priority-no').tap();
        const msg = page.getByTestId('issue-failed-message');
        await msg.waitFor();
        assert.ok((await msg.innerText()).trim().length > 0);
        assert.doesNotMatch(await page.locator('body').innerText(), /NOT_FOUND|Error:|at \w+ \(/);
        await shot(page, `${lang}-issue-failed`);
        await page.unroute('**/api/tickets');
        await tappable(page, 'nav-home').tap();
      }
    } finally {
      await context.close();
    }
  });
});
