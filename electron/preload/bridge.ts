// Shared by the role preloads. Pages get plain functions that take nothing and return
// plain data: never ipcRenderer itself, never an IPC event (whose `sender` would hand the
// page the whole IPC channel), never a way to name a channel.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type AppInfo } from '../shell/channels.js';

export function deviceToken(): Promise<string | null> {
  return ipcRenderer.invoke(CHANNELS.deviceToken).then((t: unknown) => (typeof t === 'string' ? t : null));
}

export function appInfo(): Promise<AppInfo> {
  return ipcRenderer.invoke(CHANNELS.appInfo) as Promise<AppInfo>;
}

/** Frozen, so a page script cannot swap a function for one of its own on the shared object. */
export function expose(name: string, api: Record<string, () => Promise<unknown>>): void {
  contextBridge.exposeInMainWorld(name, Object.freeze({ ...api }));
}
