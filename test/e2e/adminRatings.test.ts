// The admin page's 好差评 section in Chromium: the day's ratings per counter, service and
// staff member, a rating pad created with its counter (pairing link to /rate), and a low
// rating's follow-up closed with a note (gone from the open list, kept on the server).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';

let hall: TestHall;
let browser: Browser;
let page: Page;

async function ratedTicket(staff: string, score: number, reasons: string[] = []): Promise<string> {
  const t = await api<{ id: string; statusUrl: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'social-insurance', language: 'zh' });
  await api(hall.url, 'POST', `/api/counters/counter-1/call/${t.body.id}`, staff);
  await api(hall.url, 'POST', `/api/tickets/${t.body.id}/start`, staff);
  await api(hall.url, 'POST', `/api/tickets/${t.body.id}/finish`, staff);
  const r = await api(hall.url, 'POST', `/api/t/${new URL(t.body.statusUrl).pathname.slice(3)}/rating`, null, { score, reasons });
  assert.equal(r.status, 201);
  return t.body.id;
}

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  const staff = await staffToken(hall, 'dawa');
  await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: ['zh'] });
  await ratedTicket(staff, 5);
  await ratedTicket(staff, 1, ['waited_too_long']);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(`${hall.url}/admin#ratings`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
});
after(async () => {
  await browser?.close();
  await hall?.stop();
});

describe('admin ratings section', () => {
  it('shows the day per counter and staff member, and closes a follow-up with a note', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '好差评' }).click();
    const byCounter = page.getByTestId('ratings-by-counter');
    await byCounter.waitFor({ timeout: 5000 });
    const row = byCounter.locator('tbody tr').first();
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(1), ['2', '3.00', '50%', '1']);
    assert.match(await page.getByTestId('ratings-by-staff').innerText(), /dawa/);

    const followups = page.getByTestId('followups');
    await followups.waitFor();
    assert.match(await followups.innerText(), /非常不满意/);
    assert.match(await followups.innerText(), /等待时间太长/);
    await followups.getByRole('textbox').fill('已电话回访，解释了高峰时段');
    await followups.getByRole('button', { name: '完成回访' }).click();
    await page.getByText('没有待回访的差评。').waitFor({ timeout: 5000 });
    const closed = await api<{ note: string }[]>(hall.url, 'GET', '/api/rating-followups?state=closed', hall.adminToken);
    assert.deepEqual(closed.body.map((f) => f.note), ['已电话回访，解释了高峰时段']);
  });

  it('creates a rating pad paired to a chosen counter, with a /rate pairing link', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '设备' }).click();
    await page.locator('input[name="deviceName"]').fill('3号窗口评价器');
    await page.locator('select[name="deviceRole"]').selectOption('rater');
    await page.locator('select[name="deviceCounter"]').selectOption('counter-3');
    await page.getByRole('button', { name: '新建设备', exact: true }).click();
    const url = await page.getByTestId('pairing-url').inputValue({ timeout: 5000 });
    assert.match(url, /\/rate#token=/);
    const devices = await api<{ role: string; counterId: string | null; name: string }[]>(hall.url, 'GET', '/api/devices', hall.adminToken);
    assert.deepEqual(devices.body.filter((d) => d.role === 'rater').map((d) => [d.name, d.counterId]), [['3号窗口评价器', 'counter-3']]);
  });

  it('lists the kiosk guidance clips apart on the voice recorder, missing until recorded', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '语音包' }).click();
    await page.getByRole('tab', { name: 'བོད་སྐད།' }).click();
    const guidance = page.getByTestId('voice-guidance');
    await guidance.waitFor({ timeout: 5000 });
    const items = await guidance.locator('li').allInnerTexts();
    assert.equal(items.length, 18, 'nine instructions and nine service names');
    assert.ok(items.some((t) => t.includes('བོད་ཡིག་ཡིན་ན་འདི་ལ་གནོན་རོགས།')), items.join(' | '));
    // Announcement clips stay in their own list.
    assert.ok(!(await page.locator('.voice-clips').first().innerText()).includes('བོད་ཡིག་ཡིན་ན'));
  });
});
