// The whole IPC surface between pages and the main process: two read-only requests.
// Shared by the preloads (which call them) and ipc.ts (which answers them), so a renamed
// channel is a compile error rather than a silent "no handler".
import type { PageRole } from './roles.js';

export interface AppInfo {
  version: string;
  page: PageRole;
  platform: string;
  arch: string;
}

export const CHANNELS = {
  /** kiosk/display: the device token this machine authenticates with, or null if unpaired. */
  deviceToken: 'hall:device-token',
  /** every page: app version and role, for the page footer and support calls. */
  appInfo: 'hall:app-info',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Which pages may call which channel; everything else is refused. */
export const CHANNEL_PAGES: Record<Channel, readonly PageRole[]> = {
  [CHANNELS.deviceToken]: ['kiosk', 'display'],
  [CHANNELS.appInfo]: ['kiosk', 'display', 'counter', 'admin'],
};
