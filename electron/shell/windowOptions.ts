// BrowserWindow options per role. The four security switches are written out on every
// window even where Electron's current defaults agree, because defaults have changed
// between versions and scanners (Electronegativity) judge by what is written.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isLockedDown, type PageRole } from './roles.js';

export interface WindowContext {
  page: PageRole;
  /** Absolute path of dist/electron/preload/<page>.cjs. */
  preloadPath: string;
  dev: boolean;
  /** Bounds of the screen the window should open on, if a particular one was chosen. */
  screenBounds?: { x: number; y: number; width: number; height: number };
}

export function webPreferences(ctx: WindowContext): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Middle-click would open links in a new window (denied anyway, but never offered).
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Devtools only for developers; in production not even the menu or a key can open them.
    devTools: ctx.dev,
    preload: ctx.preloadPath,
    // The hall display must chime and speak the call without anyone touching it.
    autoplayPolicy: ctx.page === 'display' ? 'no-user-gesture-required' : 'user-gesture-required',
    // Kiosk timers (inactivity countdown) must keep running even if the window is covered.
    backgroundThrottling: !isLockedDown(ctx.page),
    zoomFactor: 1,
  };
}

export function windowOptions(ctx: WindowContext): BrowserWindowConstructorOptions {
  const locked = isLockedDown(ctx.page) && !ctx.dev;
  const base: BrowserWindowConstructorOptions = {
    show: false, // shown on 'ready-to-show' so residents never see a white flash
    backgroundColor: '#0b2545',
    autoHideMenuBar: true,
    title: 'Hall Kiosk',
    webPreferences: webPreferences(ctx),
    ...(ctx.screenBounds ? { x: ctx.screenBounds.x, y: ctx.screenBounds.y } : {}),
  };
  if (!locked) {
    return { ...base, width: 1280, height: 800, minWidth: 800, minHeight: 600 };
  }
  return {
    ...base,
    // kiosk:true is full screen only on Windows and Linux; the rest is spelled out.
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: true,
    skipTaskbar: true,
    alwaysOnTop: true,
    ...(ctx.screenBounds ? { width: ctx.screenBounds.width, height: ctx.screenBounds.height } : {}),
  };
}
