// Kiosks and displays pair once by opening /kiosk#token=… (or /display#token=…); the token
// is kept in localStorage and the fragment removed so it never shows on screen.
// In Electron the preload may supply it instead (window.hallDevice?.token()).

declare global {
  interface Window {
    hallDevice?: { token(): Promise<string | null> };
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
  if (window.hallDevice) {
    const fromShell = await window.hallDevice.token();
    if (fromShell) return fromShell;
  }
  return localStorage.getItem(storageKey);
}

export function forgetDeviceToken(storageKey: string): void {
  localStorage.removeItem(storageKey);
}
