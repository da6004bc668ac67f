// Kiosks and displays pair once by opening /kiosk#token=… (or /display#token=…); the token
// is kept in localStorage and the fragment removed so it never shows on screen.
// In Electron the preload supplies it instead (window.hallKiosk / window.hallDisplay).
import type { DisplayBridge, KioskBridge } from '../../electron/preload/api.js';

declare global {
  interface Window {
    hallKiosk?: KioskBridge;
    hallDisplay?: DisplayBridge;
  }
}

export async function readDeviceToken(storageKey: string): Promise<string | null> {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = hash.get('token');
  if (fromHash) {
    localStorage.setItem(storageKey, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  const bridge = window.hallKiosk ?? window.hallDisplay;
  if (bridge) {
    const fromShell = await bridge.deviceToken();
    if (fromShell) return fromShell;
  }
  return localStorage.getItem(storageKey);
}

export function forgetDeviceToken(storageKey: string): void {
  localStorage.removeItem(storageKey);
}
