// The resident's phone page fits small and large phones (issue 16): from 360×640 to 430×932,
// in each language, waiting and then rating (with the reason chips open), no sideways
// scroll, no text spilling out of its box, the five rating faces on screen with labels of
// 16 px or more, and one <h1> (the ticket code). One page per language, resized in place.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium, ROOT } from './counter-harness.js';

const SIZES = [
  { width: 360, height: 640 },
  { width: 375, height: 667 },
  { width: 390, height: 844 },
  { width: 412, height: 915 },
  { width: 430, height: 932 },
];

let hall: TestHall;
let browser: Browser;
let staff: string;

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  staff = await staffToken(hall, 'phone-fit');
  await api(hall.url, 'POST', '/api/counters/counter-4/open', staff, { languages: ['zh', 'bo', 'ug'] });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await hall?.stop();
});

function problems(page: Page, faces: boolean) {
  return page.evaluate((faces) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth) out.push(`scrolls sideways: ${doc.scrollWidth} > ${innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main, main *')) {
      if (el.offsetParent === null || el instanceof SVGElement) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`${el.tagName}.${el.className} overflows: ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > innerWidth + 0.5) out.push(`${el.tagName}.${el.className} outside the width: ${r.left}–${r.right}`);
    }
    if (document.querySelectorAll('h1').length !== 1) out.push('not exactly one <h1>');
    if (faces) {
      const all = [...document.querySelectorAll<HTMLElement>('[data-testid^=face-]')];
      if (all.length !== 5) out.push(`${all.length} faces`);
      for (const f of all) {
        const r = f.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) out.push(`${f.dataset.testid} not on screen: ${JSON.stringify(r)}`);
        const size = parseFloat(getComputedStyle(f.querySelector('span')!).fontSize);
        if (size < 16) out.push(`${f.dataset.testid} label ${size}px`);
      }
    }
    return out;
  }, faces);
}

async function walk(page: Page, label: string, faces: boolean): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (faces) await page.getByTestId('face-5').scrollIntoViewIfNeeded();
    const name = `${label}-${size.width}x${size.height}`;
    if (size.width === 360) await page.screenshot({ path: join(ROOT, 'test-results', 'phone', `fit-${name}.png`), fullPage: true });
    assert.deepEqual(await problems(page, faces), [], name);
  }
}

for (const lang of ['zh', 'bo', 'ug'] as const) {
  test(`the phone page fits 360×640 to 430×932 in ${lang}`, async () => {
    mkdirSync(join(ROOT, 'test-results', 'phone'), { recursive: true });
    const issued = await api<{ id: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'bus-card', language: lang });
    assert.equal(issued.status, 201);
    const ctx = await browser.newContext({ viewport: SIZES[0], isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await ctx.newPage();
    await page.goto(hall.url + new URL(issued.body.statusUrl).pathname);
    await page.getByTestId('ahead').waitFor();
    await walk(page, `${lang}-waiting`, false);

    assert.equal((await api(hall.url, 'POST', `/api/counters/counter-4/call/${issued.body.id}`, staff)).status, 200);
    await page.getByTestId('go-to-counter').waitFor();
    await walk(page, `${lang}-called`, false);
    await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/start`, staff);
    await api(hall.url, 'POST', `/api/tickets/${issued.body.id}/finish`, staff);
    await page.getByTestId('face-5').waitFor();
    await walk(page, `${lang}-rating`, true);
    await page.getByTestId('face-1').tap();
    await page.getByTestId('reasons').waitFor();
    await walk(page, `${lang}-reasons`, true);
    await ctx.close();
  });
}
