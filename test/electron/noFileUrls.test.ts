// Nothing in the desktop app loads from file://: pages come from the hall server over
// http(s), the shell's own screens are data: URLs, and file:// is refused everywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { isAllowedNavigation, isAllowedSubresource, pageUrl } from '../../electron/shell/navigation.js';
import { statusPageUrl } from '../../electron/shell/statusPage.js';
import { PAGE_ROLES_FOR_TEST } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function shellSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  return [join(root, 'electron', 'main.ts'), ...walk(join(root, 'electron', 'shell')), ...walk(join(root, 'electron', 'preload'))];
}

/** String literals and member calls in the code (comments do not count). */
function scan(file: string): { strings: string[]; calls: string[] } {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const strings: string[] = [];
  const calls: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) strings.push(n.text);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) calls.push(n.expression.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { strings, calls };
}

test('no file: URL, loadFile or file protocol handler in the shell sources', () => {
  const files = shellSources();
  assert.ok(files.length >= 15);
  for (const f of files) {
    const { strings, calls } = scan(f);
    assert.deepEqual(strings.filter((s) => /^file:|file:\/\//i.test(s)), [], f);
    for (const banned of ['loadFile', 'registerFileProtocol', 'interceptFileProtocol']) assert.ok(!calls.includes(banned), `${banned} in ${f}`);
  }
});

test('every role loads http(s) from the hall server; shell screens are data: URLs', () => {
  for (const origin of ['http://127.0.0.1:8080', 'https://hall.local']) {
    for (const page of PAGE_ROLES_FOR_TEST) {
      const url = new URL(pageUrl(origin, page));
      assert.ok(url.protocol === 'http:' || url.protocol === 'https:');
      assert.equal(url.origin, origin);
    }
  }
  for (const kind of ['maintenance', 'offline'] as const) assert.ok(statusPageUrl(kind).startsWith('data:text/html'));
});

test('file:// is refused for navigation and for requests, in every role', () => {
  const hall = 'http://127.0.0.1:8080';
  for (const page of PAGE_ROLES_FOR_TEST) {
    for (const url of ['file:///etc/passwd', 'file://127.0.0.1:8080/kiosk', `file://${root}dist/renderer/kiosk.js`]) {
      assert.equal(isAllowedNavigation(url, hall, page), false);
      assert.equal(isAllowedSubresource(url, hall), false);
    }
  }
});
