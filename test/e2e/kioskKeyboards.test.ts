// The kiosk's on-screen keyboards in Debian Chromium with touch emulation, on the keyboard
// try-out page (/kiosk?view=keyboards): Chinese 北京 and 身份证 through pinyin word candidates,
// Tibetan བཀྲ་ཤིས through the subjoin key, Uyghur ئۇيغۇر right to left, the numeric pad, and
// the idle wipe of what was typed. Screenshots go to test-results/kiosk/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startTestHall, type TestHall } from '../support/hall.js';

const SHOTS = join(process.cwd(), 'test-results', 'kiosk');
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'kiosk.js');

const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

async function tapKeys(page: Page, prefix: string, ids: string[]): Promise<void> {
  for (const id of ids) await tappable(page, `${prefix}-${id}`).tap();
}

const output = (page: Page) => page.getByTestId('keyboard-output').innerText().then((s) => s.replace(/\u00A0/g, '').trim());

describe('kiosk on-screen keyboards', () => {
  let hall: TestHall;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/kiosk.js is missing: run `node scripts/build.mjs` first (npm test does)');
    // The pinyin dictionary the page fetches (skipped when already up to date).
    execFileSync(process.execPath, ['scripts/build-pinyin-dict.mjs', '--quiet']);
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
    context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
    page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${hall.url}/kiosk?view=keyboards&idle=600`);
    await tappable(page, 'pad-zh').waitFor();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await hall?.stop();
  });

  it('types 北京 and 身份证 in Chinese by choosing pinyin word candidates', async () => {
    await tappable(page, 'pad-zh').tap();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    await tapKeys(page, 'zh-key', [...'beijing']);
    assert.equal(await page.getByTestId('zh-composing').innerText(), 'beijing');
    const candidate = tappable(page, 'zh-candidate-北京');
    await candidate.waitFor();
    // The most frequent word for the spelling comes first.
    assert.equal(await page.locator('[data-testid^="zh-candidate-"]').first().innerText(), '北京');
    await page.screenshot({ path: join(SHOTS, 'keyboard-zh-candidates.png') });
    await candidate.tap();
    assert.equal(await output(page), '北京');
    assert.equal((await page.getByTestId('zh-composing').innerText()).trim(), '');

    await tapKeys(page, 'zh-key', [...'shenfenzheng']);
    await tappable(page, 'zh-candidate-身份证').tap();
    assert.equal(await output(page), '北京身份证');
    await tappable(page, 'zh-key-backspace').tap();
    assert.equal(await output(page), '北京身份');
    await page.screenshot({ path: join(SHOTS, 'keyboard-zh.png') });
  });

  it('types བཀྲ་ཤིས in Tibetan, stacking ར under ཀ with the subjoin key', async () => {
    await tappable(page, 'pad-bo').tap();
    assert.equal(await page.locator('html').getAttribute('lang'), 'bo');
    await tapKeys(page, 'bo-key', ['f', 'c']);
    await tappable(page, 'bo-key-subjoin').tap();
    await page.getByTestId('bo-subjoin-armed').waitFor();
    await tapKeys(page, 'bo-key', ['r']);
    assert.equal(await page.getByTestId('bo-subjoin-armed').count(), 0);
    // The big preview shows the syllable being built, with its stack.
    assert.equal(await page.getByTestId('bo-syllable').innerText(), 'བཀྲ');
    await page.screenshot({ path: join(SHOTS, 'keyboard-bo-stack.png') });
    await tapKeys(page, 'bo-key', ['j', 'x', 'i', 's']);
    assert.equal(await page.getByTestId('bo-syllable').innerText(), 'ཤིས');
    assert.equal(await output(page), 'བཀྲ་ཤིས');
    assert.equal(await output(page), '\u0F56\u0F40\u0FB2\u0F0B\u0F64\u0F72\u0F66');
    await page.screenshot({ path: join(SHOTS, 'keyboard-bo.png') });
  });

  it('types ئۇيغۇر in Uyghur, right to left', async () => {
    await tappable(page, 'pad-ug').tap();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ug');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await tapKeys(page, 'ug-key', ['/', 'u', 'y', 'c', 'u', 'r']);
    assert.equal(await output(page), 'ئۇيغۇر');
    assert.equal(await page.getByTestId('keyboard-output').getAttribute('dir'), 'rtl');
    // Shift reaches the letters on the second level (ف on Shift+f), once.
    await tappable(page, 'ug-key-shift').tap();
    await tapKeys(page, 'ug-key', ['f', 'f']);
    assert.equal(await output(page), 'ئۇيغۇرفا');
    await page.screenshot({ path: join(SHOTS, 'keyboard-ug.png') });
  });

  it('takes a resident ID with X only in last place, and a phone number without X', async () => {
    await tappable(page, 'pad-id').tap();
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    await tapKeys(page, 'num-key', [...'1101051949123100']);
    assert.equal(await page.locator('[data-testid="num-key-X"][disabled]').count(), 1);
    await tapKeys(page, 'num-key', ['2', 'X']);
    assert.equal(await output(page), '11010519491231002X');
    assert.equal(await page.locator('[data-testid="num-key-0"][disabled]').count(), 1, 'full after 18');
    await page.screenshot({ path: join(SHOTS, 'keyboard-id.png') });

    await tappable(page, 'pad-phone').tap();
    assert.equal(await page.getByTestId('num-key-X').count(), 0);
    await tapKeys(page, 'num-key', [...'13800138000']);
    assert.equal(await output(page), '13800138000');
    await page.screenshot({ path: join(SHOTS, 'keyboard-phone.png') });
  });

  it('wipes everything typed when left idle', async () => {
    await page.goto(`${hall.url}/kiosk?view=keyboards&idle=2&countdown=1.5`);
    await tappable(page, 'pad-ug').tap();
    await tapKeys(page, 'ug-key', ['f', 'l']);
    assert.equal(await output(page), 'ال');
    await page.getByTestId('idle-overlay').waitFor();
    await page.getByTestId('idle-overlay').waitFor({ state: 'detached', timeout: 5000 });
    // Back to the first keyboard, with nothing in it.
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    assert.equal(await output(page), '');
    await tappable(page, 'pad-ug').tap();
    assert.equal(await output(page), '');
  });
});
