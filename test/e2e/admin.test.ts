// The admin page in Debian Chromium against a real hall server on 127.0.0.1: login, devices
// (token shown once, pairing URL works, revoke stops it), staff accounts, the read-only
// catalogue, today's statistics (live over WebSocket), the security notice, and each
// section in each language (screenshots under test-results/admin/).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { attachPersonalDataKey, type PersonalDataKeySource, type PersonalDataKeyStatusLike } from '../../electron/server/http/routes/security.js';
import { EscPosPeer } from '../print/escposPeer.js';
import { ADMIN_PASSWORD, api, startTestHall, type TestHall } from '../support/hall.js';

const SHOTS = join(process.cwd(), 'test-results', 'admin');
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'admin.js');

interface Service {
  id: string;
  prefix: string;
  names: { zh: string; bo: string; ug: string };
}

describe('admin page', () => {
  let hall: TestHall;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let peer: EscPosPeer;

  before(async () => {
    peer = await EscPosPeer.start();
    assert.ok(existsSync(BUNDLE), 'dist/renderer/admin.js is missing: run `node scripts/build.mjs` first (npm test does)');
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await hall?.stop();
    await peer?.close();
  });

  const section = async (name: RegExp | string) => {
    await page.getByRole('navigation').getByRole('button', { name }).click();
  };

  it('refuses a wrong password, then logs in as admin in Chinese', async () => {
    await page.goto(`${hall.url}/admin`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').waitFor();
    assert.ok((await page.getByRole('alert').innerText()).length > 0);
    await page.screenshot({ path: join(SHOTS, 'zh-login-error.png') });

    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation').waitFor();
    await page.getByText('已登录：admin').waitFor();
  });

  it('creates a kiosk device: token shown once with pairing URL and QR; the token works until revoked', async () => {
    await section('设备');
    await page.getByLabel('设备名称').fill('东门取号机');
    await page.getByLabel('类型').selectOption('kiosk');
    await page.getByRole('button', { name: '新建设备' }).click();
    const card = page.getByTestId('pairing');
    await card.waitFor();
    const url = await page.getByTestId('pairing-url').inputValue();
    const m = /^(http:\/\/127\.0\.0\.1:\d+)\/kiosk#token=([^&\s]+)$/.exec(url);
    assert.ok(m, `pairing URL ${url}`);
    assert.equal(m[1], hall.url);
    const token = decodeURIComponent(m[2]!);
    const qr = await card.locator('img.qr').getAttribute('src');
    assert.match(qr ?? '', /^data:image\/png;base64,/);
    // Opened on 127.0.0.1, the page warns that a kiosk elsewhere cannot use this address.
    await page.getByTestId('loopback-warning').waitFor();
    await page.screenshot({ path: join(SHOTS, 'zh-devices-pairing.png') });

    // The token is a real kiosk token: it reads services.
    assert.equal((await api(hall.url, 'GET', '/api/services', token)).status, 200);

    // Once closed, the token is gone from the page for good.
    await page.getByRole('button', { name: '已完成配对，关闭' }).click();
    assert.equal(await page.getByTestId('pairing').count(), 0);
    assert.equal(await page.content().then((html) => html.includes(token)), false);

    // Revoke asks once more, then the token stops working at once.
    const row = page.locator('tr', { hasText: '东门取号机' });
    await row.getByRole('button', { name: '撤销' }).click();
    await row.getByRole('button', { name: '确定撤销' }).click();
    await row.getByText('已撤销').waitFor();
    assert.equal((await api(hall.url, 'GET', '/api/services', token)).status, 401);
  });

  it('creates a display device with a /display pairing URL', async () => {
    await page.getByLabel('设备名称').fill('候诊区电视');
    await page.getByLabel('类型').selectOption('display');
    await page.getByRole('button', { name: '新建设备' }).click();
    const url = await page.getByTestId('pairing-url').inputValue();
    const token = decodeURIComponent(/\/display#token=(.+)$/.exec(url)?.[1] ?? '');
    assert.ok(token.length > 20);
    assert.equal((await api(hall.url, 'GET', '/api/board', token)).status, 200);
    await page.getByRole('button', { name: '已完成配对，关闭' }).click();
  });

  it('creates staff accounts and refuses a short password before sending it', async () => {
    await section('工作人员账号');
    const before = (await api<unknown[]>(hall.url, 'GET', '/api/staff', hall.adminToken)).body.length;
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByText('密码太短').waitFor();
    assert.equal((await api<unknown[]>(hall.url, 'GET', '/api/staff', hall.adminToken)).body.length, before);

    await page.getByLabel('密码', { exact: true }).fill('counter-pass-1');
    await page.locator('select[name="newRole"]').selectOption('staff');
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByTestId('staff-table').getByRole('cell', { name: 'zhangsan' }).waitFor();
    const login = await api<{ staff: { role: string } }>(hall.url, 'POST', '/api/session', null, { username: 'zhangsan', password: 'counter-pass-1' });
    assert.equal(login.status, 200);
    assert.equal(login.body.staff.role, 'staff');

    // A taken user name comes back from the server as a readable error, not a crash.
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('密码', { exact: true }).fill('another-pass-2');
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByRole('alert').waitFor();
  });

  it('shows services in three scripts and counters with their services', async () => {
    await section('服务事项');
    const services = (await api<Service[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body;
    assert.ok(services.length >= 5);
    const table = page.getByTestId('services-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), services.length);
    for (const s of services) {
      const row = table.locator('tbody tr', { hasText: s.names.zh });
      assert.equal(await row.locator('td[lang="bo"]').innerText(), s.names.bo);
      assert.equal(await row.locator('td[lang="ug"]').innerText(), s.names.ug);
    }
    // Editing opens a form only on request (test/e2e/adminSetup.test.ts covers the forms).
    assert.equal(await page.locator('main form').count(), 0);
    await section('窗口');
    await page.getByTestId('counters-table').waitFor();
    assert.equal(await page.getByTestId('counters-table').locator('tbody tr').count(), 6);
  });

  it("counts today's tickets per service and updates live", async () => {
    const services = (await api<Service[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body;
    const a = services[0]!;
    const b = services[1]!;
    const issue = async (serviceId: string, key: string) => {
      const r = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language: 'bo' }, { 'Idempotency-Key': key });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    await issue(a.id, 'admin-stats-1');
    await issue(a.id, 'admin-stats-2');
    await issue(b.id, 'admin-stats-3');
    // Serve one ticket of service a to the end at a counter that serves it.
    const counters = (await api<{ id: string; services: { serviceId: string }[] }[]>(hall.url, 'GET', '/api/counters', hall.adminToken)).body;
    const counter = counters.find((c) => c.services.some((s) => s.serviceId === a.id));
    assert.ok(counter);
    assert.equal((await api(hall.url, 'POST', `/api/counters/${counter.id}/open`, hall.adminToken, { languages: ['zh', 'bo'] })).status, 200);
    const called = await api<{ ticket: { id: string; serviceId: string } }>(hall.url, 'POST', `/api/counters/${counter.id}/call-next`, hall.adminToken, {});
    assert.equal(called.status, 200);
    const ticketId = called.body.ticket.id;
    const servedService = called.body.ticket.serviceId;
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${ticketId}/start`, hall.adminToken, {})).status, 200);
    assert.equal((await api(hall.url, 'POST', `/api/tickets/${ticketId}/finish`, hall.adminToken, {})).status, 200);

    await section('今日统计');
    const table = page.getByTestId('stats-table');
    await table.waitFor();
    await page.getByText('实时更新中').waitFor();
    const cell = (serviceId: string, col: string) => table.locator(`tr[data-service-id="${serviceId}"] td[data-col="${col}"]`);
    const expectCell = async (serviceId: string, col: string, text: string) => {
      await page.waitForFunction(
        ([sel, want]) => document.querySelector(sel!)?.textContent === want,
        [`[data-testid="stats-table"] tr[data-service-id="${serviceId}"] td[data-col="${col}"]`, text],
      );
    };
    // Every ticket: 3 issued in all, 1 done; the served one belongs to the service it was called from.
    await expectCell('total', 'taken', '3');
    await expectCell('total', 'served', '1');
    await expectCell('total', 'waiting', '2');
    await expectCell(servedService, 'served', '1');
    assert.notEqual(await cell(servedService, 'serviceMeanSeconds').innerText(), '—');
    assert.notEqual(await cell(servedService, 'waitMeanSeconds').innerText(), '—');
    const untouched = services.find((s) => s.id !== a.id && s.id !== b.id)!;
    await expectCell(untouched.id, 'taken', '0');
    assert.equal(await cell(untouched.id, 'waitMeanSeconds').innerText(), '—');

    // A ticket issued while the page is open appears without pressing refresh (WebSocket).
    await issue(untouched.id, 'admin-stats-4');
    await expectCell(untouched.id, 'taken', '1');
    await expectCell('total', 'taken', '4');
  });

  it('sets up the printer, test-prints, previews a ticket and shows a failed job with its reason', async () => {
    await section('打印机');
    const state = page.getByTestId('printer-state');
    await page.waitForFunction(() => document.querySelector('[data-testid="printer-state"]')?.getAttribute('data-state') === 'no_printer');
    assert.match(await state.innerText(), /未设置打印机/);

    // A malformed address is refused on the page, before anything is sent.
    await page.getByLabel('打印机地址').fill('http://printer');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('地址格式不对').waitFor();

    await page.getByLabel('打印机地址').fill(peer.address);
    await page.getByRole('radio', { name: '58 毫米（384 点）' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存。').waitFor();
    const saved = await api<{ config: { address: string; paperWidth: number } }>(hall.url, 'GET', '/api/printer', hall.adminToken);
    assert.deepEqual(saved.body.config, { address: peer.address, paperWidth: 384 });
    await page.getByRole('button', { name: '立即检查' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="printer-state"]')?.getAttribute('data-state') === 'ready');

    const printedBefore = peer.jobs.length;
    await page.getByRole('button', { name: '打印测试页' }).click();
    await page.getByText('测试页已打印。').waitFor();
    assert.equal(peer.jobs.length, printedBefore + 1);

    // A ticket issued now is printed; its preview is the 384-dot raster, or 576 on request.
    const services = (await api<Service[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body;
    const issued = await api<{ id: string; code: string; print: { state: string } }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: services[2]!.id, language: 'ug' }, { 'Idempotency-Key': 'admin-print-1' });
    assert.equal(issued.status, 201);
    await page.reload();
    const preview = page.getByTestId('ticket-preview');
    await page.locator('select[name="previewTicket"]').selectOption({ label: issued.body.code });
    await page.waitForFunction(() => (document.querySelector('[data-testid="ticket-preview"]') as HTMLImageElement | null)?.naturalWidth === 384);
    await page.locator('select[name="previewWidth"]').selectOption('576');
    await page.waitForFunction(() => (document.querySelector('[data-testid="ticket-preview"]') as HTMLImageElement | null)?.naturalWidth === 576);
    assert.ok(await preview.isVisible());
    await page.screenshot({ path: join(SHOTS, 'zh-printer-preview.png'), fullPage: true });

    // Paper runs out: the status says so, the next ticket's job fails with the reason, and a
    // reprint after refilling prints it.
    peer.mode = 'paper-out';
    await page.getByRole('button', { name: '立即检查' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="printer-state"]')?.getAttribute('data-state') === 'paper_out');
    assert.match(await state.innerText(), /缺纸/);
    const failed = await api<{ id: string; code: string; print: { state: string; reason?: string } }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: services[2]!.id, language: 'bo' }, { 'Idempotency-Key': 'admin-print-2' });
    assert.equal(failed.status, 201);
    const row = page.getByTestId('jobs-table').locator('tbody tr', { hasText: failed.body.code });
    await row.and(page.locator('[data-job-state="failed"]')).waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /缺纸/);
    await page.screenshot({ path: join(SHOTS, 'zh-printer-failed-job.png'), fullPage: true });
    peer.mode = 'normal';
    await row.getByRole('button', { name: '重新打印' }).click();
    await row.and(page.locator('[data-job-state="printed"]')).waitFor({ timeout: 15_000 });
  });

  it('reports a headless server as using no OS secret store, with no warning', async () => {
    const line = page.getByTestId('security-line');
    await line.waitFor();
    assert.equal(await line.getAttribute('data-protection'), 'none');
    assert.equal(await page.getByTestId('security-warning').count(), 0);
    // The data key's fingerprint, and that no backup of it has been confirmed yet.
    const keyLine = page.getByTestId('data-key-line');
    await keyLine.waitFor();
    assert.equal(await keyLine.getAttribute('data-backup'), 'no');
    assert.match((await keyLine.textContent()) ?? '', /k1-[0-9a-f]{16}/);
  });

  it('warns about a basic_text key until an admin acknowledges the risk', async () => {
    let ack: { by: string; at: string } | null = null;
    const status = (): PersonalDataKeyStatusLike => ({
      protection: 'basic_text',
      backend: 'basic_text',
      riskAcknowledged: ack,
      personalDataAllowed: ack !== null,
      problem: ack ? null : 'basic_text_not_acknowledged',
    });
    const keyring: PersonalDataKeySource = {
      status,
      acknowledgeBasicTextRisk(by) {
        ack = { by, at: new Date().toISOString() };
        return status();
      },
    };
    attachPersonalDataKey(hall.server.context, keyring);
    // Staff may not read or acknowledge it.
    const staffToken = (await api<{ token: string }>(hall.url, 'POST', '/api/session', null, { username: 'zhangsan', password: 'counter-pass-1' })).body.token;
    assert.equal((await api(hall.url, 'POST', '/api/security/acknowledge', staffToken, {})).status, 403);
    assert.equal(ack, null);

    await page.reload();
    const warning = page.getByTestId('security-warning');
    await warning.waitFor();
    await page.screenshot({ path: join(SHOTS, 'zh-security-warning.png') });
    await warning.getByRole('button', { name: '我了解此风险，继续使用' }).click();
    await page.getByTestId('security-line').waitFor();
    assert.equal(await page.getByTestId('security-warning').count(), 0);
    assert.equal((ack as { by: string } | null)?.by, 'admin');
    const after = await api<{ personalDataKey: { acknowledged: boolean; protection: string } }>(hall.url, 'GET', '/api/security', hall.adminToken);
    assert.deepEqual([after.body.personalDataKey.protection, after.body.personalDataKey.acknowledged], ['basic_text', true]);
  });

  it('switches to Tibetan and Uyghur (rtl) and keeps the choice across a reload', async () => {
    // The first sections of the navigation, in order (renderer/admin/App.tsx); other helpers add more after them.
    const sections = ['stats', 'services', 'counters', 'hall', 'staff', 'devices', 'audit', 'printer'];
    for (const [lang, label, dir] of [
      ['bo', 'བོད་ཡིག', 'ltr'],
      ['ug', 'ئۇيغۇرچە', 'rtl'],
      ['zh', '中文', 'ltr'],
    ] as const) {
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(await page.locator('html').getAttribute('dir'), dir);
      const nav = page.getByRole('navigation').getByRole('button');
      assert.ok((await nav.count()) >= sections.length);
      for (let i = 0; i < sections.length; i++) {
        await nav.nth(i).click();
        await page.waitForTimeout(150); // let the section's first fetch render before the screenshot
        await page.screenshot({ path: join(SHOTS, `${lang}-${sections[i]}.png`), fullPage: true });
      }
    }
    await page.getByRole('button', { name: 'ئۇيغۇرچە', exact: true }).click();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ug');
    await page.getByRole('button', { name: '中文', exact: true }).click();
  });

  it('logs out; a session ended elsewhere sends the page back to login', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('hall.admin.session')), null);

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation').waitFor();
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hall.admin.session') ?? '{}') as { token?: string }).token ?? '');
    assert.equal((await api(hall.url, 'DELETE', '/api/session', token)).status, 204);
    await section('设备');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();

    // A staff (non-admin) account is told the page needs an admin account.
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('密码').fill('counter-pass-1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('此账号不是管理员账号').waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  });
});
