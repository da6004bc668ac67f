// The five ways the desktop app can run, and what each role means for its window. Every
// other shell module keys its decisions on Role, so adding a role is a compile error
// everywhere that must decide something about it.

export const ROLES = ['hall', 'kiosk', 'counter', 'display', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The page a window shows; `hall` runs the server and shows the kiosk page on this machine. */
export type PageRole = Exclude<Role, 'hall'>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function pageRoleOf(role: Role): PageRole {
  return role === 'hall' ? 'kiosk' : role;
}

/** Path of the hall server page each window loads. */
export function pagePath(page: PageRole): string {
  return `/${page}`;
}

/**
 * Kiosk and display stand in the public hall with nobody watching them, so they get the
 * full lockdown. Counter and admin windows are used by logged-in staff at a desk.
 */
export function isLockedDown(page: PageRole): boolean {
  return page === 'kiosk' || page === 'display';
}

/** Pages that authenticate with a device token (issued by an admin) rather than a login. */
export function usesDeviceToken(page: PageRole): page is 'kiosk' | 'display' {
  return page === 'kiosk' || page === 'display';
}
