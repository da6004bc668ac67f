// The preload bundles: CommonJS, require nothing but `electron`, expose one frozen object of
// plain functions per role, and never hand the page ipcRenderer or an IPC event.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { BRIDGE_NAMES } from '../../electron/preload/api.js';
import { CHANNELS } from '../../electron/shell/channels.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let out = '';

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'preload-'));
  const { buildPreloads } = (await import(join(root, 'scripts', 'build-electron.mjs'))) as {
    buildPreloads(o: { root: string; outDir: string }): Promise<void>;
  };
  await buildPreloads({ root, outDir: out });
});
after(() => rmSync(out, { recursive: true, force: true }));

function load(role: keyof typeof BRIDGE_NAMES) {
  const code = readFileSync(join(out, `${role}.cjs`), 'utf8');
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve(args[0] === CHANNELS.deviceToken ? { not: 'a string' } : 'ok');
      },
    },
  };
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    },
  });
  return { code, exposed, invoked, required };
}

test('each role exposes exactly its own object', () => {
  for (const [role, name] of Object.entries(BRIDGE_NAMES) as [keyof typeof BRIDGE_NAMES, string][]) {
    const { exposed, required, code } = load(role);
    assert.deepEqual(Object.keys(exposed), [name], role);
    assert.deepEqual([...new Set(required)], ['electron'], role);
    assert.doesNotMatch(code, /^import |^export /m, 'CommonJS, not ESM');
    const api = exposed[name] as Record<string, unknown>;
    assert.ok(Object.isFrozen(api));
    for (const v of Object.values(api)) assert.equal(typeof v, 'function');
    assert.ok(!('ipcRenderer' in api) && !('invoke' in api) && !('send' in api) && !('on' in api));
  }
  assert.deepEqual(Object.keys(load('kiosk').exposed.hallKiosk as object).sort(), ['appInfo', 'deviceToken']);
  assert.deepEqual(Object.keys(load('counter').exposed.hallCounter as object), ['appInfo']);
});

test('calls pass no page-supplied arguments and results are sanitised', async () => {
  const { exposed, invoked } = load('kiosk');
  const api = exposed.hallKiosk as { deviceToken(...a: unknown[]): Promise<unknown>; appInfo(...a: unknown[]): Promise<unknown> };
  assert.equal(await api.deviceToken('sneaky', { channel: 'x' }), null, 'non-string token becomes null');
  assert.equal(await api.appInfo('sneaky'), 'ok');
  assert.deepEqual(invoked, [[CHANNELS.deviceToken], [CHANNELS.appInfo]]);
});
