// The policies bound to a (fake) session and window: what a kiosk window actually does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserWindow, Session } from 'electron';
import { guardWindow, hardenSession, safeUrl } from '../../electron/shell/lockdown.js';
import { RestartPolicy } from '../../electron/shell/restartPolicy.js';
import type { PageRole } from '../../electron/shell/roles.js';
import { FakeEmitter, FakeTimers, silentLog } from './helpers.js';

const HALL = 'http://127.0.0.1:8080';

class FakeWebContents extends FakeEmitter {
  id = 7;
  loaded: string[] = [];
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  zoomLimits: number[] = [];
  crashedOnPurpose = 0;
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  getURL(): string {
    return this.loaded.at(-1) ?? '';
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.openHandler = h;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  closeDevTools(): void {}
  forcefullyCrashRenderer(): void {
    this.crashedOnPurpose++;
    this.fire('render-process-gone', { reason: 'killed', exitCode: 9 });
  }
}

function makeWindow(page: PageRole, opts: { dev?: boolean; quitting?: boolean } = {}) {
  const wc = new FakeWebContents();
  const win = Object.assign(new FakeEmitter(), { webContents: wc, shown: false, show() { this.shown = true; } });
  const timers = new FakeTimers();
  const policy = new RestartPolicy();
  const guard = guardWindow(win as unknown as BrowserWindow, {
    page,
    hallOrigin: HALL,
    dev: opts.dev ?? false,
    policy,
    timers,
    log: silentLog,
    quitting: () => opts.quitting ?? false,
  });
  return { wc, win, timers, guard };
}

test('the window loads its hall page and is shown only when ready', () => {
  const { wc, win, guard } = makeWindow('kiosk');
  guard.loadPage();
  assert.deepEqual(wc.loaded, [`${HALL}/kiosk`]);
  assert.equal(win.shown, false);
  win.emit('ready-to-show');
  assert.equal(win.shown, true);
});

test('navigation off the page, redirects and foreign sub-frames are prevented', () => {
  const { wc } = makeWindow('kiosk');
  assert.equal(wc.fireWith('will-navigate', { url: `${HALL}/kiosk#token=1`, isMainFrame: true }).defaultPrevented, false);
  assert.equal(wc.fireWith('will-navigate', { url: `${HALL}/admin`, isMainFrame: true }).defaultPrevented, true);
  assert.equal(wc.fireWith('will-navigate', { url: 'file:///etc/passwd', isMainFrame: true }).defaultPrevented, true);
  assert.equal(wc.fireWith('will-redirect', { url: 'https://evil.example/', isMainFrame: true }).defaultPrevented, true);
  assert.equal(wc.fireWith('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false }).defaultPrevented, true);
  assert.equal(wc.fireWith('will-frame-navigate', { url: `${HALL}/assets/x.html`, isMainFrame: false }).defaultPrevented, false);
  assert.equal(wc.fire('will-attach-webview').defaultPrevented, true);
});

test('new windows are always denied', () => {
  const { wc } = makeWindow('admin');
  assert.deepEqual(wc.openHandler?.({ url: `${HALL}/admin` }), { action: 'deny' });
  assert.deepEqual(wc.openHandler?.({ url: 'https://example.com' }), { action: 'deny' });
});

test('kiosk: blocked keys, no pinch zoom, the window cannot be closed except on quit', () => {
  const { wc, win } = makeWindow('kiosk');
  const input = (key: string, mods: Record<string, boolean> = {}) => ({ type: 'keyDown', key, control: false, shift: false, alt: false, meta: false, ...mods });
  assert.equal(wc.fire('before-input-event', input('F5')).defaultPrevented, true);
  assert.equal(wc.fire('before-input-event', input('F4', { alt: true })).defaultPrevented, true);
  assert.equal(wc.fire('before-input-event', input('a')).defaultPrevented, false);
  assert.deepEqual(wc.zoomLimits, [1, 1]);
  assert.equal(win.fire('close').defaultPrevented, true);
  assert.equal(makeWindow('kiosk', { quitting: true }).win.fire('close').defaultPrevented, false);
});

test('counter windows keep normal keys and can be closed', () => {
  const { wc, win } = makeWindow('counter');
  assert.equal(wc.listenerCount('before-input-event'), 0);
  assert.equal(win.fire('close').defaultPrevented, false);
});

test('three crashes within a minute show the maintenance screen, which retries later', () => {
  const { wc, timers } = makeWindow('display');
  const crash = () => wc.fire('render-process-gone', { reason: 'crashed', exitCode: 1 });
  crash();
  timers.advance(10_000);
  crash();
  assert.deepEqual(wc.loaded, [`${HALL}/display`, `${HALL}/display`]);
  timers.advance(10_000);
  crash();
  assert.match(wc.loaded.at(-1) ?? '', /^data:text\/html/);
  timers.advance(10 * 60_000);
  assert.equal(wc.loaded.at(-1), `${HALL}/display`);
  crash();
  assert.equal(wc.loaded.at(-1), `${HALL}/display`, 'a fresh count after the retry');
});

test('a hung renderer is killed after the grace period and counted as a crash', () => {
  const { wc, timers } = makeWindow('kiosk');
  wc.fire('unresponsive');
  timers.advance(5_000);
  wc.fire('responsive');
  timers.advance(20_000);
  assert.equal(wc.crashedOnPurpose, 0, 'recovered in time');
  wc.fire('unresponsive');
  timers.advance(10_000);
  assert.equal(wc.crashedOnPurpose, 1);
  assert.equal(wc.loaded.at(-1), `${HALL}/kiosk`);
});

test('an unreachable hall server shows "connecting" and retries with backoff', () => {
  const { wc, timers, guard } = makeWindow('kiosk');
  guard.loadPage();
  wc.fire('did-fail-load', -102, 'ERR_CONNECTION_REFUSED', `${HALL}/kiosk`, true);
  assert.match(wc.loaded.at(-1) ?? '', /^data:/);
  timers.advance(1_999);
  assert.match(wc.loaded.at(-1) ?? '', /^data:/);
  timers.advance(1);
  assert.equal(wc.loaded.at(-1), `${HALL}/kiosk`);
  const before = wc.loaded.length;
  wc.fire('did-fail-load', -3, 'ERR_ABORTED', `${HALL}/kiosk`, true);
  wc.fire('did-fail-load', -102, 'x', `${HALL}/assets/a.js`, false);
  assert.equal(wc.loaded.length, before, 'aborts and sub-frame failures are not outages');
});

test('a clean exit while quitting is not a crash', () => {
  const { wc } = makeWindow('kiosk', { quitting: true });
  wc.fire('render-process-gone', { reason: 'crashed', exitCode: 1 });
  assert.equal(wc.loaded.length, 0);
});

function fakeSession() {
  const s = Object.assign(new FakeEmitter(), {
    request: null as null | ((...a: unknown[]) => void),
    check: null as null | ((...a: unknown[]) => boolean),
    device: null as null | ((...a: unknown[]) => boolean),
    before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    headers: null as null | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    setPermissionRequestHandler(h: (...a: unknown[]) => void) { this.request = h; },
    setPermissionCheckHandler(h: (...a: unknown[]) => boolean) { this.check = h; },
    setDevicePermissionHandler(h: (...a: unknown[]) => boolean) { this.device = h; },
    webRequest: {} as Record<string, unknown>,
  });
  s.webRequest = {
    onBeforeRequest: (h: typeof s.before) => { s.before = h; },
    onHeadersReceived: (h: typeof s.headers) => { s.headers = h; },
  };
  const pages = new Map<unknown, PageRole>();
  hardenSession(s as unknown as Session, { hallOrigin: HALL, pageOf: (wc) => pages.get(wc) ?? null, csp: "default-src 'self'", dev: false, log: silentLog });
  return { s, pages };
}

test('session: permissions denied except the admin microphone; devices never', () => {
  const { s, pages } = fakeSession();
  const admin = {}, kiosk = {};
  pages.set(admin, 'admin');
  pages.set(kiosk, 'kiosk');
  const ask = (wc: object, permission: string, details: object) => {
    let answer: boolean | null = null;
    s.request?.(wc, permission, (g: boolean) => (answer = g), { requestingUrl: `${HALL}/admin`, isMainFrame: true, ...details });
    return answer;
  };
  assert.equal(ask(admin, 'media', { mediaTypes: ['audio'] }), true);
  assert.equal(ask(admin, 'media', { mediaTypes: ['video'] }), false);
  assert.equal(ask(kiosk, 'media', { mediaTypes: ['audio'] }), false);
  assert.equal(ask({}, 'media', { mediaTypes: ['audio'] }), false, 'unknown webContents');
  assert.equal(ask(admin, 'geolocation', {}), false);
  assert.equal(s.check?.(admin, 'media', HALL, { mediaType: 'audio', isMainFrame: true }), true);
  assert.equal(s.check?.(null, 'media', HALL, { mediaType: 'audio', isMainFrame: true }), false);
  assert.equal(s.device?.({ deviceType: 'usb' }), false);
});

test('session: downloads cancelled, foreign and file:// requests cancelled, CSP added when missing', () => {
  const { s } = fakeSession();
  assert.equal(s.fire('will-download', { getURL: () => `${HALL}/x.exe` }).defaultPrevented, true);
  const cancel = (url: string) => {
    let r: boolean | null = null;
    s.before?.({ url }, (x) => (r = x.cancel));
    return r;
  };
  assert.equal(cancel(`${HALL}/assets/kiosk.js`), false);
  assert.equal(cancel('ws://127.0.0.1:8080/api/events'), false);
  assert.equal(cancel('file:///etc/passwd'), true);
  assert.equal(cancel('https://cdn.example.com/x.js'), true);
  const headers = (url: string, responseHeaders: Record<string, string[]>) => {
    let out: Record<string, string[]> = {};
    s.headers?.({ url, responseHeaders }, (r) => (out = r.responseHeaders));
    return out;
  };
  assert.deepEqual(headers(`${HALL}/kiosk`, {})['Content-Security-Policy'], ["default-src 'self'"]);
  assert.deepEqual(headers(`${HALL}/kiosk`, { 'content-security-policy': ['x'] }), { 'content-security-policy': ['x'] }, 'the server policy is kept');
});

test('logged URLs never carry a fragment or query (tokens)', () => {
  assert.equal(safeUrl(`${HALL}/kiosk?token=a#token=b`), `${HALL}/kiosk`);
  assert.equal(safeUrl('data:text/html,secret'), 'data:…');
});
