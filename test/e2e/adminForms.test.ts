// The admin page's forms section in Chromium against a real hall: the shipped forms are
// listed, a workbook with a missing Tibetan label is refused with its sheet, row and column
// shown, the exported workbook is accepted as a new version, and the retention days are saved.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, api, startTestHall, type TestHall } from '../support/hall.js';

const SHOTS = join(process.cwd(), 'test-results', 'admin');
const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'admin.js');

describe('admin forms section', () => {
  let hall: TestHall;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/admin.js is missing: run `node scripts/build.mjs` first');
    mkdirSync(SHOTS, { recursive: true });
    hall = await startTestHall();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  after(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('lists forms, shows where a workbook is wrong, imports a good one, saves the retention', async () => {
    await page.goto(`${hall.url}/admin#forms`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: '表单' }).click();
    const table = page.getByTestId('forms-table');
    await table.locator('tr[data-form="residence_permit"]').first().waitFor();
    assert.ok((await table.innerText()).includes('居住证'));

    // Download from the server (as the page's button does) and break one Tibetan label.
    const res = await fetch(`${hall.url}/api/forms/residence_permit/workbook.xlsx`, { headers: { Authorization: `Bearer ${hall.adminToken}` } });
    const good = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(good as unknown as ArrayBuffer);
    const survey = wb.getWorksheet('survey')!;
    let col = 0;
    survey.getRow(1).eachCell((cell, n) => {
      if (cell.value === 'label::bo') col = n;
    });
    survey.getRow(4).getCell(col).value = '';
    const broken = Buffer.from(await wb.xlsx.writeBuffer());

    const upload = page.getByTestId('forms-upload');
    await upload.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
    const problems = page.getByTestId('forms-problems');
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('survey') && /\b4\b/.test(r) && r.includes('label::bo')), rows.join('\n'));
    await page.screenshot({ path: join(SHOTS, 'zh-forms-refused.png') });

    await upload.setInputFiles({ name: 'good.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await page.getByRole('status').filter({ hasText: '版本 2' }).waitFor();
    await table.locator('tr[data-form="residence_permit"][data-version="2"]').waitFor();

    await page.getByRole('spinbutton', { name: '个人信息保留天数（报送确认后）' }).fill('45');
    await page.getByRole('form', { name: '个人信息保留天数（报送确认后）' }).getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '45' }).waitFor();
    const all = await api<{ retentionDays: number }>(hall.url, 'GET', '/api/forms/all', hall.adminToken);
    assert.equal(all.body.retentionDays, 45);
    await page.screenshot({ path: join(SHOTS, 'zh-forms.png') });
  });
});
