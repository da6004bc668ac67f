// Types of the objects the preloads put on `window`, for the renderer pages to declare:
//   declare global { interface Window { hallKiosk?: KioskBridge } }
// The object is optional on purpose: the same pages also run in a plain browser.
import type { AppInfo } from '../shell/channels.js';

export type { AppInfo };

export interface KioskBridge {
  /** Device token issued for this kiosk, or null when the machine is not paired yet. */
  deviceToken(): Promise<string | null>;
  appInfo(): Promise<AppInfo>;
}

export type DisplayBridge = KioskBridge;

export interface StaffBridge {
  appInfo(): Promise<AppInfo>;
}

/** Global names, one per role, so a page can only find its own role's object. */
export const BRIDGE_NAMES = {
  kiosk: 'hallKiosk',
  display: 'hallDisplay',
  counter: 'hallCounter',
  admin: 'hallAdmin',
} as const;
