// Translation review in Debian Chromium against a real hall server: a Tibetan text changed
// on the admin page's review section shows on the kiosk after a page reload (no restart),
// and the Uyghur opening hours on a closed service tile keep their order (09:00 before
// 12:00, left to right) inside the right-to-left tile.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { ADMIN_PASSWORD, api, startTestHall, type TestHall } from '../support/hall.js';

const SHOTS = join(process.cwd(), 'test-results', 'translations');
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'admin.js');

const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

async function openKiosk(browser: Browser, hall: TestHall): Promise<Page> {
  const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`kiosk page error: ${e.message}`));
  await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
  await tappable(page, 'attract-start').waitFor();
  return page;
}

describe('translation review in the browser', () => {
  let hall: TestHall;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/admin.js is missing: run `node scripts/build.mjs` first (npm test does)');
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('a Tibetan text edited on the review page shows on the kiosk after a reload, without a restart', async () => {
    const shipped = (await api<Record<string, Record<string, string>>>(hall.url, 'GET', '/locales/bo/kiosk.json')).body.Attract!.touchToStart!;
    const kiosk = await openKiosk(browser, hall);
    assert.ok((await kiosk.getByTestId('attract-start').innerText()).includes(shipped));

    const admin = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    admin.on('pageerror', (e) => assert.fail(`admin page error: ${e.message}`));
    await admin.goto(`${hall.url}/admin#translations`);
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await admin.getByRole('heading', { name: '译文审校' }).waitFor();
    await admin.getByLabel('搜索').fill('Attract.touchToStart');
    const field = admin.getByTestId('tr-bo-kiosk-Attract.touchToStart');
    await field.waitFor();
    assert.equal(await field.inputValue(), shipped);
    const edited = 'ཨང་ཤོག་ལེན་པར་བརྙན་ཡོལ་འདི་ལ་རེག་རོགས།';
    await field.fill(edited);
    await admin.getByTestId('save-bo-kiosk-Attract.touchToStart').click();
    const row = admin.locator('[data-key="kiosk/Attract.touchToStart"] [data-lang="bo"]');
    await row.getByText('本厅已修改').waitFor();
    assert.match(await row.innerText(), /admin 于 .* 审校/);
    await admin.screenshot({ path: join(SHOTS, 'review-page.png') });

    // The Uyghur cell of the same key was not touched: still "not yet reviewed".
    await admin.getByLabel('只看未审校').check();
    await admin.locator('[data-key="kiosk/Attract.touchToStart"]').waitFor();

    // The kiosk picks the edit up on its next page load; the server was never restarted.
    await kiosk.reload();
    await tappable(kiosk, 'attract-start').waitFor();
    const after = await kiosk.getByTestId('attract-start').innerText();
    assert.ok(after.includes(edited), after);
    assert.ok(!after.includes(shipped));
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-after-edit.png') });
    await kiosk.context().close();
    await admin.context().close();
  });

  it('a reviewed Uyghur text reaches the resident\'s phone page too', async () => {
    const code = 'بېلەت ھالىتى (تەكشۈرۈلگەن)';
    assert.equal((await api(hall.url, 'PUT', '/api/translations/ug/phone/code', hall.adminToken, { text: code })).status, 200);
    const issued = await api<{ code: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'ug' });
    assert.equal(issued.status, 201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(hall.url + new URL(issued.body.statusUrl).pathname);
      await page.getByText(code).waitFor({ timeout: 5000 });
    } finally {
      await context.close();
    }
  });

  it('keeps Uyghur opening hours in order on a closed service tile (bidi isolate)', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    try {
      page.on('pageerror', (e) => assert.fail(`kiosk page error: ${e.message}`));
      // The demo hall is open round the clock: the answer is rewritten so one service is closed.
      await page.route('**/api/services', async (route) => {
        const res = await route.fetch();
        const list = (await res.json()) as { id: string }[];
        await route.fulfill({
          response: res,
          json: list.map((s) => (s.id === 'proxy' ? { ...s, open: false, openFrom: '09:00', openTo: '12:00', todayHours: [['09:00', '12:00']] } : s)),
        });
      });
      await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
      await tappable(page, 'attract-start').tap();
      await tappable(page, 'language-ug').tap();
      const tile = page.getByTestId('service-proxy');
      await tile.waitFor();
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      const closed = tile.locator('.service-closed');
      const text = await closed.textContent();
      assert.ok(text?.includes('\u206809:00–12:00\u2069'), `isolated range in ${JSON.stringify(text)}`);
      // Where the two times are drawn: 09:00 must sit left of 12:00, as a time range is read.
      // A string, not a function: tsx would wrap a function's inner helpers in __name().
      const boxes = (await page.evaluate(`(() => {
        const el = document.querySelector('[data-testid="service-proxy"] .service-closed');
        const at = (needle) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.textContent.indexOf(needle);
            if (i < 0) continue;
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + needle.length);
            const b = r.getBoundingClientRect();
            return { left: b.left, right: b.right, top: b.top };
          }
          return null;
        };
        return { from: at('09:00'), to: at('12:00'), word: at('ۋاقتى') };
      })()`)) as Record<'from' | 'to' | 'word', { left: number; right: number; top: number } | null>;
      assert.ok(boxes.from && boxes.to && boxes.word, JSON.stringify(boxes));
      assert.equal(Math.round(boxes.from.top), Math.round(boxes.to.top), 'on one line');
      assert.ok(boxes.from.right <= boxes.to.left, `09:00 (${boxes.from.left}) drawn left of 12:00 (${boxes.to.left})`);
      // The words around it are still laid out right to left (the tile did not turn LTR).
      if (Math.round(boxes.word.top) === Math.round(boxes.to.top)) assert.ok(boxes.to.right <= boxes.word.left, JSON.stringify(boxes));
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await tile.screenshot({ path: join(SHOTS, 'ug-closed-hours.png') });
    } finally {
      await context.close();
    }
  });
});
