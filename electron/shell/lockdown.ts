// Binds the pure policies (navigation.ts, inputGuard.ts, permissions.ts, restartPolicy.ts)
// to a real session and window. Only Electron *types* are imported, so tests drive these
// functions with EventEmitter fakes; main.ts passes the real objects.
import type { BrowserWindow, Session, WebContents } from 'electron';
import { isBlockedInput } from './inputGuard.js';
import { isAllowedNavigation, isAllowedSubresource, isHallOrigin, pageUrl } from './navigation.js';
import { isPermissionCheckGranted, isPermissionGranted } from './permissions.js';
import { ERR_ABORTED, RestartPolicy, isCrash, loadRetryDelayMs } from './restartPolicy.js';
import { isLockedDown, type PageRole } from './roles.js';
import { statusPageUrl, type StatusKind } from './statusPage.js';

export interface ShellLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Session-wide rules: permissions, downloads, and a network filter so that nothing but the
 * hall server (and data:/blob: governed by the page CSP) is ever fetched — file:// included.
 * The CSP header is added to hall responses that lack one (defence in depth for a hall
 * server of another version behind this shell); the hall server normally sends it.
 */
export function hardenSession(
  ses: Session,
  opts: { hallOrigin: string; pageOf: (wc: WebContents) => PageRole | null; csp: string; dev: boolean; log: ShellLog },
): void {
  const { hallOrigin, pageOf, log } = opts;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const page = pageOf(wc);
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted =
      page !== null &&
      isPermissionGranted({ page, permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }, hallOrigin);
    if (!granted) log.info('permission denied', { page, permission });
    callback(granted);
  });
  ses.setPermissionCheckHandler((wc, permission, requestingOrigin, details) => {
    const page = wc ? pageOf(wc) : null;
    return page !== null && isPermissionCheckGranted({ page, permission, requestingOrigin, mediaType: details.mediaType }, hallOrigin);
  });
  // USB, HID, serial and Bluetooth devices: never, for any page.
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    log.warn('download blocked', { url: safeUrl(item.getURL()) });
    event.preventDefault();
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedSubresource(details.url, hallOrigin) || (opts.dev && details.url.startsWith('devtools:'));
    if (!ok) log.warn('request blocked', { url: safeUrl(details.url) });
    callback({ cancel: !ok });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    const hasCsp = Object.keys(headers).some((h) => h.toLowerCase() === 'content-security-policy');
    if (isHallOrigin(details.url, hallOrigin) && !hasCsp) headers['Content-Security-Policy'] = [opts.csp];
    callback({ responseHeaders: headers });
  });
}

/** Logs the origin and path only: a URL fragment may carry a device token. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' ? 'data:…' : `${u.origin}${u.pathname}`;
  } catch {
    return '(unparsable url)';
  }
}

export interface GuardOptions {
  page: PageRole;
  hallOrigin: string;
  dev: boolean;
  policy: RestartPolicy;
  timers: Timers;
  log: ShellLog;
  /** True while the app is quitting on purpose (SIGTERM, systemd stop, admin quit). */
  quitting: () => boolean;
}

/** Navigation, window-open, input, crash and load-failure handling for one window. */
export function guardWindow(win: BrowserWindow, o: GuardOptions): { loadPage(): void } {
  const wc = win.webContents;
  const locked = isLockedDown(o.page) && !o.dev;
  const url = pageUrl(o.hallOrigin, o.page);
  let hangTimer: unknown = null;
  let retryTimer: unknown = null;
  let failedLoads = 0;

  const loadPage = (): void => {
    if (retryTimer !== null) o.timers.clear(retryTimer);
    retryTimer = null;
    // A rejected load is reported again through did-fail-load, which schedules the retry.
    wc.loadURL(url).catch(() => undefined);
  };
  const showStatus = (kind: StatusKind, retryInMs: number, before?: () => void): void => {
    wc.loadURL(statusPageUrl(kind)).catch(() => undefined);
    if (retryTimer !== null) o.timers.clear(retryTimer);
    retryTimer = o.timers.set(() => {
      before?.();
      loadPage();
    }, retryInMs);
  };

  const refuseNavigation = (event: { preventDefault(): void; url: string; isMainFrame?: boolean }): void => {
    const ok = event.isMainFrame === false ? isAllowedSubresource(event.url, o.hallOrigin) : isAllowedNavigation(event.url, o.hallOrigin, o.page);
    if (!ok) {
      o.log.warn('navigation blocked', { page: o.page, url: safeUrl(event.url) });
      event.preventDefault();
    }
  };
  wc.on('will-navigate', refuseNavigation);
  wc.on('will-redirect', refuseNavigation);
  wc.on('will-frame-navigate', refuseNavigation);
  wc.setWindowOpenHandler(({ url: target }) => {
    o.log.warn('new window blocked', { page: o.page, url: safeUrl(target) });
    return { action: 'deny' };
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());

  if (locked) {
    wc.on('before-input-event', (event, input) => {
      if (isBlockedInput(input)) event.preventDefault();
    });
    // Pinch zoom off; keyboard zoom is blocked above and there is no menu to zoom from.
    wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
    win.on('close', (event) => {
      if (!o.quitting()) event.preventDefault();
    });
  }
  if (!o.dev) wc.on('devtools-opened', () => wc.closeDevTools());

  wc.on('did-finish-load', () => {
    if (wc.getURL().startsWith(o.hallOrigin)) failedLoads = 0;
  });
  wc.on('did-fail-load', (_e, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || validatedURL.startsWith('data:')) return;
    const delay = loadRetryDelayMs(failedLoads++);
    o.log.warn('page load failed', { page: o.page, errorCode, errorDescription, retryInMs: delay });
    showStatus('offline', delay);
  });
  wc.on('unresponsive', () => {
    if (hangTimer !== null) return;
    o.log.warn('renderer unresponsive', { page: o.page });
    hangTimer = o.timers.set(() => {
      hangTimer = null;
      // Counted as a crash through render-process-gone below.
      wc.forcefullyCrashRenderer();
    }, o.policy.hangGraceMs);
  });
  wc.on('responsive', () => {
    if (hangTimer !== null) o.timers.clear(hangTimer);
    hangTimer = null;
  });
  wc.on('render-process-gone', (_e, details) => {
    if (hangTimer !== null) o.timers.clear(hangTimer);
    hangTimer = null;
    if (!isCrash(details.reason) || o.quitting()) return;
    const decision = o.policy.onCrash(o.timers.now());
    o.log.warn('renderer gone', { page: o.page, reason: details.reason, exitCode: details.exitCode, action: decision.action });
    if (decision.action === 'reload') loadPage();
    else showStatus('maintenance', decision.retryInMs, () => o.policy.onMaintenanceRetry());
  });
  win.once('ready-to-show', () => win.show());
  return { loadPage };
}
