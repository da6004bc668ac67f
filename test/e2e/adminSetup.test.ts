// Setup on the admin page in Debian Chromium against a real hall server on 127.0.0.1:
// a service created in three scripts appears on an already open kiosk (no reload, no restart)
// and issues a ticket; the statistics' XLSX download matches the tickets in the database;
// the calling policy's ageing limit is changed and audited. Screenshots: test-results/adminSetup/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { hallDay } from '../../electron/core/numbering.js';
import { ADMIN_PASSWORD, api, startTestHall, type TestHall } from '../support/hall.js';
import { reveal } from './kioskFitCheck.js';

const SHOTS = join(process.cwd(), 'test-results', 'adminSetup');

const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

const NAMES = { zh: '老年公交卡', bo: 'རྒན་འཁོགས་སྤྱི་སྤྱོད་རླངས་འཁོར་བྱང་བུ།', ug: 'ياشانغانلار ئاپتوبۇس كارتىسى' };

describe('admin setup page', () => {
  let hall: TestHall;
  let browser: Browser;
  let adminContext: BrowserContext;
  let kioskContext: BrowserContext;
  let admin: Page;
  let kiosk: Page;
  const cspErrors: string[] = [];

  before(async () => {
    assert.ok(existsSync(join(process.cwd(), 'dist', 'renderer', 'admin.js')), 'run `node scripts/build.mjs` first');
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    admin = await adminContext.newPage();
    admin.on('pageerror', (e) => assert.fail(`admin page error: ${e.message}`));
    admin.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    kioskContext = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
    kiosk = await kioskContext.newPage();
    kiosk.on('pageerror', (e) => assert.fail(`kiosk page error: ${e.message}`));
  });

  after(async () => {
    await adminContext?.close();
    await kioskContext?.close();
    await browser?.close();
    await hall?.stop();
  });

  const section = (name: string) => admin.getByRole('navigation').getByRole('button', { name, exact: true }).click();

  it('creates a service in three languages; the open kiosk shows it at once and issues its ticket', async () => {
    // The kiosk is up first, on the services screen, and is never reloaded (a long idle time,
    // so the admin's typing on a slow machine does not send it back to the attract screen).
    await kiosk.goto(`${hall.url}/kiosk?idle=900#token=${hall.kioskToken}`);
    await tappable(kiosk, 'attract-start').tap();
    await tappable(kiosk, 'language-bo').tap();
    await kiosk.locator('[data-screen="services"]').waitFor();

    await admin.goto(`${hall.url}/admin`);
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await admin.getByRole('navigation').waitFor();

    await section('服务事项');
    await admin.getByRole('button', { name: '新建事项' }).click();
    const form = admin.getByRole('form', { name: '新建事项' });
    await form.getByLabel('汉文', { exact: true }).fill(NAMES.zh);
    await form.getByLabel('藏文', { exact: true }).fill(NAMES.bo);
    await form.getByLabel('维吾尔文', { exact: true }).fill(NAMES.ug);
    await form.getByLabel('号码字母（一个大写字母）').fill('T');
    await form.getByLabel('预计办理时长（分钟）').fill('7');
    await form.locator('input[name="service-icon"][value="bus"]').check();
    // Open around the clock, so the test does not depend on the hour it runs at.
    await form.getByLabel('每日开始办理').fill('00:00');
    await form.getByLabel('每日结束办理').fill('24:00');
    await admin.screenshot({ path: join(SHOTS, 'zh-service-form.png'), fullPage: true });
    await form.getByRole('button', { name: '保存' }).click();
    await admin.getByText(`已保存“${NAMES.zh}”`).waitFor();

    const services = (await api<{ id: string; prefix: string; names: typeof NAMES; icon: string }[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body;
    const created = services.find((s) => s.prefix === 'T');
    assert.ok(created, 'the service exists on the server');
    assert.deepEqual(created.names, NAMES);
    assert.equal(created.icon, 'bus');
    await admin.getByTestId('services-table').locator(`tr[data-service-id="${created.id}"] td[lang="ug"]`, { hasText: NAMES.ug }).waitFor();

    // Live on the kiosk: the catalog event makes it refetch; no reload happened.
    // The services list is paged: turn to the page that shows the new tile once it arrived.
    for (let i = 0; i < 30 && (await kiosk.getByTestId(`service-${created.id}`).count()) === 0; i++) {
      await reveal(kiosk, `service-${created.id}`);
      if ((await kiosk.getByTestId(`service-${created.id}`).count()) === 0) await kiosk.waitForTimeout(500);
    }
    const tile = tappable(kiosk, `service-${created.id}`);
    await tile.waitFor({ timeout: 15_000 });
    assert.ok((await tile.innerText()).includes(NAMES.bo));
    assert.equal(await tile.locator('img[data-icon="bus"]').count(), 1);
    const loaded = await tile.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    assert.ok(loaded > 0, 'the pictogram loads');
    await kiosk.screenshot({ path: join(SHOTS, 'bo-kiosk-new-service.png') });
    await tile.tap();
    await tappable(kiosk, 'priority-no').tap();
    const ticketEl = kiosk.getByTestId('ticket');
    await ticketEl.waitFor();
    const id = await ticketEl.getAttribute('data-ticket-id');
    const ticket = await api<{ serviceId: string; code: string; language: string }>(hall.url, 'GET', `/api/tickets/${id}`, hall.adminToken);
    assert.equal(ticket.body.serviceId, created.id);
    assert.equal(ticket.body.code, 'T001');
    assert.equal(ticket.body.language, 'bo');

    // Refusals come back readable: a taken prefix, and a backwards number range naming its field.
    await admin.getByRole('button', { name: '新建事项' }).click();
    const again = admin.getByRole('form', { name: '新建事项' });
    await again.getByLabel('汉文', { exact: true }).fill('重复');
    await again.getByLabel('藏文', { exact: true }).fill('ཟློས།');
    await again.getByLabel('维吾尔文', { exact: true }).fill('تەكرار');
    await again.getByLabel('号码字母（一个大写字母）').fill('A');
    await again.getByRole('button', { name: '保存' }).click();
    await again.getByRole('alert').filter({ hasText: '该字母前缀已被其他事项使用' }).waitFor();
    await again.getByLabel('号码字母（一个大写字母）').fill('U');
    await again.getByLabel('每日起始号').fill('500');
    await again.getByLabel('每日截止号').fill('100');
    await again.getByRole('button', { name: '保存' }).click();
    await again.getByRole('alert').filter({ hasText: 'numberTo' }).waitFor();
    await again.getByRole('button', { name: '取消' }).click();
    const prefixes = (await api<{ prefix: string }[]>(hall.url, 'GET', '/api/services', hall.adminToken)).body.map((s) => s.prefix);
    assert.ok(!prefixes.includes('U'), 'nothing was saved');
  });

  it('downloads the statistics as XLSX matching the tickets in the database', async () => {
    // A few more tickets over several services, so the comparison has something to compare.
    for (const [serviceId, n] of [['enquiries', 3], ['household', 2]] as const) {
      for (let i = 0; i < n; i++) {
        assert.equal((await api(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language: 'ug' })).status, 201);
      }
    }
    await section('今日统计');
    await admin.getByTestId('stats-range').waitFor();
    await admin.locator('[data-testid="chart-services"] canvas').first().waitFor();
    await admin.getByTestId('stats-services').locator('tr[data-service-id="enquiries"] td[data-col="taken"]', { hasText: '3' }).waitFor();
    await admin.screenshot({ path: join(SHOTS, 'zh-stats.png'), fullPage: true });

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '下载 Excel 表格' }).click()]);
    const file = join(SHOTS, 'stats.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['按事项', '按窗口', '按小时', '语言', '按日', '合计', '表单'],
    );
    const day = hallDay(Date.now(), 'Asia/Shanghai');
    const expected = await hall.server.context.db.reader.all<{ name: string; n: number }>(
      'SELECT s.name_zh AS name, COUNT(t.id) AS n FROM services s LEFT JOIN tickets t ON t.issued_service_id = s.id AND t.day = ? GROUP BY s.id',
      [day],
    );
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.getCell('A1').value, '事项');
    assert.equal(sheet.getCell('C1').value, '取号数');
    const rows = new Map<string, unknown>();
    sheet.eachRow((row, i) => {
      if (i > 1) rows.set(String(row.getCell(1).value), row.getCell(3).value);
    });
    assert.equal(rows.size, expected.length);
    for (const e of expected) assert.equal(rows.get(e.name), e.n, e.name);
    assert.equal(rows.get(NAMES.zh), 1);
    const langs = wb.getWorksheet('语言')!;
    const byLang = new Map<string, unknown>();
    langs.eachRow((row, i) => {
      if (i > 1) byLang.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    assert.equal(byLang.get('维吾尔语'), 5);
    assert.equal(byLang.get('藏语'), 1);
    assert.deepEqual(cspErrors, [], 'the charts need no inline style or script');
  });

  it('changes the ageing limit of the calling policy; it is stored and audited', async () => {
    await section('大厅与叫号规则');
    const aging = admin.getByLabel('等候超时（分钟）');
    await aging.waitFor();
    assert.equal(await aging.inputValue(), '20');
    await aging.fill('35');
    await admin.getByRole('button', { name: '保存叫号规则' }).click();
    await admin.getByText('叫号规则已保存').waitFor();
    await admin.screenshot({ path: join(SHOTS, 'zh-hall-policy.png'), fullPage: true });
    const settings = await api<{ policy: { agingMinutes: number } }>(hall.url, 'GET', '/api/hall/settings', hall.adminToken);
    assert.equal(settings.body.policy.agingMinutes, 35);

    await section('操作日志');
    const table = admin.getByTestId('audit-table');
    await table.locator('tr[data-action="setup.policy.update"]', { hasText: 'agingMinutes: 20 → 35' }).waitFor();
    await table.locator('tr[data-action="setup.service.create"]').waitFor();
    await admin.getByLabel('类别').selectOption('setup.');
    await table.locator('tr[data-action="login.ok"]').first().waitFor({ state: 'detached' });
    assert.ok((await table.locator('tbody tr').count()) >= 2);
    await admin.screenshot({ path: join(SHOTS, 'zh-audit.png'), fullPage: true });
  });

  it('shows the setup sections in Tibetan and Uyghur (rtl)', async () => {
    for (const [label, dir, lang] of [
      ['བོད་ཡིག', 'ltr', 'bo'],
      ['ئۇيغۇرچە', 'rtl', 'ug'],
    ] as const) {
      await admin.getByRole('button', { name: label, exact: true }).click();
      await admin.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(await admin.locator('html').getAttribute('dir'), dir);
      for (const id of ['services', 'counters', 'hall', 'audit']) {
        await admin.getByRole('navigation').getByRole('button').nth(['stats', 'services', 'counters', 'hall', 'staff', 'devices', 'audit'].indexOf(id)).click();
        await admin.waitForTimeout(150);
        await admin.screenshot({ path: join(SHOTS, `${lang}-${id}.png`), fullPage: true });
      }
    }
    await admin.getByRole('button', { name: '中文', exact: true }).click();
  });
});
