// A resident fills every default form in each language with taps on the on-screen keyboards
// only (never fill()): letters on the pinyin, Tibetan and Uyghur keyboards, digits on the
// numeric pad (the bus card's number too) or on the pinyin keyboard's digits row, choices,
// dates, yes/no and consent by their buttons. Every question is first refused (next with no
// answer) so its validation message shows, and the screen — with the message — is checked to
// fit (kioskFitCheck.ts): every question of every form at every kiosk size in normal and large
// text in one of the three languages (turn about, to keep the run to minutes) and at the three
// tightest sizes in large text in the other two; every page of every review in all three. Then the resident confirms, gets the ticket (or the thanks of a no-ticket form), and
// the stored submission is read back: every answer is what was tapped, digits normalised.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AnswerValue, FormDefinition, FormField } from '../../electron/core/forms/definition.js';
import { normalizeDigits } from '../../electron/core/forms/digits.js';
import { validateField, type FormMessages } from '../../electron/core/forms/validate.js';
import { entryFor } from '../../renderer/kiosk/forms/keyboardFor.js';
import { EMPTY_TIBETAN, pressTibetanKey, tibetanText } from '../../renderer/kiosk/keyboards/tibetanInput.js';
import { TIBETAN_ROWS } from '../../renderer/kiosk/keyboards/tibetanLayout.js';
import { EMPTY_UYGHUR, pressUyghurKey, uyghurText } from '../../renderer/kiosk/keyboards/uyghurInput.js';
import { UYGHUR_ROWS } from '../../renderer/kiosk/keyboards/uyghurLayout.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';
import { checkFit, settled, tap, tappable } from './kioskFitCheck.js';

type Lang = 'zh' | 'bo' | 'ug';
const LANGS: Lang[] = ['zh', 'bo', 'ug'];

const bo = (ids: string[]) => tibetanText(ids.reduce((s, id) => pressTibetanKey(s, TIBETAN_ROWS.flat().find((k) => k.id === id)!), EMPTY_TIBETAN));
const ug = (ids: string[]) => uyghurText(ids.reduce((s, id) => pressUyghurKey(s, UYGHUR_ROWS.flat().find((k) => k.id === id)!), EMPTY_UYGHUR));
/** A Tibetan syllable ག ི ས ་ (gis) and an Uyghur word, as keys. */
const BO_WORD = ['k', 'i', 's', 'j'];
const UG_WORD = ['y', 'f', 'h', 'x', 'j'];

/**
 * Whether the one validator already maps Tibetan digits to 0–9 (the forms-safety change): only
 * then do the Tibetan keyboard's own digits go into a digits-taking text answer.
 */
const validatorNormalisesDigits = (() => {
  const r = validateField({ code: 'x', type: 'text', label: { zh: 'x', bo: 'x', ug: 'x' }, required: true, pattern: '[0-9]{2}' } as FormField, '\u0F21\u0F22', {
    lang: 'zh',
    today: '2026-01-01',
    messages: {} as FormMessages,
  });
  return r.ok && r.value === '12';
})();


describe('a resident fills every default form by tapping, in each language; the stored answers are what was tapped', () => {
  let hall: TestHall;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let defs: FormDefinition[];
  let serviceOf: Map<string, string>;

  before(async () => {
    assertBuilt();
    execFileSync(process.execPath, ['scripts/build-pinyin-dict.mjs', '--quiet']);
    hall = await startTestHall();
    browser = await launchChromium();
    ctx = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
    page = await ctx.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    defs = (await api<FormDefinition[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body;
    const services = (await api<{ id: string; formId: string | null }[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
    serviceOf = new Map(services.filter((s) => s.formId).map((s) => [s.formId!, s.id]));
  });
  after(async () => {
    await ctx?.close();
    await browser?.close();
    await hall?.stop();
  });

  it('the default forms are all on the kiosk: each through a service, or without a ticket', () => {
    assert.equal(defs.length, 8);
    for (const d of defs) assert.ok(serviceOf.has(d.id) || d.allowWithoutTicket, `${d.id} reachable`);
  });

  for (const lang of LANGS.filter((l) => !process.env.RESIDENT_LANGS || process.env.RESIDENT_LANGS.split(',').includes(l))) {
    it(`${lang}: every form, every question refused then answered by taps, each screen fitting; stored as tapped`, async (t) => {
      const problems: string[] = [];
      for (const [index, def] of defs.entries()) {
        const started = Date.now();
        // Every question of a form is fit-checked at all 12 sizes and text sizes in one of the three
        // languages, turn about, and at the three sizes that fill up first (TIGHT_SIZES, large
        // text) in the other two, so every step of every form is checked in every language; the
        // review is checked fully in every language. The taps and read-back cover all.
        const checkSteps = index % LANGS.length === LANGS.indexOf(lang);
        await page.goto(`${hall.url}/kiosk?form=${def.id}&lang=${lang}#token=${hall.kioskToken}`);
        await tap(page, 'attract-start');
        await tap(page, `language-${lang}`);
        const service = serviceOf.get(def.id);
        if (service) {
          await tap(page, `service-${service}`);
          await tap(page, 'priority-no');
        } else {
          await tap(page, 'direct-forms');
          await tap(page, `direct-form-${def.id}`);
        }
        const expected = new Map<string, AnswerValue>();
        for (let step = 0; step < 40; step++) {
          const question = page.locator('[data-testid="form-question"]');
          await page.locator('[data-testid="form-question"], [data-testid="form-review"]').first().waitFor();
          if ((await question.count()) === 0) break;
          const code = (await question.getAttribute('data-field'))!;
          const field = def.fields.find((f) => f.code === code)!;
          const label = `${lang} ${def.id} ${code}`;
          // Next with no answer shows the validation message (a date always has one: the picker starts on a day).
          const refusable = field.required && field.type !== 'date';
          if (refusable) {
            await tap(page, 'form-next');
            await page.getByTestId('form-error').waitFor();
          }
          problems.push(
            ...(await checkFit(page, refusable ? `${label} (refused)` : label, {
              primary: '[data-testid="form-next"]',
              shot: checkSteps && step < 2 && def.id === 'senior_bus_card' ? `${lang}-${def.id}-${code}` : undefined,
              tightOnly: !checkSteps,
            })),
          );
          const value = await answer(page, lang, field);
          if (value !== undefined) expected.set(code, value);
          await tap(page, value === undefined ? 'form-skip' : 'form-next');
          await page.waitForFunction((c) => document.querySelector('[data-testid="form-question"]')?.getAttribute('data-field') !== c, code);
        }
        // The review, every page of it.
        await page.getByTestId('form-review').waitFor();
        await settled(page);
        problems.push(...(await checkFit(page, `${lang} ${def.id} review`, { primary: '[data-testid="form-confirm"]', shot: def.id === 'senior_bus_card' ? `${lang}-${def.id}-review` : undefined })));
        for (let p = 0; p < 8 && (await page.locator('[data-testid="pager-next"]:not([disabled])').count()) > 0; p++) {
          await tappable(page, 'pager-next').tap();
          await settled(page);
          problems.push(...(await checkFit(page, `${lang} ${def.id} review p${p + 2}`, { primary: '[data-testid="form-confirm"]' })));
        }
        const stored = await confirmAndRead(page, def, Boolean(service));
        for (const [code, value] of expected) {
          const want = typeof value === 'string' ? normalizeDigits(value) : Array.isArray(value) ? [...value].sort() : value;
          const got = Array.isArray(stored[code]) ? [...(stored[code] as string[])].sort() : stored[code];
          assert.deepEqual(got, want, `${lang} ${def.id}.${code}: stored as tapped`);
        }
        for (const code of Object.keys(stored)) assert.ok(expected.has(code), `${lang} ${def.id}.${code}: nothing stored that was not answered`);
        t.diagnostic(`${lang} ${def.id}: ${expected.size} answers, ${Math.round((Date.now() - started) / 1000)} s`);
      }
      assert.deepEqual(problems, []);
    });
  }

  async function confirmAndRead(page: Page, def: FormDefinition, withTicket: boolean): Promise<Record<string, unknown>> {
    if (withTicket) {
      await tap(page, 'form-confirm');
      const ticket = page.getByTestId('ticket');
      await ticket.waitFor();
      await page.locator('[data-testid="form-outcome"][data-outcome="sent"]').waitFor();
      const t = await api<{ submissionId: string | null }>(hall.url, 'GET', `/api/tickets/${await ticket.getAttribute('data-ticket-id')}`, hall.adminToken);
      assert.ok(t.body.submissionId, `${def.id}: the ticket carries the submission`);
      const s = await api<{ formId: string; answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${t.body.submissionId}`, hall.adminToken);
      assert.equal(s.body.formId, def.id);
      return s.body.answers;
    }
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/submissions') && r.request().method() === 'POST');
    await tap(page, 'form-confirm');
    const res = await posted;
    assert.equal(res.status(), 201, `${def.id} sent`);
    const { id } = (await res.json()) as { id: string };
    await page.getByTestId('direct-sent').waitFor();
    const s = await api<{ formId: string; answers: Record<string, unknown> }>(hall.url, 'GET', `/api/submissions/${id}`, hall.adminToken);
    assert.equal(s.body.formId, def.id);
    return s.body.answers;
  }
});

/** Answers the question on screen by tapping; returns the answer as tapped (undefined: skipped). */
async function answer(page: Page, lang: Lang, field: FormField): Promise<AnswerValue | undefined> {
  const entry = entryFor(field);
  if (entry.pad === 'numeric') {
    await page.getByTestId('keyboard-numeric').waitFor();
    const digits = numericAnswer(field);
    for (const k of digits) await tap(page, `num-key-${k === '.' ? 'dot' : k}`);
    assert.equal(await shown(page), digits, `${field.code}: the pad shows what was tapped`);
    return field.type === 'integer' || field.type === 'decimal' ? Number(digits) : digits;
  }
  if (entry.pad === 'text') {
    // A text with a pattern of its own (a permit number of letters and digits) takes digits only where the keyboard has them.
    if (field.pattern && lang === 'bo' && !validatorNormalisesDigits) return undefined;
    const text = field.pattern ? await typeDigits(page, lang, '123456') : await typeWords(page, lang, Math.max(field.minLength ?? 0, 2));
    assert.equal(await shown(page), text, `${field.code}: the answer shows what was tapped`);
    return text;
  }
  switch (field.type) {
    case 'yesno':
      await tap(page, 'form-yes');
      return true;
    case 'consent':
      await tap(page, 'form-consent');
      return true;
    case 'date': {
      await tap(page, 'date-day-+1');
      await tap(page, 'date-day--1');
      const part = (p: string) => page.getByTestId(`date-${p}-value`).innerText();
      return `${await part('year')}-${await part('month')}-${await part('day')}`;
    }
    case 'choice': {
      const last = field.choices!.at(-1)!.code;
      await tap(page, `form-choice-${last}`);
      return last;
    }
    case 'multichoice': {
      const first = field.choices![0]!.code;
      const last = field.choices!.at(-1)!.code;
      await tap(page, `form-choice-${first}`);
      // Back to the first page, then on to the last choice (it may be on another page).
      await tap(page, `form-choice-${last}`);
      return [first, last];
    }
    default:
      throw new Error(`no way to answer ${field.type}`);
  }
}

function numericAnswer(field: FormField): string {
  if (field.type === 'resident_id') return '11010519491231002X';
  if (field.type === 'phone') return '13800138000';
  if (field.type === 'integer') return String(Math.min(Math.max(3, Number(field.min ?? 0)), Number(field.max ?? 99)));
  if (field.type === 'decimal') return '1200.5';
  return '12345678'; // a text answer of digits only (the bus card number)
}

const shown = (page: Page) => page.getByTestId('form-text-value').innerText().then((s) => s.replace(/\u00A0/g, '').trim());

/** Words on the resident's keyboard until the answer has at least `min` characters; returns the text. */
async function typeWords(page: Page, lang: Lang, min: number): Promise<string> {
  let text = '';
  const typed: string[] = [];
  while ([...text].length < min) {
    if (lang === 'zh') {
      for (const l of 'nihao') await tap(page, `zh-key-${l}`);
      // Take the first word until no letters are left (你 then 好, or 你好 at once).
      for (let i = 0; i < 5; i++) {
        const left = ((await page.getByTestId('zh-composing').textContent()) ?? '').replace(/\u00A0/g, '').trim();
        if (left === '') break;
        const candidate = page.locator('[data-testid^="zh-candidate-"][data-settled]').first();
        await candidate.waitFor();
        text += (await candidate.getAttribute('data-testid'))!.slice('zh-candidate-'.length);
        await candidate.tap();
        await page.waitForFunction((l) => (document.querySelector('[data-testid="zh-composing"]')?.textContent ?? '').replace(/\u00A0/g, '').trim() !== l, left);
      }
    } else {
      const keys = lang === 'bo' ? BO_WORD : UG_WORD;
      for (const k of keys) await tap(page, `${lang}-key-${k}`);
      typed.push(...keys);
      text = lang === 'bo' ? bo(typed) : ug(typed);
    }
  }
  return text;
}

/** Digits on the resident's own keyboard: the pinyin digits row, the Uyghur and Tibetan digit keys. */
async function typeDigits(page: Page, lang: Lang, digits: string): Promise<string> {
  for (const d of digits) await tap(page, `${lang}-key-${d}`);
  if (lang === 'bo') return bo([...digits]);
  if (lang === 'ug') return ug([...digits]);
  return digits;
}
