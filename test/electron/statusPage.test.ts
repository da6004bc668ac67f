// The shell's own screens: a data: URL, no script, in all three scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STATUS_PAGE_CSP, statusPageHtml, statusPageUrl } from '../../electron/shell/statusPage.js';

test('status pages are data: URLs with a locked meta CSP and no script', () => {
  for (const kind of ['maintenance', 'offline'] as const) {
    const url = statusPageUrl(kind);
    assert.ok(url.startsWith('data:text/html;charset=utf-8,'));
    const html = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    assert.equal(html, statusPageHtml(kind));
    assert.ok(html.includes(`content="${STATUS_PAGE_CSP}"`));
    assert.doesNotMatch(html, /<script|\son\w+=|javascript:|file:|https?:/i);
    assert.match(STATUS_PAGE_CSP, /default-src 'none'/);
  }
});

test('the text is in Chinese, Tibetan and right-to-left Uyghur', () => {
  const html = statusPageHtml('maintenance');
  assert.match(html, /lang="zh" dir="ltr"><h1>暂停服务/);
  assert.match(html, /lang="bo" dir="ltr"><h1>[\u0F00-\u0FFF]/);
  assert.match(html, /lang="ug" dir="rtl"><h1>[\u0600-\u06FF]/);
  assert.notEqual(statusPageHtml('offline'), html);
});
