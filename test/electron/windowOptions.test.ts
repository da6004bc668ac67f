// Window options per role: the security switches on every window, lockdown on public ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGE_ROLES_FOR_TEST as PAGES } from './helpers.js';
import { windowOptions } from '../../electron/shell/windowOptions.js';

const opts = (page: (typeof PAGES)[number], dev = false) => windowOptions({ page, preloadPath: `/app/preload/${page}.cjs`, dev });

test('every window: contextIsolation, sandbox, no nodeIntegration, webSecurity — set explicitly', () => {
  for (const page of PAGES) {
    for (const dev of [false, true]) {
      const w = opts(page, dev).webPreferences ?? {};
      assert.equal(w.contextIsolation, true, page);
      assert.equal(w.sandbox, true, page);
      assert.equal(w.nodeIntegration, false, page);
      assert.equal(w.nodeIntegrationInWorker, false, page);
      assert.equal(w.nodeIntegrationInSubFrames, false, page);
      assert.equal(w.webSecurity, true, page);
      assert.equal(w.allowRunningInsecureContent, false, page);
      assert.equal(w.webviewTag, false, page);
      assert.equal(w.experimentalFeatures, false, page);
      assert.equal(w.navigateOnDragDrop, false, page);
      assert.equal(w.preload, `/app/preload/${page}.cjs`);
      assert.ok(w.preload?.endsWith('.cjs'), 'sandboxed preloads are CommonJS bundles');
    }
  }
});

test('no devtools in production', () => {
  for (const page of PAGES) {
    assert.equal(opts(page).webPreferences?.devTools, false, page);
    assert.equal(opts(page, true).webPreferences?.devTools, true, page);
  }
});

test('kiosk and display are locked down; counter and admin are normal windows', () => {
  for (const page of ['kiosk', 'display'] as const) {
    const o = opts(page);
    assert.equal(o.kiosk, true);
    assert.equal(o.fullscreen, true);
    assert.equal(o.frame, false);
    assert.equal(o.autoHideMenuBar, true);
    assert.equal(o.minimizable, false);
    assert.equal(o.resizable, false);
    assert.equal(o.show, false, 'shown on ready-to-show');
    assert.equal(opts(page, true).kiosk, undefined, '--dev opens a normal window');
  }
  for (const page of ['counter', 'admin'] as const) {
    const o = opts(page);
    assert.equal(o.kiosk, undefined);
    assert.equal(o.fullscreen, undefined);
    assert.ok((o.width ?? 0) >= 1024);
  }
});

test('the display plays its chime without a tap; others need a gesture', () => {
  assert.equal(opts('display').webPreferences?.autoplayPolicy, 'no-user-gesture-required');
  assert.equal(opts('kiosk').webPreferences?.autoplayPolicy, 'user-gesture-required');
});

test('a chosen screen places the window on it', () => {
  const o = windowOptions({ page: 'display', preloadPath: '/p.cjs', dev: false, screenBounds: { x: 1920, y: 0, width: 1280, height: 720 } });
  assert.deepEqual([o.x, o.y, o.width, o.height], [1920, 0, 1280, 720]);
});
