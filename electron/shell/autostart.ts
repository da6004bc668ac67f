// Starting at login. Windows: a login item set from the app itself. Linux: a systemd user
// unit with Restart=always (resources/systemd/hall-kiosk.service, installed by the hall
// technician as described in docs/electron.md), because systemd also restarts the whole app
// if the main process dies, which a desktop autostart entry would not.
import type { Role } from './roles.js';

export interface LoginItem {
  openAtLogin: boolean;
  path: string;
  args: string[];
}

/**
 * Settings for app.setLoginItemSettings, or null when this platform does not use them
 * (Linux: systemd) or when running unpackaged (it would register the bare electron binary).
 */
export function loginItemSettings(opts: {
  platform: NodeJS.Platform;
  packaged: boolean;
  autostart: boolean;
  execPath: string;
  role: Role;
  configPath: string | null;
}): LoginItem | null {
  if (opts.platform !== 'win32' || !opts.packaged) return null;
  const args = [`--role=${opts.role}`];
  if (opts.configPath) args.push(`--config=${opts.configPath}`);
  return { openAtLogin: opts.autostart, path: opts.execPath, args };
}

/** The deb package links /usr/bin/hall-kiosk to the installed app. */
export const LINUX_EXEC = '/usr/bin/hall-kiosk';

/** Quotes one argument for an ExecStart= line (systemd splits on spaces, honours "…"). */
function systemdQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function systemdUserUnit(opts: { execPath: string; args: readonly string[] }): string {
  const exec = [opts.execPath, ...opts.args].map(systemdQuote).join(' ');
  return [
    '# Hall Kiosk as a systemd user service: starts with the graphical session of the',
    '# kiosk user and is restarted whenever it exits. See docs/electron.md.',
    '[Unit]',
    'Description=Hall Kiosk (community service hall queue)',
    'PartOf=graphical-session.target',
    // No network-online.target: a user manager cannot see it; the app retries instead.
    'After=graphical-session.target',
    // No start-rate limit: a hall kiosk must keep trying all day; the app itself shows a
    // maintenance screen instead of looping on a broken page.
    'StartLimitIntervalSec=0',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${exec}`,
    'Restart=always',
    'RestartSec=3',
    // SIGTERM lets the hall server close the database cleanly before the app exits.
    'KillSignal=SIGTERM',
    'TimeoutStopSec=20',
    '',
    '[Install]',
    'WantedBy=graphical-session.target',
    '',
  ].join('\n');
}

/** The unit shipped in resources/systemd for the default hall machine. */
export function defaultSystemdUnit(): string {
  return systemdUserUnit({ execPath: LINUX_EXEC, args: ['--role=hall'] });
}
