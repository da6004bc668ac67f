// The Export section of the admin page in Debian Chromium against a real hall server: the
// hall's public key and fingerprint, pasting the district's key (fingerprint shown), a folder
// target, "export now", and the run in the history.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeDistrictKey, stopGpgAgent, type DistrictKey } from '../support/exportFixture.js';
import { ADMIN_PASSWORD, startTestHall, tempDir, type TestHall } from '../support/hall.js';

const BUNDLE = join(process.cwd(), 'dist', 'renderer', 'admin.js');
const SHOTS = join(process.cwd(), 'test-results', 'admin');

describe('admin page: export', () => {
  let hall: TestHall;
  let browser: Browser;
  let page: Page;
  let key: DistrictKey;
  const tmp = tempDir('hall-export-e2e-');

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/renderer/admin.js is missing: run `node scripts/build.mjs` first (npm test does)');
    mkdirSync(SHOTS, { recursive: true });
    key = makeDistrictKey(tmp.dir);
    hall = await startTestHall();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });

  after(async () => {
    await browser?.close();
    await hall?.stop();
    stopGpgAgent(key);
    tmp.remove();
  });

  it('sets the district key and a folder, shows both fingerprints, exports now and lists the run', async () => {
    await page.goto(`${hall.url}/admin#export`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: '导出' }).click();
    await page.getByRole('heading', { name: '导出到区里' }).waitFor();

    // The hall's own key, for the district.
    await page.getByText('本大厅公钥指纹').waitFor();
    assert.match(await page.getByRole('textbox', { name: '本大厅的公钥' }).inputValue(), /BEGIN PGP PUBLIC KEY BLOCK/);

    const out = join(tmp.dir, 'out');
    mkdirSync(out);
    await page.getByLabel('区里的公钥（粘贴）').fill(readFileSync(key.publicFile, 'utf8'));
    await page.getByLabel(/发送目标/).fill(out);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').getByText('已保存。').waitFor();
    const shown = key.fingerprint.replace(/(.{4})/g, '$1 ').trim();
    await page.getByText(shown).waitFor();

    await page.getByRole('button', { name: '立即导出' }).click();
    // Nothing to export yet (no closed day): the run is listed as such.
    await page.getByRole('cell', { name: '没有新记录' }).waitFor({ timeout: 20_000 });
    await page.getByRole('cell', { name: '手动' }).waitFor();
    assert.deepEqual(readdirSync(out), []);
    await page.screenshot({ path: join(SHOTS, 'zh-export.png'), fullPage: true });
  });
});
