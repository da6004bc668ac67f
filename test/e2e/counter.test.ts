// The counter console in a real browser against a real hall server, with the hall display
// open in a second browser context: calling shows on the board; recall, no-show, transfer
// and pause follow the hall's rules and explain disabled buttons; two consoles on one
// counter agree; a dropped WebSocket and a server restart are recovered from.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, startTestHall, tempDir, type TestHall } from '../support/hall.js';
import {
  assertBuilt,
  createStaff,
  currentCode,
  issueTicket,
  latestOnBoard,
  launchChromium,
  openConsole,
  openDisplay,
  screenshot,
} from './counter-harness.js';

let hall: TestHall;
let browser: Browser;
let display: Page;
const data = tempDir('hall-counter-e2e-');
/** The server's clock runs this far ahead of real time (to pass the recall gap without waiting). */
let skew = 0;
const clock = { now: () => Date.now() + skew };
const contexts: BrowserContext[] = [];

async function newPage(viewport = { width: 1600, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  contexts.push(ctx);
  return ctx.newPage();
}

/** Logout frees the counter, so the next test can open it afresh. */
async function logout(page: Page): Promise<void> {
  await page.click('[data-testid=action-logout]');
  await page.waitForSelector('[data-testid=login-submit]');
  await page.context().close();
}

before(async () => {
  assertBuilt();
  hall = await startTestHall({ dataDir: data.dir, clock });
  browser = await launchChromium();
  for (const name of ['wang', 'li', 'zhao', 'chen', 'sun']) await createStaff(hall, name);
  display = await newPage({ width: 1920, height: 1080 });
  await openDisplay(display, hall.url, hall.displayToken);
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hall?.stop();
  data.remove();
});

test('a counter calls the next number and the display shows it; the badge shows the resident\'s language; UI in zh, bo, ug', async () => {
  const t = await issueTicket(hall, 'social-insurance', 'bo', true);
  const page = await newPage();
  await openConsole(page, hall.url, 'wang', 1, ['zh', 'bo']);
  await page.waitForSelector(`[data-testid=queue] [data-code="${t.code}"]`);
  await screenshot(page, 'counter', 'console-waiting-zh');

  await page.keyboard.press('n');
  await page.waitForSelector(`[data-testid=current-ticket][data-code="${t.code}"][data-state=called]`);
  await display.waitForSelector(`[data-testid=latest-call][data-code="${t.code}"]`);
  assert.equal(await page.getAttribute('[data-testid=language-badge]', 'data-lang'), 'bo');
  assert.ok(await page.isVisible('[data-testid=priority-mark]'));
  await screenshot(page, 'counter', 'console-called-zh');
  await screenshot(display, 'display', 'board-after-call');

  // Staff UI language: Tibetan, then Uyghur (right-to-left), then back to Chinese.
  await page.click('[data-testid=ui-lang-bo]');
  await page.waitForFunction(() => document.documentElement.lang === 'bo');
  assert.match(await page.textContent('[data-testid=action-callNext]') ?? '', /རྗེས་མ་འབོད་པ།/);
  await screenshot(page, 'counter', 'console-called-bo');
  await page.click('[data-testid=ui-lang-ug]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.match(await page.textContent('[data-testid=action-callNext]') ?? '', /كېيىنكىسىنى چاقىرىش/);
  await screenshot(page, 'counter', 'console-called-ug');
  await page.click('[data-testid=ui-lang-zh]');

  await page.click('[data-testid=action-start]');
  await page.waitForSelector('[data-testid=current-ticket][data-state=serving]');
  assert.ok(await page.isDisabled('[data-testid=action-recall]'));
  await page.keyboard.press('f');
  await page.waitForSelector('[data-testid=current-ticket][data-code=""]');
  assert.equal(await page.textContent('[data-testid=reason-callNext]'), '没有等候的号码');
  await logout(page);
});

test('recall waits for the minimum gap; no-show only after the required calls; both shown on the board', async () => {
  const t = await issueTicket(hall, 'household', 'ug');
  const page = await newPage();
  await page.clock.install();
  await openConsole(page, hall.url, 'li', 3, ['zh', 'ug']);
  await page.click('[data-testid=action-callNext]');
  await page.waitForSelector(`[data-testid=current-ticket][data-code="${t.code}"]`);
  assert.ok(await page.isDisabled('[data-testid=action-recall]'));
  assert.match((await page.textContent('[data-testid=reason-recall]')) ?? '', /^\d+ 秒后可重呼$/);
  assert.ok(await page.isDisabled('[data-testid=action-noShow]'));
  assert.equal(await page.textContent('[data-testid=reason-noShow]'), '叫号 2 次后才能标记过号（已叫 1 次）');
  await screenshot(page, 'counter', 'console-recall-wait');

  // The server's policy gap (30 s) passes on both clocks.
  skew += 31_000;
  await page.clock.fastForward(31_000);
  await page.waitForSelector('[data-testid=action-recall]:not([disabled])');
  await page.keyboard.press('r');
  await page.waitForFunction(() => /已叫 2 次/.test(document.querySelector('[data-testid=current-ticket]')?.textContent ?? ''));
  await display.waitForSelector(`[data-testid=latest-call][data-code="${t.code}"] .recall-mark`);

  await page.waitForSelector('[data-testid=action-noShow]:not([disabled])');
  await page.keyboard.press('x');
  await page.waitForSelector('[data-testid=current-ticket][data-code=""]');
  const after = await api<{ state: string; callCount: number }>(hall.url, 'GET', `/api/tickets/${t.id}`, hall.adminToken);
  assert.equal(after.body.state, 'no_show');
  assert.equal(after.body.callCount, 2);
  await logout(page);
});

test('transfer to another service keeps the ticket waiting there; transfer to a counter shows it in that counter\'s queue', async () => {
  const a = await issueTicket(hall, 'social-insurance', 'zh');
  const b = await issueTicket(hall, 'social-insurance', 'bo');
  const one = await newPage();
  await openConsole(one, hall.url, 'zhao', 2, ['zh']);
  const four = await newPage();
  await openConsole(four, hall.url, 'chen', 4, ['zh', 'bo']);

  await one.keyboard.press('n');
  await one.waitForSelector(`[data-testid=current-ticket][data-code="${a.code}"]`);
  await one.keyboard.press('t');
  await one.waitForSelector('[data-testid=transfer-dialog]');
  await screenshot(one, 'counter', 'console-transfer-dialog');
  await one.click('[data-testid=transfer-service-B]');
  await one.waitForSelector('[data-testid=current-ticket][data-code=""]');
  const moved = await api<{ state: string; serviceId: string }>(hall.url, 'GET', `/api/tickets/${a.id}`, hall.adminToken);
  assert.deepEqual([moved.body.state, moved.body.serviceId], ['transferred', 'household']);

  await one.keyboard.press('n');
  await one.waitForSelector(`[data-testid=current-ticket][data-code="${b.code}"]`);
  await one.keyboard.press('t');
  await one.click('[data-testid=transfer-counter-4]');
  await one.waitForSelector('[data-testid=current-ticket][data-code=""]');
  // Counter 4 does not serve social insurance, yet the ticket now waits there, marked as transferred.
  await four.waitForSelector(`[data-testid=queue] [data-code="${b.code}"] .transfer-chip`);
  await four.click(`[data-testid=call-${b.code}]`);
  await four.waitForSelector(`[data-testid=current-ticket][data-code="${b.code}"]`);
  await display.waitForSelector(`[data-testid=latest-call][data-code="${b.code}"]`);
  await four.click('[data-testid=action-start]');
  await four.click('[data-testid=action-finish]');
  await four.waitForSelector('[data-testid=current-ticket][data-code=""]');
  await logout(one);
  await logout(four);
});

test('pause: calling is refused with the reason shown, resume brings it back', async () => {
  const t = await issueTicket(hall, 'elderly', 'zh');
  const page = await newPage();
  await openConsole(page, hall.url, 'sun', 5, ['zh']);
  await page.waitForSelector(`[data-testid=queue] [data-code="${t.code}"]`);
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid=console][data-counter-state=paused]');
  assert.ok(await page.isVisible('[data-testid=paused-banner]'));
  assert.ok(await page.isDisabled('[data-testid=action-callNext]'));
  assert.equal(await page.textContent('[data-testid=reason-callNext]'), '窗口已暂停');
  assert.ok(await page.isDisabled(`[data-testid=call-${t.code}]`));
  await screenshot(page, 'counter', 'console-paused');
  // The server agrees: a paused counter cannot call.
  const refused = await page.evaluate(async () => {
    const s = JSON.parse(sessionStorage.getItem('hall.counter.session') ?? '{}') as { token: string };
    const r = await fetch('/api/counters/counter-5/call-next', { method: 'POST', headers: { Authorization: `Bearer ${s.token}` } });
    return ((await r.json()) as { error: { code: string } }).error.code;
  });
  assert.equal(refused, 'COUNTER_PAUSED');
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid=console][data-counter-state=open]');
  await page.keyboard.press('n');
  await page.waitForSelector(`[data-testid=current-ticket][data-code="${t.code}"]`);
  await page.keyboard.press('s');
  await page.waitForSelector('[data-testid=current-ticket][data-state=serving]');
  await page.keyboard.press('f');
  await page.waitForSelector('[data-testid=current-ticket][data-code=""]');
  await logout(page);
});

test('two consoles on the same counter stay consistent; logging out frees the counter', async () => {
  const t = await issueTicket(hall, 'enquiries', 'zh');
  const first = await newPage();
  await openConsole(first, hall.url, 'wang', 6, ['zh']);
  const second = await newPage();
  // The same staff member logs in at a second PC: it resumes the counter they hold.
  await second.goto(`${hall.url}/counter`);
  await second.fill('input[name=username]', 'wang');
  await second.fill('input[name=password]', 'staff-password');
  await second.click('[data-testid=login-submit]');
  await second.waitForSelector('[data-testid=console][data-status=online]');

  await first.keyboard.press('n');
  await second.waitForSelector(`[data-testid=current-ticket][data-code="${t.code}"][data-state=called]`);
  await second.click('[data-testid=action-start]');
  await first.waitForSelector(`[data-testid=current-ticket][data-code="${t.code}"][data-state=serving]`);
  assert.ok(await first.isDisabled('[data-testid=action-logout]'));
  await first.keyboard.press('f');
  await second.waitForSelector('[data-testid=current-ticket][data-code=""]');

  await first.click('[data-testid=action-logout]');
  await first.waitForSelector('[data-testid=login-submit]');
  await second.waitForSelector('[data-testid=open-counter-6]');
  const counters = await api<{ id: string; state: string; staffId: string | null }[]>(hall.url, 'GET', '/api/counters', hall.adminToken);
  const six = counters.body.find((c) => c.id === 'counter-6');
  assert.deepEqual([six?.state, six?.staffId], ['closed', null]);
  await first.context().close();
  await second.context().close();
});

test('the WebSocket is cut, then the server restarts on the same port and data dir: console and display recover', async () => {
  const page = await newPage();
  await openConsole(page, hall.url, 'zhao', 1, ['zh']);
  const a = await issueTicket(hall, 'social-insurance', 'zh');

  // 1. Every socket is closed server-side; a call made meanwhile still reaches both pages.
  hall.server.context.hub.dropAll();
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hall.counter.session') ?? '{}') as { token: string }).token);
  const called = await api<{ ticket: { code: string } }>(hall.url, 'POST', '/api/counters/counter-1/call-next', token);
  assert.equal(called.body.ticket.code, a.code);
  await page.waitForSelector(`[data-testid=console][data-status=online] [data-testid=current-ticket][data-code="${a.code}"]`);
  await display.waitForSelector(`[data-testid=display][data-status=online] [data-testid=latest-call][data-code="${a.code}"]`);
  await page.click('[data-testid=action-start]');
  await page.click('[data-testid=action-finish]');
  await page.waitForSelector('[data-testid=current-ticket][data-code=""]');

  // 2. The server goes away: both say so discreetly and keep what they showed.
  const port = new URL(hall.url).port;
  await hall.server.close();
  await page.waitForSelector('[data-testid=reconnecting]');
  await display.waitForSelector('[data-testid=reconnecting]');
  assert.equal(await latestOnBoard(display), a.code, 'the board is never blank');
  await screenshot(page, 'counter', 'console-reconnecting');
  await screenshot(display, 'display', 'board-reconnecting');

  // 3. Back on the same port with the same data: both reconnect by themselves.
  hall = await startTestHall({ dataDir: data.dir, clock, port: Number(port) });
  const b = await issueTicket(hall, 'social-insurance', 'zh');
  await page.waitForSelector('[data-testid=console][data-status=online]', { timeout: 20_000 });
  await display.waitForSelector('[data-testid=display][data-status=online]', { timeout: 20_000 });
  assert.equal(await page.isVisible('[data-testid=reconnecting]'), false);
  await page.waitForSelector(`[data-testid=queue] [data-code="${b.code}"]`);
  await page.keyboard.press('n');
  await page.waitForSelector(`[data-testid=current-ticket][data-code="${b.code}"]`);
  await display.waitForSelector(`[data-testid=latest-call][data-code="${b.code}"]`);
  assert.equal(await currentCode(page), b.code);
  await page.context().close();
});
