// What a window may show. Everything comes from the hall server over http(s): never
// file:// (a file URL gets the file protocol's extra privileges and no CSP header), never
// another site. Locked-down windows are further pinned to their own page.
import { isLockedDown, pagePath, type PageRole } from './roles.js';

/** The URL a window of this role loads; the kiosk/display token travels via the preload. */
export function pageUrl(hallOrigin: string, page: PageRole): string {
  return new URL(pagePath(page), hallOrigin).toString();
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Same scheme, host and port as the hall server, and only http(s). */
export function isHallOrigin(url: string, hallOrigin: string): boolean {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return false;
  if (u.username || u.password) return false;
  return u.origin === hallOrigin;
}

/**
 * May a window of this role navigate (or be redirected) to url? Kiosk and display stay on
 * their page (any query or fragment, e.g. `#token=`), so a link in a translated string or
 * a form hint cannot take a resident to the admin pages.
 */
export function isAllowedNavigation(url: string, hallOrigin: string, page: PageRole): boolean {
  if (!isHallOrigin(url, hallOrigin)) return false;
  if (!isLockedDown(page)) return true;
  const path = (parse(url) as URL).pathname;
  const own = pagePath(page);
  return path === own || path === `${own}/` || path.startsWith(`${own}/`);
}

/** Sub-resources and sub-frames: the hall origin only, whatever the role. */
export function isAllowedSubresource(url: string, hallOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true; // governed by the CSP
  const u = parse(url);
  if (u && (u.protocol === 'ws:' || u.protocol === 'wss:')) {
    return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}` === hallOrigin;
  }
  return isHallOrigin(url, hallOrigin);
}
