// Shared by the kiosk fit suite (kioskFit.test.ts) and the resident test (kioskResident.test.ts):
// the kiosk sizes halls buy, a tap that turns pages to reach a control, and the fit check of
// the screen on show, run at every size by resizing one page, in normal and large text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** 16:9, 16:10 and 4:3 panels, landscape and portrait, from 1024×768 to 1920×1080 and 768×1024 to 1080×1920. */
export const KIOSK_VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1080, height: 1920 },
  { width: 800, height: 1280 },
  { width: 768, height: 1024 },
] as const;

export const SHOTS = join(process.cwd(), 'test-results', 'kiosk-fit');

/** A control a resident could tap now: on screen and past its settle time (see TapButton). */
export const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

/** Taps a control, turning the pages of a paged list (services, choices, review) until it shows. */
export async function tap(page: Page, testId: string): Promise<void> {
  await reveal(page, testId);
  await tappable(page, testId).tap();
}

/** Turns the pages of the paged list on screen until the control is on the page shown. */
export async function reveal(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if ((await page.getByTestId(testId).count()) > 0) break;
    if ((await page.locator('[data-testid="pager-next"]:not([disabled])').count()) === 0) break;
    const position = await page.getByTestId('pager-position').getAttribute('data-page');
    await tappable(page, 'pager-next').tap();
    await page.waitForFunction((p) => document.querySelector('[data-testid="pager-position"]')?.getAttribute('data-page') !== p, position);
  }
}

/** Waits until the screen has fitted itself: its fit scale and page cuts unchanged over a few frames. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(SETTLE_SOURCE);
}

// In-page code is passed as source text: the test runner's transform would wrap named
// functions in a helper the page lacks.
const SETTLE_SOURCE = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
  const state = () => [...document.querySelectorAll('.screen, .paged')].map((e) => (e.dataset.fit || '') + '/' + (e.dataset.starts || '') + '/' + (e.dataset.page || '')).join(',');
  let last = '';
  for (let i = 0, same = 0; i < 40 && same < 3; i++) {
    await frame();
    const now = state();
    same = now === last ? same + 1 : 0;
    last = now;
  }
})()`;

export interface FitOptions {
  /** A selector for the screen's primary action, which must be wholly on screen. */
  primary?: string;
  /** Screenshot name prefix: a picture is kept of the first check of each screen at each size. */
  shot?: string;
  /** Only these sizes, in large text (TIGHT_SIZES): a quick check of the sizes that fill up first. */
  tightOnly?: boolean;
}

/**
 * The sizes a crowded screen fills first, in large text: the 4:3 landscape panel, the 16:10
 * landscape one (question beside the keyboard, little height) and the narrowest portrait one
 * (13-key rows on two lines).
 */
export const TIGHT_SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
] as const;

/**
 * The screen on show fits: no page scroll, every visible element inside the window (and inside
 * its paged list's box), no text wider or taller than its box, the primary action on screen.
 * Returns the problems found (empty when it fits).
 */
export async function fitProblems(page: Page, primary?: string): Promise<string[]> {
  return page.evaluate(`((primary) => {
    const problems = [];
    const W = window.innerWidth;
    const H = window.innerHeight;
    const doc = document.documentElement;
    if (doc.scrollHeight > H + 1) problems.push(\`the page scrolls: \${doc.scrollHeight} > \${H}\`);
    if (doc.scrollWidth > W + 1) problems.push(\`the page scrolls sideways: \${doc.scrollWidth} > \${W}\`);
    const name = (el) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 24);
      return \`\${el.tagName.toLowerCase()}\${id ? \`[\${id}]\` : ''}.\${String(el.className).split(' ').filter(Boolean).join('.')} "\${text}"\`;
    };
    for (const el of document.querySelectorAll('main *, main')) {
      if (el.closest('.paged-measure, [aria-hidden="true"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'contents') continue;
      if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) problems.push(\`outside the window: \${name(el)} \${Math.round(r.left)},\${Math.round(r.top)}–\${Math.round(r.right)},\${Math.round(r.bottom)}\`);
      const area = el.closest('.paged-area');
      if (area && el.parentElement?.classList.contains('paged-list')) {
        const a = area.getBoundingClientRect();
        if (r.bottom > a.bottom + 1 || r.top < a.top - 1) problems.push(\`cut off by its page: \${name(el)}\`);
      }
      // Content spilling out of its box overlaps what follows (a keyboard taller than its row above Next);
      // as for buttons below, a font's ascent and descent past a tight line height are allowed.
      if (!el.closest('button, .paged-area') && cs.overflowY === 'visible' && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1 + 0.2 * parseFloat(cs.fontSize)) problems.push(\`spills out of its box: \${name(el)} \${el.scrollHeight} > \${el.clientHeight}\`);
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      if (hasText && cs.display !== 'inline') {
        if (el.scrollWidth > el.clientWidth + 1) problems.push(\`text wider than its box: \${name(el)} \${el.scrollWidth} > \${el.clientWidth}\`);
        // A font's ascent and descent reach past a line-height of 1 without any text spilling: a fifth of the size is allowed.
        if (el.tagName === 'BUTTON' && el.scrollHeight > el.clientHeight + 1 + 0.2 * parseFloat(cs.fontSize)) problems.push(\`text taller than its button: \${name(el)} \${el.scrollHeight} > \${el.clientHeight}\`);
      }
    }
    if (primary) {
      const p = document.querySelector(primary);
      if (!p) problems.push(\`no primary action \${primary}\`);
      else {
        const r = p.getBoundingClientRect();
        if (r.width === 0 || r.top < 0 || r.bottom > H || r.left < 0 || r.right > W) problems.push(\`primary action \${primary} not wholly on screen\`);
      }
    }
    return problems;
})(${JSON.stringify(primary ?? null)})`) as Promise<string[]>;
}

/**
 * Checks the screen on show at every kiosk size, in normal and large text (the class the
 * language screen's switch sets), or only at TIGHT_SIZES in large text (`tightOnly`), and
 * returns the problems, each labelled with its size.
 */
export async function checkFit(page: Page, label: string, opts: FitOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const start = page.viewportSize();
  const wasLarge = await page.evaluate(() => document.documentElement.classList.contains('large-text'));
  for (const large of opts.tightOnly ? [true] : [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle('large-text', on), large);
    for (const vp of opts.tightOnly ? TIGHT_SIZES : KIOSK_VIEWPORTS) {
      await page.setViewportSize(vp);
      await settled(page);
      for (const p of await fitProblems(page, opts.primary)) found.push(`${label} @${vp.width}×${vp.height}${large ? ' large' : ''}: ${p}`);
      if (opts.shot) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${opts.shot}-${vp.width}x${vp.height}${large ? '-large' : ''}.png`) });
      }
    }
  }
  await page.evaluate((on) => document.documentElement.classList.toggle('large-text', on), wasLarge);
  if (start) await page.setViewportSize(start);
  await settled(page);
  return found;
}
