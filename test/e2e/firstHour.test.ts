// A new hall's first hour, as docs/first-hour.md tells it, in Debian Chromium against a real
// hall server: pair a kiosk from the admin page, give a member of staff an account, open a
// counter and call the first ticket, then set up a new service in three languages and see
// it on the kiosk without a restart. The screenshots of the guide (docs/img/*.png) are made
// here, so the guide shows what the current build really looks like.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { ADMIN_PASSWORD, api, startTestHall, type TestHall } from '../support/hall.js';

// The guide's pictures are redrawn only when asked (UPDATE_DOCS=1), so a test run never
// leaves tracked files changed; otherwise they go to a temporary folder and are still taken.
const IMG = process.env.UPDATE_DOCS === '1' ? join(process.cwd(), 'docs', 'img') : mkdtempSync(join(tmpdir(), 'first-hour-'));
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'admin.js');

const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

async function shot(page: Page, name: string): Promise<void> {
  // Fonts are font-display: block; wait so the picture shows real glyphs.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(IMG, `${name}.png`) });
}

describe('a new hall\'s first hour (docs/first-hour.md)', () => {
  let hall: TestHall;
  let browser: Browser;
  let admin: Page;
  let kiosk: Page;
  let pairingUrl = '';

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/admin.js is missing: run `node scripts/build.mjs` first (npm test does)');
    mkdirSync(IMG, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    admin.on('pageerror', (e) => assert.fail(`admin page error: ${e.message}`));
  });

  after(async () => {
    await browser?.close();
    await hall?.stop();
    if (process.env.UPDATE_DOCS !== '1') rmSync(IMG, { recursive: true, force: true });
  });

  const section = async (name: string) => {
    await admin.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  };

  it('1. the admin logs in and creates a kiosk device: a pairing link and QR code, shown once', async () => {
    await admin.goto(`${hall.url}/admin`);
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill(ADMIN_PASSWORD);
    await shot(admin, '01-admin-login');
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await admin.getByRole('navigation').waitFor();
    await section('设备');
    await admin.getByLabel('设备名称').fill('东门取号机');
    await admin.getByLabel('类型').selectOption('kiosk');
    await admin.getByRole('button', { name: '新建设备' }).click();
    await admin.getByTestId('pairing').waitFor();
    pairingUrl = await admin.getByTestId('pairing-url').inputValue();
    assert.match(pairingUrl, /\/kiosk#token=.+/);
    await shot(admin, '02-admin-pairing');
    await admin.getByRole('button', { name: '已完成配对，关闭' }).click();
  });

  it('2. the pairing link, opened once on the kiosk, pairs it for good', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 } });
    kiosk = await context.newPage();
    kiosk.on('pageerror', (e) => assert.fail(`kiosk page error: ${e.message}`));
    await kiosk.goto(`${hall.url}/kiosk`);
    await kiosk.locator('[data-screen="pairing"]').waitFor();
    await shot(kiosk, '03-kiosk-not-paired');
    // From a blank page: a URL that differs only in its #fragment would not load afresh.
    await kiosk.goto('about:blank');
    await kiosk.goto(pairingUrl);
    await tappable(kiosk, 'attract-start').waitFor();
    // Paired: the token stays, a plain reload (no #token) still shows the attract screen.
    await kiosk.goto('about:blank');
    await kiosk.goto(`${hall.url}/kiosk`);
    await tappable(kiosk, 'attract-start').waitFor();
    await shot(kiosk, '04-kiosk-paired');
  });

  it('3. a staff account, then the counter console: log in, say which languages you speak, open counter 1, call', async () => {
    await section('工作人员账号');
    await admin.locator('input[name=newUsername]').fill('zhangsan');
    await admin.locator('input[name=newPassword]').fill('counter-pass-1');
    await admin.locator('select[name=newRole]').selectOption('staff');
    await admin.getByRole('button', { name: '新建账号' }).click();
    await admin.getByText('已创建账号 zhangsan').waitFor();

    const counter = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    counter.on('pageerror', (e) => assert.fail(`counter page error: ${e.message}`));
    await counter.goto(`${hall.url}/counter`);
    await counter.fill('input[name=username]', 'zhangsan');
    await counter.fill('input[name=password]', 'counter-pass-1');
    await counter.click('[data-testid=login-submit]');
    await counter.waitForSelector('[data-testid=open-counter-1]');
    for (const l of ['zh', 'bo'] as const) {
      const box = counter.locator(`[data-testid=spoken-${l}]`);
      if (!(await box.isChecked())) await box.click();
    }
    await shot(counter, '05-counter-choose');
    await counter.click('[data-testid=open-counter-1]');
    await counter.waitForSelector('[data-testid=console][data-status=online]');

    // A resident takes a ticket on the kiosk; the counter calls it.
    await tappable(kiosk, 'attract-start').tap();
    await tappable(kiosk, 'language-bo').tap();
    await tappable(kiosk, 'service-social-insurance').tap();
    await tappable(kiosk, 'priority-no').tap();
    const code = await kiosk.getByTestId('ticket-code').innerText();
    await shot(kiosk, '06-kiosk-ticket');
    await tappable(kiosk, 'ticket-done').tap();
    await counter.waitForSelector(`[data-testid=queue] [data-code="${code}"]`);
    await counter.click('[data-testid=action-callNext]');
    await counter.waitForSelector(`[data-testid=current-ticket][data-code="${code}"][data-state=called]`);
    await shot(counter, '07-counter-calling');
    await counter.context().close();
  });

  it('4. the admin sets up a new service in three languages; the kiosk offers it at once', async () => {
    // A prefix letter no service uses yet.
    const before = (await api<{ prefix: string }[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
    const prefix = [...'GKLMNPQRSTUVWXYZ'].find((l) => !before.some((s) => s.prefix === l))!;
    await section('服务事项');
    await admin.getByRole('button', { name: '新建事项' }).click();
    const form = admin.getByRole('form', { name: '新建事项' });
    await form.waitFor();
    await form.locator('input[name=service-name-zh]').fill('老年证办理');
    await form.locator('input[name=service-name-bo]').fill('རྒན་འཁོགས་ལག་འཁྱེར།');
    await form.locator('input[name=service-name-ug]').fill('ياشانغانلار گۇۋاھنامىسى');
    await form.locator('input[name=service-prefix]').fill(prefix);
    await form.locator('input[name=service-number-from]').fill('1');
    await form.locator('input[name=service-number-to]').fill('200');
    await form.locator('input[name=service-minutes]').fill('10');
    const active = form.locator('input[name=service-active]');
    if (!(await active.isChecked())) await active.check();
    const elderly = form.locator('input[name=service-icon][value=elderly]');
    if ((await elderly.count()) > 0) await elderly.check();
    // Open around the clock, so the kiosk offers it whatever time the test runs.
    await form.locator('input[name=service-open-from]').fill('00:00');
    await form.locator('input[name=service-open-to]').fill('24:00');
    await shot(admin, '08-admin-new-service');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await admin.getByText('已保存“老年证办理”').waitFor();
    await shot(admin, '09-admin-services');

    const services = (await api<{ id: string; prefix: string; names: { zh: string } }[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
    const created = services.find((s) => s.names.zh === '老年证办理');
    assert.ok(created, 'the kiosk API lists the new service');
    assert.equal(created.prefix, prefix);

    // The kiosk was never reloaded: the catalog event brings the new tile.
    await tappable(kiosk, 'attract-start').tap();
    await tappable(kiosk, 'language-ug').tap();
    // Ten services are more than one screen holds: the kiosk pages them; turn to the new tile's page.
    await kiosk.getByTestId('services-list').waitFor();
    for (let i = 0; i < 5 && (await kiosk.getByTestId(`service-${created.id}`).count()) === 0; i++) await tappable(kiosk, 'pager-next').tap();
    const tile = tappable(kiosk, `service-${created.id}`);
    await tile.waitFor();
    assert.ok((await tile.innerText()).includes('ياشانغانلار گۇۋاھنامىسى'));
    await shot(kiosk, '10-kiosk-new-service');
  });

  it('5. a landscape kiosk: the question and its answer beside the keyboard', async () => {
    await kiosk.setViewportSize({ width: 1920, height: 1080 });
    await tappable(kiosk, 'nav-home').tap();
    await tappable(kiosk, 'attract-start').tap();
    await tappable(kiosk, 'language-bo').tap();
    await kiosk.getByTestId('services-list').waitFor();
    for (let i = 0; i < 5 && (await kiosk.getByTestId('service-bus-card').count()) === 0; i++) await tappable(kiosk, 'pager-next').tap();
    await tappable(kiosk, 'service-bus-card').tap();
    await tappable(kiosk, 'priority-no').tap();
    await kiosk.locator('[data-testid="form-question"][data-field="name"]').waitFor();
    for (const k of ['c', 'r', 'j', 's', 'e', 'j']) await tappable(kiosk, `bo-key-${k}`).tap();
    const keyboard = await kiosk.getByTestId('keyboard-bo').boundingBox();
    const answer = await kiosk.getByTestId('form-text-value').boundingBox();
    assert.ok(keyboard && answer && answer.x + answer.width <= keyboard.x + 1, 'the answer sits beside the keyboard, not above it');
    assert.ok(await kiosk.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), 'no page scroll');
    await shot(kiosk, '11-kiosk-landscape');
  });
});
