// The IPC registry: every handler checks who is asking before it answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_PAGES, CHANNELS } from '../../electron/shell/channels.js';
import { IpcRefused, registerIpcHandlers, type IpcDeps, type InvokeEventLike } from '../../electron/shell/ipc.js';
import type { PageRole } from '../../electron/shell/roles.js';

const HALL = 'http://127.0.0.1:8080';

function setup(windows: Record<number, PageRole>, origin: string | null = HALL) {
  const handlers = new Map<string, (e: InvokeEventLike, ...a: unknown[]) => unknown>();
  const refused: string[] = [];
  const deps: IpcDeps = {
    hallOrigin: () => origin,
    pageOf: (id) => windows[id] ?? null,
    deviceToken: async (page) => `token-for-${page}`,
    appInfo: (page) => ({ version: '0.1.0', page, platform: 'linux', arch: 'x64' }),
    onRefused: (channel, reason) => refused.push(`${channel}: ${reason}`),
  };
  registerIpcHandlers({ handle: (c, l) => void handlers.set(c, l) }, deps);
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const h = handlers.get(channel);
    assert.ok(h, `no handler for ${channel}`);
    return h(event, ...args);
  };
  return { handlers, refused, call };
}

const from = (id: number, url: string, parent: unknown = null): InvokeEventLike => ({ sender: { id }, senderFrame: { url, parent } });

test('exactly the declared channels are registered', () => {
  const { handlers } = setup({});
  assert.deepEqual([...handlers.keys()].sort(), Object.values(CHANNELS).sort());
  assert.deepEqual(Object.keys(CHANNEL_PAGES).sort(), Object.values(CHANNELS).sort());
});

test('our kiosk window on the hall origin gets its token and app info', async () => {
  const { call } = setup({ 1: 'kiosk' });
  assert.equal(await call(CHANNELS.deviceToken, from(1, `${HALL}/kiosk#x`)), 'token-for-kiosk');
  assert.deepEqual(await call(CHANNELS.appInfo, from(1, `${HALL}/kiosk`)), { version: '0.1.0', page: 'kiosk', platform: 'linux', arch: 'x64' });
});

test('a sender frame from a foreign origin is refused', () => {
  const { call, refused } = setup({ 1: 'kiosk' });
  for (const url of ['http://evil.example/kiosk', 'http://127.0.0.1:8081/kiosk', 'https://127.0.0.1:8080/kiosk', 'file:///tmp/x.html', 'data:text/html,hi', 'about:blank']) {
    assert.throws(() => call(CHANNELS.deviceToken, from(1, url)), (e: unknown) => e instanceof IpcRefused && /foreign origin/.test(e.message), url);
  }
  assert.equal(refused.length, 6);
  assert.ok(refused.every((r) => !r.includes('evil')), 'refusal logs carry no URL or arguments');
});

test('sub-frames, vanished frames, unknown windows, wrong roles and arguments are refused', () => {
  const { call } = setup({ 1: 'kiosk', 2: 'counter' });
  const refusedWith = (re: RegExp) => (e: unknown) => e instanceof IpcRefused && re.test(e.message);
  assert.throws(() => call(CHANNELS.deviceToken, from(1, `${HALL}/kiosk`, { url: `${HALL}/kiosk` })), refusedWith(/sub-frame/));
  assert.throws(() => call(CHANNELS.deviceToken, { sender: { id: 1 }, senderFrame: null }), refusedWith(/frame gone/));
  assert.throws(() => call(CHANNELS.deviceToken, from(99, `${HALL}/kiosk`)), refusedWith(/unknown window/));
  assert.throws(() => call(CHANNELS.deviceToken, from(2, `${HALL}/counter`)), refusedWith(/role counter may not/));
  assert.throws(() => call(CHANNELS.deviceToken, from(1, `${HALL}/kiosk`), 'extra'), refusedWith(/unexpected arguments/));
});

test('nothing is answered before the hall server is up', () => {
  const { call } = setup({ 1: 'kiosk' }, null);
  assert.throws(() => call(CHANNELS.appInfo, from(1, `${HALL}/kiosk`)), /not started/);
});
