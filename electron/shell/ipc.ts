// Every IPC handler of the app, registered here and nowhere else. Each call is checked
// before it is answered: it must come from the top frame of one of our own windows, that
// frame must be showing the hall server's origin, the window's role must be allowed on the
// channel, and the arguments must be exactly what the channel takes (today: none).
// A page that was somehow navigated elsewhere, or an injected sub-frame, gets nothing.
import { CHANNEL_PAGES, CHANNELS, type AppInfo, type Channel } from './channels.js';
import { isHallOrigin } from './navigation.js';
import type { PageRole } from './roles.js';

/** The parts of Electron's IpcMainInvokeEvent we rely on (structural, so tests can fake it). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  /** The hall server origin; null until the embedded server has started. */
  hallOrigin(): string | null;
  /** Role of one of our windows by webContents id; null for anything we did not create. */
  pageOf(webContentsId: number): PageRole | null;
  deviceToken(page: 'kiosk' | 'display'): Promise<string | null>;
  appInfo(page: PageRole): AppInfo;
  /** Refusals are logged (without arguments: they may carry anything). */
  onRefused(channel: string, reason: string): void;
}

export class IpcRefused extends Error {
  constructor(reason: string) {
    super(`IPC refused: ${reason}`);
    this.name = 'IpcRefused';
  }
}

/** Returns the caller's role, or throws IpcRefused with the reason. */
export function checkSender(channel: Channel, event: InvokeEventLike, args: readonly unknown[], deps: IpcDeps): PageRole {
  const origin = deps.hallOrigin();
  const frame = event.senderFrame;
  if (!origin) throw new IpcRefused('hall server not started');
  // senderFrame is null when the frame navigated away or was destroyed before we got here.
  if (!frame) throw new IpcRefused('sender frame gone');
  if (frame.parent !== null) throw new IpcRefused('sub-frame');
  if (!isHallOrigin(frame.url, origin)) throw new IpcRefused('foreign origin');
  const page = deps.pageOf(event.sender.id);
  if (!page) throw new IpcRefused('unknown window');
  if (!CHANNEL_PAGES[channel].includes(page)) throw new IpcRefused(`role ${page} may not call ${channel}`);
  if (args.length !== 0) throw new IpcRefused('unexpected arguments');
  return page;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  const guarded =
    <T>(channel: Channel, answer: (page: PageRole) => T) =>
    (event: InvokeEventLike, ...args: unknown[]): T => {
      try {
        return answer(checkSender(channel, event, args, deps));
      } catch (e) {
        if (e instanceof IpcRefused) deps.onRefused(channel, e.message);
        throw e;
      }
    };

  ipcMain.handle(
    CHANNELS.deviceToken,
    guarded(CHANNELS.deviceToken, (page) => deps.deviceToken(page as 'kiosk' | 'display')),
  );
  ipcMain.handle(
    CHANNELS.appInfo,
    guarded(CHANNELS.appInfo, (page) => deps.appInfo(page)),
  );
}
