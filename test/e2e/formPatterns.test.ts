// Issue 17 item 2 in the browser: the kiosk's validator (the same module the kiosk bundle
// holds, bundled the same way) evaluates every ReDoS pattern of the issue against a 10 kB
// answer in Chromium and answers. Asserts only that it answers; bench/patterns.bench.ts times it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { browserValidatorBundle, nearMiss, REDOS_PATTERNS } from '../support/validatorBundle.js';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>validator</title>');
  await page.addScriptTag({ content: await browserValidatorBundle() });
});
after(() => browser?.close());

describe('form patterns in Chromium (the kiosk validator)', () => {
  for (const pattern of REDOS_PATTERNS) {
    it(`${pattern} against a 10 kB answer answers PATTERN`, async () => {
      const code = await page.evaluate(
        ({ pattern, answer }) => {
          const forms = (window as unknown as { hallForms: typeof import('../../electron/core/forms/validate.js') }).hallForms;
          const messages = forms.formMessagesFrom({ zh: {}, bo: {}, ug: {} });
          const field = { code: 'n', type: 'longtext' as const, label: { zh: 'n', bo: 'n', ug: 'n' }, required: false, personal: false, maxLength: 10_000, pattern };
          const r = forms.validateField(field, answer, { lang: 'zh', today: '2026-12-01', messages });
          return r.ok ? 'ok' : r.error.code;
        },
        { pattern, answer: nearMiss(pattern) },
      );
      assert.equal(code, 'PATTERN');
    });
  }

  it('digits of any script pass a digits-only pattern and come back as 0–9', async () => {
    const value = await page.evaluate(() => {
      const forms = (window as unknown as { hallForms: typeof import('../../electron/core/forms/validate.js') }).hallForms;
      const messages = forms.formMessagesFrom({ zh: {}, bo: {}, ug: {} });
      const field = { code: 'card_number', type: 'text' as const, label: { zh: 'n', bo: 'n', ug: 'n' }, required: true, personal: false, pattern: '[0-9]{8,20}' };
      const r = forms.validateField(field, '༡༢༣༤٥٦۷８', { lang: 'bo', today: '2026-12-01', messages });
      return r.ok ? r.value : r.error.code;
    });
    assert.equal(value, '12345678');
  });
});
