// Issue 17 item 2: every ReDoS pattern of the issue against a 10 kB near-miss answer, through
// the form validator (RE2 via re2js), on Node and in Chromium (the kiosk's bundle of the same
// module). Prints p50/p95/max per pattern and engine. Target: max ≤ 50 ms.
import { formMessagesFrom, validateField } from '../electron/core/forms/validate.js';
import type { FormField } from '../electron/core/forms/definition.js';
import { launchBrowser } from '../test/support/browser.js';
import { browserValidatorBundle, nearMiss, REDOS_PATTERNS } from '../test/support/validatorBundle.js';
import { summary } from './support.js';

const RUNS = Number(process.env.BENCH_PATTERN_RUNS ?? 30);
const messages = formMessagesFrom({ zh: {}, bo: {}, ug: {} });
const fieldFor = (pattern: string): FormField => ({ code: 'n', type: 'longtext', label: { zh: 'n', bo: 'n', ug: 'n' }, required: false, personal: false, maxLength: 10_000, pattern });

const node: Record<string, ReturnType<typeof summary>> = {};
for (const pattern of REDOS_PATTERNS) {
  const field = fieldFor(pattern);
  const answer = nearMiss(pattern);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    validateField(field, answer, { lang: 'zh', today: '2026-12-01', messages });
    ms.push(performance.now() - t);
  }
  node[pattern] = summary(ms);
}

const browser = await launchBrowser();
const chromium: Record<string, ReturnType<typeof summary>> = {};
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>bench</title>');
  await page.addScriptTag({ content: await browserValidatorBundle() });
  for (const pattern of REDOS_PATTERNS) {
    const ms = await page.evaluate(
      ({ pattern, answer, runs }) => {
        const forms = (window as unknown as { hallForms: typeof import('../electron/core/forms/validate.js') }).hallForms;
        const msgs = forms.formMessagesFrom({ zh: {}, bo: {}, ug: {} });
        const field = { code: 'n', type: 'longtext' as const, label: { zh: 'n', bo: 'n', ug: 'n' }, required: false, personal: false, maxLength: 10_000, pattern };
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          forms.validateField(field, answer, { lang: 'zh', today: '2026-12-01', messages: msgs });
          out.push(performance.now() - t);
        }
        return out;
      },
      { pattern, answer: nearMiss(pattern), runs: RUNS },
    );
    chromium[pattern] = summary(ms);
  }
} finally {
  await browser.close();
}

const worst = Math.max(...Object.values(node).map((s) => s.max), ...Object.values(chromium).map((s) => s.max));
console.log(JSON.stringify({ answerBytes: 10_000, runs: RUNS, node, chromium, worstMs: worst, targetMaxMs: 50, withinTarget: worst <= 50 }));
