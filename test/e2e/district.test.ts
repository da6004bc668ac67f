// The district page in real Chromium against a real district server and embedded PostgreSQL:
// a hall that missed its night is flagged at the top; the month view matches the records
// loaded; a submission opens and its read is audited; Uyghur turns the page right-to-left.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { DISTRICT_ADMIN_PASSWORD, startTestDistrict, type TestDistrict } from '../support/district.js';
import { buildBatch, dayRecords, syntheticHall, type DayRecords } from '../support/districtBatch.js';
import { api } from '../support/hall.js';

describe('district page', () => {
  let district: TestDistrict;
  let browser: Browser;
  let page: Page;
  let rec: DayRecords;
  let rec2: DayRecords;

  before(async () => {
    district = await startTestDistrict();
    const key = await (await fetch(`${district.url}/api/district-key.asc`)).text();
    const onTime = await syntheticHall('hall-on-time');
    const late = await syntheticHall('hall-late');
    for (const [h, zh] of [[onTime, '城关大厅'], [late, '北山大厅']] as const) {
      const r = await api(district.url, 'POST', '/api/halls', district.adminToken, { id: h.id, names: { zh, bo: 'ཚོམ་ཆེན།', ug: 'زال' }, publicKey: h.publicArmored });
      assert.equal(r.status, 201);
    }
    rec = dayRecords(onTime.id, '2026-11-11', 120, 2);
    rec2 = dayRecords(onTime.id, '2026-11-12', 80, 0);
    for (const [id, r] of [['b1', rec], ['b2', rec2]] as const) {
      const file = await buildBatch(onTime, key, r, { batchId: id });
      const res = await fetch(`${district.url}/api/batches`, { method: 'POST', headers: { 'Idempotency-Key': id }, body: new Uint8Array(file) });
      assert.equal(res.status, 201);
    }
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1300, height: 1000 } })).newPage();
    await page.goto(`${district.url}/district`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(DISTRICT_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  });
  after(async () => {
    await browser?.close();
    await district?.stop();
    district?.remove();
  });

  it('flags the hall that missed its night at the top', async () => {
    const rows = page.getByTestId('halls').locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    assert.equal(await rows.first().getAttribute('data-hall'), 'hall-late');
    assert.equal(await rows.first().getAttribute('data-late'), 'true');
    assert.match(await rows.first().innerText(), /未按时上报/);
    assert.equal(await rows.nth(1).getAttribute('data-late'), 'false');
  });

  it('the month view matches the records', async () => {
    await page.getByTestId('from').fill('2026-11-01');
    await page.getByTestId('to').fill('2026-11-30');
    await page.getByTestId('by').selectOption('month');
    const row = page.getByTestId('totals').locator('tr[data-hall="hall-on-time"]');
    await row.locator('[data-col="tickets"]', { hasText: String(rec.tickets.length + rec2.tickets.length) }).waitFor();
    const served = [...rec.tickets, ...rec2.tickets].filter((t) => t.state === 'done').length;
    assert.equal(await row.locator('[data-col="served"]').innerText(), String(served));
    const lines = page.getByTestId('report').locator('tbody tr');
    assert.equal(await lines.count(), new Set(rec.tickets.map((t) => t.serviceId)).size);
  });

  it('opens one submission, and the read is audited', async () => {
    await page.getByTestId('sub-hall').selectOption('hall-on-time');
    await page.getByTestId('sub-day').fill('2026-11-11');
    const first = page.getByTestId('submissions').getByRole('button', { name: '查看' }).first();
    await first.waitFor();
    const id = await first.getAttribute('data-open');
    await first.click();
    await page.getByTestId('answers').getByText('居民0').waitFor();
    const audit = await api<{ action: string; target: string }[]>(district.url, 'GET', '/api/audit', district.adminToken);
    assert.ok(audit.body.some((a) => a.action === 'submission.read' && a.target === `hall-on-time/${id}`));
  });

  it('an admin enrols a hall from the page and sees its fingerprint', async () => {
    const hall = await syntheticHall('hall-from-page');
    await page.getByLabel('大厅编号').fill(hall.id);
    await page.getByLabel('名称（中文）').fill('南湖大厅');
    await page.getByLabel('名称（藏文）').fill('ཚོམ་ཆེན།');
    await page.getByLabel('名称（维吾尔文）').fill('زال');
    await page.getByLabel('大厅公钥（大厅管理页面导出设置中）').fill(hall.publicArmored);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const shown = await page.getByTestId('admin-result').innerText();
    assert.ok(shown.replace(/\s/g, '').includes(hall.fingerprint), shown);
    await page.getByTestId('halls').locator('tr[data-hall="hall-from-page"]').waitFor();
  });

  it('switches to Uyghur, right to left, and to Tibetan', async () => {
    await page.getByRole('button', { name: 'ئۇيغۇرچە' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ug');
    await page.getByRole('button', { name: 'བོད་ཡིག' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'bo');
    // Narrow and wide viewports on the same page: nothing overflows sideways.
    for (const width of [360, 768, 1300]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `width ${width}: ${overflow}px sideways`);
    }
  });
});
