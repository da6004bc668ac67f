// Composition root of the desktop app: reads the role, starts the embedded hall server in
// the `hall` role, opens the one window of the role and binds the shell policies to it.
// Wiring only — every decision lives in electron/shell/* where it is unit-tested.
// First: raises libuv's thread pool before anything uses it (why: electron/server/threadpool.ts).
import './server/threadpool.js';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, powerSaveBlocker, safeStorage, screen, session } from 'electron';
import { startHallServer, type HallServer } from './server/hallServer.js';
import { attachPersonalDataKey } from './server/http/routes/security.js';
import { contentSecurityPolicy } from './server/http/csp.js';
import { loginItemSettings } from './shell/autostart.js';
import { certificateVerdict, hallPin, REFUSE } from './shell/certificatePin.js';
import { parseArgs, resolveConfig, type ShellConfig } from './shell/config.js';
import { KEY_FILE, PersonalDataKeyring, directoryKeyFiles } from './shell/dataKey.js';
import { ensureDeviceToken, fileTokenVault } from './shell/deviceToken.js';
import { registerIpcHandlers } from './shell/ipc.js';
import { guardWindow, hardenSession, realTimers, type ShellLog } from './shell/lockdown.js';
import { appPathsFor, defaultConfigPath, defaultDataDir, keysDir, type PathEnv } from './shell/paths.js';
import { RestartPolicy } from './shell/restartPolicy.js';
import { isLockedDown, pageRoleOf, type PageRole } from './shell/roles.js';
import { windowOptions } from './shell/windowOptions.js';

const here = dirname(fileURLToPath(import.meta.url));
const pathEnv: PathEnv = { platform: process.platform, env: process.env, home: homedir() };
const log: ShellLog = {
  info: (msg, fields) => console.log(JSON.stringify({ level: 'info', src: 'shell', msg, ...fields })),
  warn: (msg, fields) => console.warn(JSON.stringify({ level: 'warn', src: 'shell', msg, ...fields })),
};

function readConfigText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function fail(lines: string[]): void {
  console.error(lines.join('\n'));
  // A hall technician starting from a desktop shortcut sees no terminal.
  void app.whenReady().then(() => {
    dialog.showErrorBox('Hall Kiosk cannot start', lines.join('\n'));
    app.exit(2);
  });
}

async function run(config: ShellConfig, configPath: string): Promise<void> {
  const page: PageRole = pageRoleOf(config.role);
  let quitting = false;
  let server: HallServer | null = null;
  let token: string | null = config.deviceToken;

  await app.whenReady();
  // No menu: no accelerators for reload, zoom or devtools, in any role.
  Menu.setApplicationMenu(null);
  if (config.role === 'hall') {
    const dataDir = config.dataDir ?? defaultDataDir(pathEnv);
    const notices: string[] = [];
    // safeStorage works only after 'ready'; the status (incl. basic_text) is for the admin page.
    const keyFiles = directoryKeyFiles(keysDir(dataDir));
    const keyring = new PersonalDataKeyring({ safeStorage, files: keyFiles, platform: process.platform, now: () => new Date(), randomKey: () => randomBytes(32), location: join(keysDir(dataDir), KEY_FILE) });
    log.info('personal data key', { ...keyring.status() });
    server = await startHallServer({
      dataDir,
      host: config.host,
      port: config.port,
      printer: config.printer,
      allowedHosts: config.allowedHosts,
      tls: config.tls,
      paths: appPathsFor({ packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
      announce: (line) => notices.push(line),
    });
    // The admin page reports how the key is protected (and asks to acknowledge basic_text).
    attachPersonalDataKey(server.context, keyring);
    const device = await ensureDeviceToken(server.context.auth, fileTokenVault(keyFiles, safeStorage, 'hall-kiosk.token.json'), 'kiosk', 'Hall machine kiosk');
    if (device.created) log.info('kiosk device created for this hall machine');
    token = device.token;
    if (notices.length > 0) {
      // One-time notices (the first admin password) must reach a person, not only a log.
      await dialog.showMessageBox({ type: 'info', title: 'Hall Kiosk', message: notices.join('\n\n'), buttons: ['OK'] });
    }
  }
  const hallOrigin = new URL(server ? server.url : (config.serverUrl as string)).origin;
  // TLS: the windows trust exactly the hall CA (by fingerprint) for the hall's host, nothing
  // else self-signed (shell/certificatePin.ts).
  const pin = hallPin(hallOrigin, server ? (server.tls?.caFingerprint ?? null) : config.caFingerprint);
  if (pin) {
    session.defaultSession.setCertificateVerifyProc((request, callback) => {
      const verdict = certificateVerdict(request, pin, Date.now());
      if (verdict === REFUSE) log.warn('certificate refused', { host: request.hostname });
      callback(verdict);
    });
  }

  const ourWindows = new Map<number, PageRole>();
  hardenSession(session.defaultSession, {
    hallOrigin,
    pageOf: (wc) => ourWindows.get(wc.id) ?? null,
    csp: contentSecurityPolicy(),
    dev: config.dev,
    log,
  });
  registerIpcHandlers(ipcMain, {
    hallOrigin: () => hallOrigin,
    pageOf: (id) => ourWindows.get(id) ?? null,
    deviceToken: async () => token,
    appInfo: (p) => ({ version: app.getVersion(), page: p, platform: process.platform, arch: process.arch }),
    onRefused: (channel, reason) => log.warn('ipc refused', { channel, reason }),
  });

  const display = config.screen === null ? undefined : screen.getAllDisplays()[config.screen];
  const options = windowOptions({ page, preloadPath: join(here, 'preload', `${page}.cjs`), dev: config.dev, screenBounds: display?.bounds });
  // The four switches are repeated at the construction site so that nothing between the
  // policy and the window can weaken them (and so scanners can see them).
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  ourWindows.set(win.webContents.id, page);
  const guard = guardWindow(win, { page, hallOrigin, dev: config.dev, policy: new RestartPolicy(), timers: realTimers, log, quitting: () => quitting });
  guard.loadPage();

  if (isLockedDown(page)) powerSaveBlocker.start('prevent-display-sleep');
  const loginItem = loginItemSettings({
    platform: process.platform,
    packaged: app.isPackaged,
    autostart: config.autostart,
    execPath: process.execPath,
    role: config.role,
    configPath: configPath === defaultConfigPath(pathEnv) ? null : configPath,
  });
  if (loginItem) app.setLoginItemSettings(loginItem);

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  const quit = (why: string): void => {
    log.info('quitting', { why });
    quitting = true;
    app.quit();
  };
  process.on('SIGTERM', () => quit('SIGTERM'));
  process.on('SIGINT', () => quit('SIGINT'));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => quit('window closed'));
  let closed = false;
  app.on('will-quit', (event) => {
    if (!server || closed) return;
    // Close the database cleanly (WAL checkpoint) before the process goes away.
    event.preventDefault();
    closed = true;
    void server.close().finally(() => app.exit(0));
  });
}

function main(): void {
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  const configPath = parseArgs(argv).configPath ?? process.env.HALL_KIOSK_CONFIG ?? defaultConfigPath(pathEnv);
  let fileText: string | null;
  try {
    fileText = readConfigText(configPath);
  } catch (e) {
    return fail([`Cannot read ${configPath}: ${(e as Error).message}`]);
  }
  const resolved = resolveConfig({ argv, fileText, packaged: app.isPackaged });
  if (!resolved.ok) return fail([`Configuration problem (${configPath} and command line):`, ...resolved.errors]);
  for (const w of resolved.warnings) log.info('argument', { note: w });
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (isLockedDown(pageRoleOf(resolved.config.role)) && !resolved.config.dev) {
    // Chromium-level: no pinch zoom and no swipe-to-go-back on touch screens.
    app.commandLine.appendSwitch('disable-pinch');
    app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  }
  run(resolved.config, configPath).catch((e: unknown) => fail([`Hall Kiosk stopped: ${(e as Error).message}`]));
}

main();
