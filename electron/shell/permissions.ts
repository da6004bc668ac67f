// Which browser permissions a page gets. Default deny: a kiosk page has no business with
// the camera, location, notifications, USB or the clipboard. The one exception is the
// microphone for the admin's voice recorder (recording announcement clips).
import { isHallOrigin } from './navigation.js';
import type { PageRole } from './roles.js';

export interface PermissionAsk {
  page: PageRole;
  /** Electron's permission name, e.g. 'media', 'geolocation', 'notifications'. */
  permission: string;
  /** URL of the frame asking (details.requestingUrl / requestingOrigin). */
  requestingUrl: string;
  /** For 'media': what is asked; anything but audio alone is refused. */
  mediaTypes?: readonly string[];
  /** Whether the asking frame is the top frame; sub-frames never get anything. */
  isMainFrame: boolean;
}

export function isPermissionGranted(ask: PermissionAsk, hallOrigin: string): boolean {
  if (ask.page !== 'admin' || !ask.isMainFrame) return false;
  if (!isHallOrigin(ask.requestingUrl, hallOrigin)) return false;
  if (ask.permission !== 'media') return false;
  // An empty list means "unspecified" in Electron; grant only an explicit microphone ask.
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'audio');
}

/**
 * Synchronous permission checks (navigator.permissions.query, enumerateDevices labels).
 * Electron gives no media types here, so the admin page sees "granted" for media only when
 * asked about audio capture.
 */
export function isPermissionCheckGranted(
  check: { page: PageRole; permission: string; requestingOrigin: string; mediaType?: string },
  hallOrigin: string,
): boolean {
  if (check.page !== 'admin' || check.permission !== 'media') return false;
  if (check.mediaType !== 'audio') return false;
  return isHallOrigin(check.requestingOrigin, hallOrigin);
}
