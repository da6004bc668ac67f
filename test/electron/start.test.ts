// `npm start` without the Electron binary: one clear sentence, then the headless server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

interface Start {
  electronBinary(root: string): string | null;
  startCommand(o: { root: string; electron: string | null; args: string[] }): [string, string[]];
  MISSING_ELECTRON: string;
}
const start = (await import(fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url)))) as Start;

test('a missing binary is detected (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
  const root = mkdtempSync(join(tmpdir(), 'start-'));
  try {
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{"name":"electron","main":"index.js"}');
    writeFileSync(join(root, 'node_modules', 'electron', 'index.js'), "throw new Error('Electron failed to install correctly')");
    assert.equal(start.electronBinary(root), null);
    writeFileSync(join(root, 'node_modules', 'electron', 'index.js'), `module.exports = ${JSON.stringify(join(root, 'electron-bin'))}`);
    assert.equal(start.electronBinary(root), null, 'a path without a file is still missing');
    writeFileSync(join(root, 'electron-bin'), '');
    assert.equal(start.electronBinary(root), join(root, 'electron-bin'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('with Electron: the app in the hall role; without: serve.ts headless', () => {
  assert.deepEqual(start.startCommand({ root: '/r', electron: '/e', args: ['--port=9000'] }), ['/e', ['/r', '--role=hall', '--port=9000']]);
  const [cmd, args] = start.startCommand({ root: '/r', electron: null, args: [] });
  assert.equal(cmd, process.execPath);
  assert.deepEqual(args, ['--import', 'tsx', join('/r', 'electron', 'cli', 'serve.ts')]);
  const [, passed] = start.startCommand({ root: '/r', electron: null, args: ['--role=hall', '--port', '9000', '--dev', '--data-dir=/d', '--pair'] });
  assert.deepEqual(passed.slice(3), ['--port', '9000', '--data-dir=/d', '--pair'], 'only switches serve.ts knows');
});

test('the notice is one sentence that says what is missing and how to install it', () => {
  const m = start.MISSING_ELECTRON;
  assert.equal(m.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 1);
  assert.match(m, /Electron binary is not installed/);
  assert.match(m, /npm install|install\.js/);
  assert.match(m, /headless hall server/);
});
