// An axe-core pass over every page, in each language (issue 16): the kiosk (attract,
// language, services, a form question, the ticket), the counter (login, choose a counter,
// the console with a called ticket and its submission), the hall display, each admin
// section, the phone status page (waiting and rating) and the rating pad (idle and asking).
// No critical or serious violation is allowed. axe-core is read from node_modules and
// injected into the page as a script, so nothing is fetched from elsewhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { residentId } from '../api/formsFixture.js';
import { ADMIN_PASSWORD, api, staffToken, startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium, openDisplay, ROOT } from './counter-harness.js';
import { reveal, tap, tappable } from './kioskFitCheck.js';

type Lang = 'zh' | 'bo' | 'ug';
const LANGS: Lang[] = ['zh', 'bo', 'ug'];
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let hall: TestHall;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Finding {
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

/** The critical and serious violations axe finds on the page as it is now. */
async function audit(page: Page): Promise<Finding[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

async function expectClean(page: Page, label: string): Promise<void> {
  const found = await audit(page);
  assert.deepEqual(found, [], `${label}: ${JSON.stringify(found, null, 1)}`);
}

// A string, not a function: the test runner's transform would add helpers the page lacks.
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return { name: el.outerHTML.slice(0, 80), ratio: 0 };
  let bg = 'rgba(0, 0, 0, 0)';
  for (let p = el.parentElement; p; p = p.parentElement) {
    const c = getComputedStyle(p).backgroundColor;
    if (rgb(c)[3] !== 0 && c !== 'transparent') { bg = c; break; }
  }
  if (rgb(bg)[3] === 0) bg = 'rgb(255, 255, 255)';
  const a = lum(rgb(style.outlineColor));
  const b = lum(rgb(bg));
  return { name: el.tagName.toLowerCase() + '.' + el.className + ' ' + style.outlineColor + ' on ' + bg, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
})()`;

/**
 * Tabs through the page and, for each focused element, compares its focus ring's colour with
 * the background it is drawn on (the nearest ancestor's painted background): the rings that
 * are under 3:1. Tab presses are capped so a long admin table ends the walk.
 */
async function weakFocusRings(page: Page, presses = 40): Promise<string[]> {
  const weak = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => undefined);
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate<{ name: string; ratio: number } | null>(FOCUS_RING);
    if (r && r.ratio < 3) weak.add(`${r.name} (${r.ratio.toFixed(2)}:1)`);
  }
  return [...weak];
}

async function newPage(viewport = { width: 1280, height: 900 }, touch = false): Promise<Page> {
  // The pages forbid inline scripts (CSP); the test context lets axe in, as the brief allows.
  const ctx = await browser.newContext({ viewport, hasTouch: touch, bypassCSP: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return page;
}

// The kiosk's own helpers: a tap turns the pages of a paged list (services) until its tile shows.

/** A mediation request as the kiosk would send it, with one optional answer left empty. */
async function ticketWithSubmission(language: Lang): Promise<{ id: string; code: string }> {
  const t = await api<{ id: string; code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'mediation', language });
  assert.equal(t.status, 201);
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const answers = {
    name: { zh: '王芳', bo: 'བཀྲ་ཤིས་སྒྲོལ་མ', ug: 'ئايگۈل' }[language],
    id_number: residentId(),
    phone: '13812345678',
    dispute_type: 'neighbours',
    people_involved: 2,
    summary: { zh: '楼上邻居家的水管漏水，已经两个星期了', bo: 'སྟེང་ཁང་གི་ཁྱིམ་མཚེས་ཀྱི་ཆུ་དོང་ནས་ཆུ་འཛག་ནས་བདུན་ཕྲག་གཉིས་སོང་།', ug: 'ئۈستىدىكى قوشنىنىڭ سۇ تۇرۇبىسىدىن ئىككى ھەپتىدىن بېرى سۇ ئاقىدۇ' }[language],
    mediated_before: false,
    risk_of_escalation: false,
    preferred_date: date,
    preferred_time: 'morning',
    mediation_language: language,
    consent: true,
  };
  const s = await api(hall.url, 'POST', '/api/submissions', hall.kioskToken, { formId: 'dispute_mediation', version: 1, language, answers, ticketId: t.body.id });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  return t.body;
}

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  browser = await launchChromium();
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hall?.stop();
});

describe('axe-core: no critical or serious violation', () => {
  for (const lang of LANGS) {
    it(`kiosk in ${lang}: attract, language, services, a form question, the ticket`, async () => {
      const page = await newPage({ width: 1080, height: 1920 }, true);
      const found: Record<string, Finding[]> = {};
      await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
      await tappable(page, 'attract-start').waitFor();
      found.attract = await audit(page);
      await tap(page, 'attract-start');
      await tappable(page, `language-${lang}`).waitFor();
      found.language = await audit(page);
      await tap(page, `language-${lang}`);
      await page.getByTestId('services-list').waitFor();
      await reveal(page, 'service-mediation');
      await tappable(page, 'service-mediation').waitFor();
      found.services = await audit(page);
      await tap(page, 'service-mediation');
      await tap(page, 'priority-no');
      await page.getByTestId('form-question').waitFor();
      found.question = await audit(page);
      // The ticket screen: a service without a form.
      await page.goto('about:blank');
      await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
      await tap(page, 'attract-start');
      await tap(page, `language-${lang}`);
      await tap(page, 'service-enquiries');
      await tap(page, 'priority-no');
      await page.getByTestId('ticket').waitFor();
      await page.getByTestId('ticket-qr').waitFor();
      found.ticket = await audit(page);
      const bad = Object.entries(found).filter(([, f]) => f.length > 0);
      assert.deepEqual(bad, [], `kiosk ${lang}: ${JSON.stringify(bad, null, 1)}`);
    });
  }

  for (const lang of LANGS) {
    it(`counter in ${lang}: login, choose a counter, the console with a called ticket and its submission`, async () => {
      const username = `axe-${lang}`;
      const token = await staffToken(hall, username);
      const page = await newPage();
      await page.goto(`${hall.url}/counter`);
      await page.click(`[data-testid=ui-lang-${lang}]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await expectClean(page, `counter login ${lang}`);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', 'staff-password');
      await page.click('[data-testid=login-submit]');
      await page.waitForSelector('[data-testid=open-counter-5]');
      await expectClean(page, `counter choose ${lang}`);
      // The spoken-language labels are written in the page's language and say so.
      const labelLangs = await page.$$eval('.spoken-choice span', (els) => els.map((e) => e.closest('[lang]')?.getAttribute('lang')));
      assert.deepEqual(labelLangs, [lang, lang, lang]);
      for (const l of LANGS) if (!(await page.locator(`[data-testid=spoken-${l}]`).isChecked())) await page.click(`[data-testid=spoken-${l}]`);
      await page.click('[data-testid=open-counter-5]');
      await page.waitForSelector('[data-testid=console][data-status=online]');
      const ticket = await ticketWithSubmission(lang);
      await page.click(`[data-testid="call-${ticket.code}"]:not([disabled])`);
      await page.waitForSelector(`[data-testid=current-ticket][data-code="${ticket.code}"]`);
      await page.waitForSelector('[data-testid=submission]');
      await expectClean(page, `counter console ${lang}`);
      // One <main>; the waiting list is a named, focusable region; the staff's own words in the
      // Chinese sheet (personal mark, no answer) carry the staff's language.
      assert.equal(await page.locator('main').count(), 1);
      assert.equal(await page.getAttribute('[data-testid=queue]', 'tabindex'), '0');
      assert.ok((await page.getByRole('region', { name: await page.locator('#queue-title').innerText() }).count()) === 1);
      const own = await page.$$eval('[data-testid=submission] .personal-mark, [data-testid=submission] .submission-empty', (els) => els.map((e) => e.closest('[lang]')?.getAttribute('lang')));
      assert.ok(own.length >= 2, 'a personal mark and an empty answer are on the sheet');
      assert.deepEqual([...new Set(own)], [lang]);
      if (lang === 'zh') assert.deepEqual(await weakFocusRings(page), [], 'counter focus rings');
      // Hand counter 5 on to the next language's walk.
      await api(hall.url, 'POST', `/api/tickets/${ticket.id}/start`, token);
      await api(hall.url, 'POST', `/api/tickets/${ticket.id}/finish`, token);
      assert.equal((await api(hall.url, 'POST', '/api/counters/counter-5/close', token)).status, 200);
      await page.context().close();
    });
  }

  it('the audit itself finds a planted violation (so a clean result means something)', async () => {
    const page = await newPage();
    await page.goto(`${hall.url}/counter`);
    await page.waitForSelector('[data-testid=login-submit]');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/nothing.png">'));
    assert.ok((await audit(page)).some((f) => f.rule === 'image-alt'));
  });

  it('hall display (all three scripts at once)', async () => {
    const page = await newPage({ width: 1920, height: 1080 });
    await openDisplay(page, hall.url, hall.displayToken);
    await expectClean(page, 'display');
  });

  for (const lang of LANGS) {
    it(`admin in ${lang}: login and every section`, async () => {
      const page = await newPage();
      await page.goto(`${hall.url}/admin`);
      await page.click(`.lang-switch button[lang=${lang}]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await expectClean(page, `admin login ${lang}`);
      await page.fill('input[name=username]', 'admin');
      await page.fill('input[name=password]', ADMIN_PASSWORD);
      await page.locator('form.login button[type=submit]').click();
      const nav = page.locator('nav.sections button');
      await nav.first().waitFor();
      const found: Record<string, Finding[]> = {};
      for (let i = 0; i < (await nav.count()); i++) {
        await nav.nth(i).click();
        await page.waitForSelector(`nav.sections button:nth-child(${i + 1})[aria-current=page]`);
        // Let the section's data arrive (its loading line goes).
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(300);
        const id = new URL(page.url()).hash.slice(1);
        found[id] = await audit(page);
      }
      if (lang === 'zh') {
        await page.goto(`${hall.url}/admin#services`);
        await page.locator('nav.sections button').first().waitFor();
        assert.deepEqual(await weakFocusRings(page, 60), [], 'admin focus rings');
      }
      const bad = Object.entries(found).filter(([, f]) => f.length > 0);
      assert.deepEqual(bad, [], `admin ${lang}: ${JSON.stringify(bad, null, 1)}`);
    });
  }

  for (const lang of LANGS) {
    it(`phone status page in ${lang}: waiting, then rating`, async () => {
      const staff = await desk();
      await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: LANGS });
      const issued = await api<{ id: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: lang });
      const page = await newPage({ width: 390, height: 844 }, true);
      await page.goto(hall.url + new URL(issued.body.statusUrl).pathname);
      await page.getByTestId('ahead').waitFor();
      await expectClean(page, `phone waiting ${lang}`);
      assert.equal((await api(hall.url, 'POST', `/api/counters/counter-1/call/${issued.body.id}`, staff)).status, 200);
      await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/start`, staff);
      await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/finish`, staff);
      await page.getByTestId('face-5').waitFor();
      await expectClean(page, `phone rating ${lang}`);
    });
  }

  it('rating pad: idle, then asking in each language', async () => {
    const staff = await desk();
    await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: LANGS });
    const paired = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Pad', counterId: 'counter-1' });
    const page = await newPage({ width: 1280, height: 800 }, true);
    await page.goto(`${hall.url}/rate?timeout=60#token=${paired.body.token}`);
    await page.getByTestId('idle').waitFor();
    await expectClean(page, 'rating pad idle');
    for (const lang of LANGS) {
      const t = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: lang });
      assert.equal((await api(hall.url, 'POST', `/api/counters/counter-1/call/${t.body.id}`, staff)).status, 200);
      await api(hall.url, 'POST', `/api/tickets/${t.body.id}/start`, staff);
      await api(hall.url, 'POST', `/api/tickets/${t.body.id}/finish`, staff);
      await page.getByTestId('ask').waitFor();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await expectClean(page, `rating pad asking ${lang}`);
      await page.getByTestId('face-5').tap();
      await page.getByTestId('thanks').waitFor();
      await page.getByTestId('idle').waitFor({ timeout: 15_000 });
    }
  });
});

let deskToken: string | null = null;
/** One staff member at counter 1 for the phone and pad walks. */
async function desk(): Promise<string> {
  deskToken ??= await staffToken(hall, 'axe-desk');
  return deskToken;
}
