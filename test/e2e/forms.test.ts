// Forms end to end, in Debian Chromium with touch emulation against a real hall server:
// three default forms filled on the kiosk in three languages, every text typed on the
// on-screen keyboards (pinyin candidates, Tibetan stacks, Uyghur letters, the numeric pad),
// a wrong ID check digit refused in the resident's language and corrected, the review, the
// ticket; then the counter calls each ticket and sees the submission in Chinese with the
// values as entered, and marks it reviewed. Also: the idle wipe clears the answers, the
// suggestion box is sent without a ticket, and staff fill a form at the counter (帮办代办),
// with HTML-looking answers shown as text. Screenshots go to test-results/forms/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { api, type TestHall, startTestHall } from '../support/hall.js';
import { createStaff, launchChromium, openConsole } from './counter-harness.js';
import { tap as tapPaged } from './kioskFitCheck.js';

const ROOT = process.cwd();
const SHOTS = join(ROOT, 'test-results', 'forms');
type Lang = 'zh' | 'bo' | 'ug';

const errorText = (lang: Lang, code: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'resources', 'locales', lang, 'forms.json'), 'utf8')) as { Errors: Record<string, string> }).Errors[code]!;

/** A control a resident could tap now: on screen and past its settle time (see TapButton). */
const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);
// Turns the pages of a paged list (services, choices, review) until the control shows.
const tap = (page: Page, testId: string) => tapPaged(page, testId);

async function keys(page: Page, prefix: string, ids: string[]): Promise<void> {
  for (const id of ids) await tap(page, `${prefix}-${id}`);
}

/** Types a pinyin spelling and picks the word among the candidates (turning pages if needed). */
async function pinyin(page: Page, spelling: string, word: string): Promise<void> {
  await keys(page, 'zh-key', [...spelling]);
  const first = page.locator('[data-testid^="zh-candidate-"]').first();
  for (let i = 0; i < 8; i++) {
    await first.waitFor();
    if ((await page.getByTestId(`zh-candidate-${word}`).count()) > 0) break;
    const before = await first.getAttribute('data-testid');
    await tap(page, 'zh-page-next');
    await page.waitForFunction((b) => document.querySelector('[data-testid^="zh-candidate-"]')?.getAttribute('data-testid') !== b, before);
  }
  await tap(page, `zh-candidate-${word}`);
}

async function atQuestion(page: Page, code: string): Promise<void> {
  await page.locator(`[data-testid="form-question"][data-field="${code}"]`).waitFor();
}

/** Answers the question on screen by tapping, then "next". */
async function answer(page: Page, code: string, act: () => Promise<void>): Promise<void> {
  await atQuestion(page, code);
  await act();
  await tap(page, 'form-next');
}

const typedValue = (page: Page) => page.getByTestId('form-text-value').innerText().then((s) => s.replace(/\u00A0/g, '').trim());

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('forms on the kiosk and at the counter', () => {
  let hall: TestHall;
  let browser: Browser;
  let defs: FormDefinition[];
  let consoleCtx: BrowserContext;
  let desk: Page;
  let staffId: string;
  const contexts: BrowserContext[] = [];

  const def = (id: string) => defs.find((d) => d.id === id)!;
  const field = (formId: string, code: string) => def(formId).fields.find((f) => f.code === code)!;
  const choiceZh = (formId: string, code: string, choice: string) => field(formId, code).choices!.find((c) => c.code === choice)!.label.zh;

  async function kiosk(query = ''): Promise<Page> {
    const ctx = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${hall.url}/kiosk${query}#token=${hall.kioskToken}`);
    await tappable(page, 'attract-start').waitFor();
    return page;
  }

  async function toForm(page: Page, lang: Lang, serviceId: string): Promise<void> {
    await tap(page, 'attract-start');
    await tap(page, `language-${lang}`);
    await tap(page, `service-${serviceId}`);
    await tap(page, 'priority-no');
    await page.getByTestId('form-question').waitFor();
  }

  /** Types an ID number with a wrong check digit, sees the refusal in `lang`, corrects it. */
  async function residentIdWithTypo(page: Page, lang: Lang, good: string): Promise<void> {
    await atQuestion(page, 'id_number');
    const wrongLast = good.endsWith('0') ? '1' : '0';
    await keys(page, 'num-key', [...good.slice(0, 17), wrongLast]);
    await tap(page, 'form-next');
    const error = page.locator('[data-testid="form-error"][data-code="BAD_ID_CHECKSUM"]');
    await error.waitFor();
    assert.equal(await error.innerText(), errorText(lang, 'BAD_ID_CHECKSUM'));
    await shot(page, `${lang}-id-error`);
    await tap(page, 'num-key-backspace');
    await tap(page, `num-key-${good[17]}`);
    assert.equal(await typedValue(page), good);
    assert.equal(await page.getByTestId('form-error').count(), 0, 'the error goes once the answer changes');
    await tap(page, 'form-next');
  }

  /** Confirms the review, waits for the ticket and returns its id and code. */
  async function confirmAndTicket(page: Page, lang: Lang): Promise<{ id: string; code: string }> {
    await shot(page, `${lang}-review`);
    await tap(page, 'form-confirm');
    const ticket = page.getByTestId('ticket');
    await ticket.waitFor();
    await page.locator('[data-testid="form-outcome"][data-outcome="sent"]').waitFor();
    await shot(page, `${lang}-ticket`);
    return { id: (await ticket.getAttribute('data-ticket-id'))!, code: await page.getByTestId('ticket-code').innerText() };
  }

  async function serverSubmission(ticketId: string): Promise<Record<string, unknown> & { answers: Record<string, unknown> }> {
    const t = await api<{ submissionId: string | null }>(hall.url, 'GET', `/api/tickets/${ticketId}`, hall.adminToken);
    assert.ok(t.body.submissionId, `ticket ${ticketId} carries a submission`);
    const s = await api<Record<string, unknown> & { answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${t.body.submissionId}`, hall.adminToken);
    assert.equal(s.status, 200);
    return s.body;
  }

  /** The counter calls the ticket, sees the submission, marks it reviewed, serves and finishes. */
  async function counterSees(ticket: { id: string; code: string }, formId: string, lang: Lang, expect: Record<string, string>, shotName: string): Promise<void> {
    await desk.click(`[data-testid="call-${ticket.code}"]:not([disabled])`);
    await desk.waitForSelector(`[data-testid=current-ticket][data-code="${ticket.code}"]`);
    const sheet = desk.locator('[data-testid="submission"]');
    await sheet.waitFor();
    assert.equal(await sheet.getAttribute('data-reviewed'), 'no');
    assert.equal(await sheet.locator('h3').innerText(), def(formId).title.zh, 'the form title in Chinese');
    for (const [code, value] of Object.entries(expect)) {
      const row = desk.getByTestId(`submission-field-${code}`);
      assert.ok((await row.locator('dt').innerText()).startsWith(field(formId, code).label.zh), `label of ${code} in Chinese`);
      const v = desk.getByTestId(`submission-value-${code}`);
      assert.equal(await v.innerText(), value, `value of ${code}`);
      assert.equal(await v.getAttribute('dir'), 'auto');
      // Typed text is marked with the resident's language (its font and shaping); choices are Chinese.
      const typed = ['text', 'longtext'].includes(field(formId, code).type);
      assert.equal(await v.getAttribute('lang'), typed ? lang : null, `lang of ${code}`);
    }
    await desk.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(SHOTS, { recursive: true });
    await desk.screenshot({ path: join(SHOTS, `${shotName}.png`), fullPage: true });
    if (lang === 'zh') await printsOnA4();
    await desk.click('[data-testid=submission-mark-reviewed]');
    await desk.waitForSelector('[data-testid=submission][data-reviewed=yes]');
    const s = await serverSubmission(ticket.id);
    assert.equal(s.reviewedBy, staffId);
    assert.ok(s.reviewedAt);
    await desk.click('[data-testid=action-start]');
    await desk.waitForSelector(`[data-testid=current-ticket][data-state=serving]`);
    await desk.click('[data-testid=action-finish]');
    await desk.waitForSelector('[data-testid=current-ticket][data-code=""]');
  }

  /** The print view: only the submission is visible, on an A4 page. */
  async function printsOnA4(): Promise<void> {
    await desk.emulateMedia({ media: 'print' });
    try {
      const visibility = (sel: string) => desk.locator(sel).first().evaluate((el) => getComputedStyle(el).visibility);
      assert.equal(await visibility('[data-testid=action-callNext]'), 'hidden');
      assert.equal(await visibility('[data-testid=queue]'), 'hidden');
      assert.equal(await visibility('[data-testid=submission] dd'), 'visible');
      assert.equal(await desk.locator('[data-testid=submission-print]').isVisible(), false);
      const pdf = (await desk.pdf({ preferCSSPageSize: true })).toString('latin1');
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
      assert.ok(box, 'the PDF has a page size');
      // A4 is 595 × 842 pt.
      assert.ok(Math.abs(Number(box[1]) - 595) < 2 && Math.abs(Number(box[2]) - 842) < 2, `page ${box[1]} × ${box[2]} pt`);
    } finally {
      await desk.emulateMedia({ media: 'screen' });
    }
  }

  before(async () => {
    assert.ok(existsSync(join(ROOT, 'dist', 'renderer', 'kiosk.js')), 'run `node scripts/build.mjs` first');
    execFileSync(process.execPath, ['scripts/build-pinyin-dict.mjs', '--quiet']);
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchChromium();
    defs = (await api<FormDefinition[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body;
    // The demo services carry their default forms; make sure of the three used here.
    const services = (await api<{ id: string; formId: string | null }[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
    for (const [serviceId, formId] of [['household', 'residence_permit'], ['elderly', 'home_adaptation'], ['proxy', 'proxy_service']]) {
      if (services.find((s) => s.id === serviceId)?.formId !== formId) {
        const r = await api(hall.url, 'PATCH', `/api/services/${serviceId}`, hall.adminToken, { formId });
        assert.equal(r.status, 200, `attach ${formId} to ${serviceId}`);
      }
    }
    await createStaff(hall, 'forms-desk');
    consoleCtx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    desk = await consoleCtx.newPage();
    desk.on('pageerror', (e) => assert.fail(`counter page error: ${e.message}`));
    await openConsole(desk, hall.url, 'forms-desk', 6, ['zh', 'bo', 'ug']);
    const staff = (await api<{ id: string; username: string }[]>(hall.url, 'GET', '/api/staff', hall.adminToken)).body;
    staffId = staff.find((s) => s.username === 'forms-desk')?.id ?? '';
    assert.ok(staffId, 'staff id of forms-desk');
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await consoleCtx?.close().catch(() => undefined);
    await browser?.close();
    await hall?.stop();
  });

  it('zh: 居住证申领 typed with pinyin and the numeric pad; the counter sees it in Chinese', async () => {
    const page = await kiosk();
    await toForm(page, 'zh', 'household');
    assert.match(await page.getByTestId('form-progress').innerText(), /^第 1 题 \/ 共 \d+ 题$/);
    await answer(page, 'name', async () => {
      await pinyin(page, 'zhang', '张');
      await pinyin(page, 'wei', '伟');
      assert.equal(await typedValue(page), '张伟');
    });
    await answer(page, 'gender', () => tap(page, 'form-choice-male'));
    await residentIdWithTypo(page, 'zh', '11010519491231002X');
    await answer(page, 'phone', () => keys(page, 'num-key', [...'13800138000']));
    await answer(page, 'registered_address', () => pinyin(page, 'beijing', '北京'));
    await answer(page, 'address', () => pinyin(page, 'chengdu', '成都'));
    await answer(page, 'residence_since', async () => {
      await tap(page, 'date-year--1');
      assert.ok(/^\d{4}$/.test(await page.getByTestId('date-year-value').innerText()));
    });
    await answer(page, 'basis', () => tap(page, 'form-choice-residence'));
    await answer(page, 'housing', () => tap(page, 'form-choice-rented'));
    await answer(page, 'first_time', () => tap(page, 'form-yes'));
    await answer(page, 'consent', () => tap(page, 'form-consent'));
    await page.getByTestId('form-review').waitFor();
    assert.equal(await page.getByTestId('review-value-name').innerText(), '张伟');
    // Change one answer from the review and come back to it.
    await tap(page, 'review-edit-housing');
    await answer(page, 'housing', () => tap(page, 'form-choice-relatives'));
    await page.getByTestId('form-review').waitFor();
    assert.equal(await page.getByTestId('review-value-housing').innerText(), field('residence_permit', 'housing').choices!.find((c) => c.code === 'relatives')!.label.zh);
    const ticket = await confirmAndTicket(page, 'zh');

    const s = await serverSubmission(ticket.id);
    assert.deepEqual([s.formId, s.language, s.filledBy, s.ticketId], ['residence_permit', 'zh', 'kiosk', ticket.id]);
    assert.deepEqual(
      { name: s.answers.name, id: s.answers.id_number, phone: s.answers.phone, housing: s.answers.housing, employer: s.answers.employer },
      { name: '张伟', id: '11010519491231002X', phone: '13800138000', housing: 'relatives', employer: undefined },
    );
    await counterSees(ticket, 'residence_permit', 'zh', { name: '张伟', id_number: '11010519491231002X', gender: choiceZh('residence_permit', 'gender', 'male'), registered_address: '北京' }, 'counter-zh-residence-permit');
  });

  it('bo: 适老化改造申请 typed on the Tibetan keyboard, right stacks; the counter shows the Tibetan as entered', async () => {
    const page = await kiosk();
    await toForm(page, 'bo', 'elderly');
    // Numbers in Tibetan sentences sit in bidi isolates.
    assert.match(await page.getByTestId('form-progress').innerText(), /\u2068.*\u2069/);
    const name = 'བཀྲ་ཤིས་སྒྲོལ་མ';
    await answer(page, 'name', async () => {
      await keys(page, 'bo-key', ['f', 'c', 'subjoin', 'r', 'j', 'x', 'i', 's', 'j', 's', 'subjoin', 'k', 'subjoin', 'r', 'o', 'l', 'j', 'h']);
      assert.equal(await typedValue(page), name);
      await shot(page, 'bo-name');
    });
    await residentIdWithTypo(page, 'bo', '54010219850315001X');
    await answer(page, 'phone', () => keys(page, 'num-key', [...'13908910000']));
    // The address typed in Tibetan, then the Chinese name added with the switch to pinyin.
    await answer(page, 'address', async () => {
      await keys(page, 'bo-key', ['l', 'subjoin', '-', 'j', 's', 'space']);
      await tap(page, 'form-keyboard-zh');
      await page.getByTestId('keyboard-zh').waitFor();
      await pinyin(page, 'lasa', '拉萨');
      assert.equal(await typedValue(page), 'ལྷ་ས 拉萨');
      await tap(page, 'form-keyboard-bo');
      await page.getByTestId('keyboard-bo').waitFor();
    });
    await answer(page, 'elder_situation', async () => {
      await tap(page, 'form-choice-over_80');
      await tap(page, 'form-choice-lives_alone');
    });
    await answer(page, 'housing', () => tap(page, 'form-choice-owned'));
    await answer(page, 'needs', () => tap(page, 'form-choice-grab_bars'));
    await answer(page, 'floor', () => keys(page, 'num-key', ['3']));
    await answer(page, 'has_elevator', () => tap(page, 'form-no'));
    await atQuestion(page, 'visit_date');
    await tap(page, 'form-skip');
    await answer(page, 'consent', () => tap(page, 'form-consent'));
    await page.getByTestId('form-review').waitFor();
    assert.equal(await page.getByTestId('review-value-name').innerText(), name);
    const ticket = await confirmAndTicket(page, 'bo');

    const s = await serverSubmission(ticket.id);
    assert.deepEqual([s.formId, s.language], ['home_adaptation', 'bo']);
    assert.deepEqual([s.answers.name, s.answers.address, s.answers.floor, s.answers.visit_date, s.answers.elder_situation], [name, 'ལྷ་ས 拉萨', 3, undefined, ['over_80', 'lives_alone']]);
    await counterSees(
      ticket,
      'home_adaptation',
      'bo',
      { name, address: 'ལྷ་ས 拉萨', housing: choiceZh('home_adaptation', 'housing', 'owned'), floor: '3', has_elevator: '否' },
      'counter-bo-home-adaptation',
    );
  });

  it('ug: 帮办代办 typed on the Uyghur keyboard, right to left; the counter shows it as entered', async () => {
    const page = await kiosk();
    await toForm(page, 'ug', 'proxy');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const name = 'ئايگۈل';
    await answer(page, 'name', async () => {
      await keys(page, 'ug-key', ['/', 'f', 'y', 'shift', 'g', 'v', 'l']);
      assert.equal(await typedValue(page), name);
      await shot(page, 'ug-name');
    });
    await answer(page, 'phone', () => keys(page, 'num-key', [...'15909910000']));
    await residentIdWithTypo(page, 'ug', '650102196001010021');
    await answer(page, 'matter', () => tap(page, 'form-choice-pension_check'));
    await answer(page, 'mode', () => tap(page, 'form-choice-proxy'));
    await answer(page, 'mobility', () => tap(page, 'form-choice-needs_help'));
    await atQuestion(page, 'notes');
    await tap(page, 'form-skip');
    await answer(page, 'consent', () => tap(page, 'form-consent'));
    await page.getByTestId('form-review').waitFor();
    assert.equal(await page.getByTestId('review-value-name').innerText(), name);
    const ticket = await confirmAndTicket(page, 'ug');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');

    const s = await serverSubmission(ticket.id);
    assert.deepEqual([s.formId, s.language, s.answers.name, s.answers.mode, s.answers.address], ['proxy_service', 'ug', name, 'proxy', undefined]);
    await counterSees(ticket, 'proxy_service', 'ug', { name, matter: choiceZh('proxy_service', 'matter', 'pension_check'), phone: '15909910000' }, 'counter-ug-proxy');
  });

  it('when the form cannot be sent, the ticket stands and the resident is told to tell staff', async () => {
    const page = await kiosk('?retry=0.2');
    let attempts = 0;
    await page.route('**/api/submissions', (route) => {
      attempts++;
      return route.abort('connectionrefused');
    });
    await toForm(page, 'zh', 'proxy');
    await answer(page, 'name', () => pinyin(page, 'wang', '王'));
    await answer(page, 'phone', () => keys(page, 'num-key', [...'13800138000']));
    await atQuestion(page, 'id_number');
    await tap(page, 'form-skip');
    await answer(page, 'matter', () => tap(page, 'form-choice-bus_card'));
    await answer(page, 'mode', () => tap(page, 'form-choice-proxy'));
    await answer(page, 'mobility', () => tap(page, 'form-choice-independent'));
    await atQuestion(page, 'notes');
    await tap(page, 'form-skip');
    await answer(page, 'consent', () => tap(page, 'form-consent'));
    await tap(page, 'form-confirm');
    const ticket = page.getByTestId('ticket');
    await ticket.waitFor();
    const note = page.locator('[data-testid="form-outcome"][data-outcome="failed"]');
    await note.waitFor();
    assert.match(await note.innerText(), /工作人员/);
    assert.equal(attempts, 3, 'three attempts, then the ticket');
    const t = await api<{ state: string; submissionId: string | null }>(hall.url, 'GET', `/api/tickets/${await ticket.getAttribute('data-ticket-id')}`, hall.adminToken);
    assert.deepEqual([t.body.state, t.body.submissionId], ['issued', null]);
    await shot(page, 'zh-ticket-form-failed');
  });

  it('the idle wipe clears every answer: the next resident starts an empty form', async () => {
    const page = await kiosk('?idle=3&countdown=1.5');
    await toForm(page, 'zh', 'household');
    await answer(page, 'name', () => pinyin(page, 'zhang', '张'));
    await answer(page, 'gender', () => tap(page, 'form-choice-female'));
    await atQuestion(page, 'id_number');
    await keys(page, 'num-key', [...'110105']);
    await page.getByTestId('idle-overlay').waitFor();
    await page.getByTestId('idle-overlay').waitFor({ state: 'detached', timeout: 8000 });
    await tappable(page, 'attract-start').waitFor();
    assert.equal(await page.locator('body').innerText().then((t) => t.includes('张') || t.includes('110105')), false);
    await toForm(page, 'zh', 'household');
    await atQuestion(page, 'name');
    assert.equal(await typedValue(page), '', 'the name is empty again');
    await tap(page, 'form-next');
    await page.locator('[data-testid="form-error"][data-code="REQUIRED"]').waitFor();
  });

  it('sends the suggestion box without a ticket and says thank you', async () => {
    const page = await kiosk();
    await tap(page, 'attract-start');
    await tap(page, 'language-zh');
    await tap(page, 'direct-forms');
    await tap(page, 'direct-form-suggestion_box');
    await answer(page, 'topic', () => tap(page, 'form-choice-environment'));
    await answer(page, 'content', () => pinyin(page, 'xiexie', '谢谢'));
    // Too short for the suggestion (at least 5 characters): told so next to the field, then add to it.
    await page.locator('[data-testid="form-error"][data-code="TOO_SHORT"]').waitFor();
    await answer(page, 'content', async () => {
      await pinyin(page, 'gongzuo', '工作');
      await pinyin(page, 'renyuan', '人员');
    });
    await answer(page, 'wants_reply', () => tap(page, 'form-no'));
    await page.getByTestId('form-review').waitFor();
    // The first send is altered on the way (as if kiosk and server disagreed): the server's real
    // 422 comes back and its message lands on the field, in the resident's language.
    let altered = false;
    await page.route('**/api/submissions', async (route) => {
      if (altered || route.request().method() !== 'POST') return route.continue();
      altered = true;
      const body = JSON.parse(route.request().postData() ?? '{}') as { answers: Record<string, unknown> };
      body.answers.content = '短';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await tap(page, 'form-confirm');
    await atQuestion(page, 'content');
    const refusal = page.locator('[data-testid="form-error"][data-code="TOO_SHORT"]');
    await refusal.waitFor();
    assert.ok((await refusal.innerText()).length > 0);
    assert.equal(await typedValue(page), '谢谢工作人员', 'the draft is kept');
    await tap(page, 'form-next');
    await page.getByTestId('form-review').waitFor();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/submissions') && r.request().method() === 'POST');
    await tap(page, 'form-confirm');
    const res = await posted;
    assert.equal(res.status(), 201);
    const { id } = (await res.json()) as { id: string };
    await page.getByTestId('direct-sent').waitFor();
    await shot(page, 'zh-suggestion-sent');
    const s = await api<{ ticketId: string | null; formId: string; answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${id}`, hall.adminToken);
    assert.deepEqual([s.body.formId, s.body.ticketId, s.body.answers.content, s.body.answers.topic, s.body.answers.name], ['suggestion_box', null, '谢谢工作人员', 'environment', undefined]);
    await tap(page, 'direct-done');
    await tappable(page, 'attract-start').waitFor();
  });

  it('a form version retired while the resident fills: back to the review under the new version, then sent', async () => {
    const page = await kiosk();
    await tap(page, 'attract-start');
    await tap(page, 'language-ug');
    await tap(page, 'direct-forms');
    await tap(page, 'direct-form-suggestion_box');
    await answer(page, 'topic', () => tap(page, 'form-choice-safety'));
    await answer(page, 'content', () => keys(page, 'ug-key', ['y', 'f', 'shift', 'h', 'x', 'h']));
    await answer(page, 'wants_reply', () => tap(page, 'form-no'));
    await page.getByTestId('form-review').waitFor();

    // Meanwhile the admin imports a new version (the same workbook again) and retires the old.
    const old = def('suggestion_box').version;
    const auth = { Authorization: `Bearer ${hall.adminToken}` };
    const xlsx = Buffer.from(await (await fetch(`${hall.url}/api/forms/suggestion_box/workbook.xlsx`, { headers: auth })).arrayBuffer());
    const imported = await fetch(`${hall.url}/api/forms/import`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: xlsx,
    });
    assert.equal(imported.status, 201, await imported.clone().text());
    const { version } = (await imported.json()) as { version: number };
    assert.ok(version > old);
    assert.equal((await api(hall.url, 'PATCH', '/api/forms/suggestion_box', hall.adminToken, { active: false, version: old })).status, 200);

    const answers: { status: number; version: number }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/submissions')) answers.push({ status: 0, version: (JSON.parse(r.postData() ?? '{}') as { version: number }).version });
    });
    await tap(page, 'form-confirm');
    // Refused as stale (409): the review again, with the answers, under the new version.
    await page.getByTestId('form-review').waitFor();
    assert.equal(await page.getByTestId('review-value-content').innerText(), 'ياخشى');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/submissions') && r.request().method() === 'POST' && r.status() === 201);
    await tap(page, 'form-confirm');
    await posted;
    await page.getByTestId('direct-sent').waitFor();
    assert.deepEqual(answers.map((a) => a.version), [old, version]);
  });

  it('staff fill 低保申请 for a resident at the counter (帮办代办); HTML-looking answers stay text', async () => {
    const r = await api<{ id: string; code: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'civil-assistance', language: 'ug', priority: false });
    assert.equal(r.status, 201);
    const ticket = r.body;
    await desk.click(`[data-testid="call-${ticket.code}"]:not([disabled])`);
    await desk.waitForSelector('[data-testid=form-panel-state][data-state=none]');
    await desk.click('[data-testid=staff-fill]');
    await desk.click('[data-testid=staff-fill-subsistence_allowance]');
    const hostileName = '<b>阿依古丽</b>';
    const hostileReason = '<img src=x onerror="window.__pwned=1">生活困难';
    await desk.fill('[data-testid=staff-field-name]', hostileName);
    await desk.fill('[data-testid=staff-field-id_number]', '110108197510200030');
    await desk.fill('[data-testid=staff-field-phone]', '13800138000');
    await desk.fill('[data-testid=staff-field-address]', '幸福路 8 号');
    await desk.fill('[data-testid=staff-field-household_size]', '3');
    await desk.fill('[data-testid=staff-field-monthly_income]', '1200.5');
    await desk.check('[data-testid=staff-field-income_sources-pension]');
    await desk.check('[data-testid=staff-field-owns_vehicle-no]');
    await desk.check('[data-testid=staff-field-other_housing-no]');
    await desk.fill('[data-testid=staff-field-reason]', hostileReason);
    await desk.check('[data-testid=staff-field-consent]');
    await desk.click('[data-testid=staff-form-save]');
    // The same validator as the kiosk: the wrong check digit is refused before anything is sent.
    await desk.waitForSelector('[data-testid=staff-error-id_number][data-code=BAD_ID_CHECKSUM]');
    await desk.fill('[data-testid=staff-field-id_number]', '110108197510200031');
    await desk.click('[data-testid=staff-form-save]');
    const sheet = desk.locator('[data-testid="submission"]');
    await sheet.waitFor();
    assert.equal(await desk.getByTestId('submission-value-name').innerText(), hostileName);
    assert.equal(await desk.getByTestId('submission-value-reason').innerText(), hostileReason);
    assert.equal(await sheet.locator('b, img').count(), 0, 'no element was made from an answer');
    assert.equal(await desk.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.match(await sheet.innerText(), /工作人员代填/);
    await desk.screenshot({ path: join(SHOTS, 'counter-staff-filled.png'), fullPage: true });

    const s = await serverSubmission(ticket.id);
    assert.deepEqual([s.formId, s.filledBy, s.fillerId, s.language, s.ticketId], ['subsistence_allowance', 'staff', staffId, 'ug', ticket.id]);
    assert.deepEqual([s.answers.name, s.answers.monthly_income, s.answers.household_size, s.answers.income_sources], [hostileName, 1200.5, 3, ['pension']]);

    // Completing it later (PUT): the corrected answer replaces the old one.
    await desk.click('[data-testid=submission-complete]');
    await desk.fill('[data-testid=staff-field-household_size]', '4');
    await desk.click('[data-testid=staff-form-save]');
    await desk.waitForSelector('[data-testid=submission-value-household_size]');
    assert.equal(await desk.getByTestId('submission-value-household_size').innerText(), '4');
    assert.equal((await serverSubmission(ticket.id)).answers.household_size, 4);
    await desk.click('[data-testid=action-start]');
    await desk.click('[data-testid=action-finish]');
    await desk.waitForSelector('[data-testid=current-ticket][data-code=""]');

    // With no ticket called, only the forms allowed without one are offered (a resident at the
    // desk dictating a suggestion).
    await desk.click('[data-testid=staff-fill]');
    await desk.waitForSelector('[data-testid=staff-form-choice]');
    const offered = await desk.locator('[data-testid^="staff-fill-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    assert.deepEqual(offered.sort(), defs.filter((d) => d.allowWithoutTicket).map((d) => `staff-fill-${d.id}`).sort());
    await desk.click('[data-testid=staff-fill-suggestion_box]');
    await desk.selectOption('[data-testid=staff-field-topic]', 'safety');
    await desk.fill('[data-testid=staff-field-content]', '楼道灯坏了，晚上看不见。');
    await desk.check('[data-testid=staff-field-wants_reply-no]');
    const posted = desk.waitForResponse((res) => res.url().endsWith('/api/submissions') && res.request().method() === 'POST');
    await desk.click('[data-testid=staff-form-save]');
    const res = await posted;
    assert.equal(res.status(), 201);
    await desk.waitForSelector('[data-testid=form-panel-note]');
    const box = await api<{ ticketId: string | null; filledBy: string; fillerId: string; answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${((await res.json()) as { id: string }).id}`, hall.adminToken);
    assert.deepEqual([box.body.ticketId, box.body.filledBy, box.body.fillerId, box.body.answers.topic], [null, 'staff', staffId, 'safety']);
  });
});
