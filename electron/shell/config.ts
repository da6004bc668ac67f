// Which role this machine plays and where its hall server is, from a JSON config file and
// the command line (the command line wins). Pure: main.ts reads the file and hands us text.
import { isRole, type Role } from './roles.js';

export interface ShellConfig {
  role: Role;
  /** Origin of the hall server (e.g. http://192.168.1.10:8080) for every role but `hall`. */
  serverUrl: string | null;
  /** `hall` role: where the embedded server listens. 0.0.0.0 so counters on the LAN reach it. */
  host: string;
  port: number;
  /** `hall` role: null means the per-user default (paths.ts). */
  dataDir: string | null;
  printer: string | null;
  allowedHosts: string[];
  /** kiosk/display roles: the device token an admin created for this machine. */
  deviceToken: string | null;
  /** Development: devtools allowed, no kiosk mode. Never set on a hall machine. */
  dev: boolean;
  /** Start at login (Windows login item; Linux uses the systemd user unit instead). */
  autostart: boolean;
  /** Index of the screen the window opens on (a hall display TV is often the second one). */
  screen: number | null;
  /** `hall` role: serve HTTPS/WSS with the hall's own certificate authority (electron/server/tls). */
  tls: boolean;
  /**
   * Other roles with an https server: SHA-256 fingerprint of the hall CA certificate (shown on
   * the admin page). The windows trust exactly that CA for the hall's address.
   */
  caFingerprint: string | null;
}

export const DEFAULT_PORT = 8080;

const DEFAULTS: ShellConfig = {
  role: 'hall',
  serverUrl: null,
  host: '0.0.0.0',
  port: DEFAULT_PORT,
  dataDir: null,
  printer: null,
  allowedHosts: [],
  deviceToken: null,
  dev: false,
  autostart: true,
  screen: null,
  tls: false,
  caFingerprint: null,
};

/**
 * Chromium/Node switches that would switch off a protection we rely on (remote control of
 * the renderer, no sandbox, no same-origin policy). Refused unless --dev, because anyone
 * who can edit a desktop shortcut could otherwise add them to a public kiosk.
 */
export const FORBIDDEN_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
  'no-sandbox',
  'disable-web-security',
  'ignore-certificate-errors',
  'allow-running-insecure-content',
  'disable-site-isolation-trials',
  'enable-logging',
] as const;

type Key = keyof ShellConfig;
type Raw = Partial<Record<Key, unknown>>;

/** CLI spellings → config keys. Both `--data-dir X` and `--data-dir=X` are accepted. */
const FLAGS: Record<string, Key> = {
  role: 'role',
  server: 'serverUrl',
  host: 'host',
  port: 'port',
  'data-dir': 'dataDir',
  printer: 'printer',
  'allowed-host': 'allowedHosts',
  dev: 'dev',
  autostart: 'autostart',
  'no-autostart': 'autostart',
  screen: 'screen',
  tls: 'tls',
  'ca-fingerprint': 'caFingerprint',
};
const BOOLEAN_FLAGS = new Set(['dev', 'autostart', 'no-autostart', 'tls']);

/** Keys of config.json; `deviceToken` is file-only so a token never shows in a process list. */
const FILE_KEYS: Record<string, Key> = {
  role: 'role',
  server: 'serverUrl',
  host: 'host',
  port: 'port',
  dataDir: 'dataDir',
  printer: 'printer',
  allowedHosts: 'allowedHosts',
  deviceToken: 'deviceToken',
  dev: 'dev',
  autostart: 'autostart',
  screen: 'screen',
  tls: 'tls',
  caFingerprint: 'caFingerprint',
};

/**
 * The switch name Chromium would read from an argument, or null for a plain argument.
 * Chromium takes `--name`, `-name` and (on Windows) `/name`, case-insensitively on Windows,
 * so all of these spellings are judged, not only `--name`.
 */
export function switchName(arg: string): string | null {
  const m = /^(?:--|-|\/)([^=/\s][^=]*)/.exec(arg);
  return m ? m[1]!.toLowerCase() : null;
}

export interface ParsedArgs {
  values: Raw;
  configPath: string | null;
  errors: string[];
  warnings: string[];
  /** Weakening switches that --dev let through (an installed build refuses them anyway). */
  forbiddenUnderDev: string[];
}

/** argv without the executable (and without the app path when run as `electron .`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { values: {}, configPath: null, errors: [], warnings: [], forbiddenUnderDev: [] };
  const hosts: string[] = [];
  const forbidden: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const chromiumName = switchName(arg);
    if (chromiumName !== null && (FORBIDDEN_SWITCHES as readonly string[]).includes(chromiumName)) {
      forbidden.push(chromiumName);
      continue;
    }
    if (!arg.startsWith('--')) {
      out.warnings.push(`ignored argument ${JSON.stringify(arg)}`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if ((FORBIDDEN_SWITCHES as readonly string[]).includes(name)) {
      forbidden.push(name);
      continue;
    }
    if (name === 'config' || FLAGS[name]) {
      if (value === undefined && !BOOLEAN_FLAGS.has(name)) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) {
          out.errors.push(`--${name} needs a value`);
          continue;
        }
        value = next;
        i++;
      }
    }
    if (name === 'config') {
      out.configPath = value ?? null;
    } else if (name === 'allowed-host') {
      hosts.push(value ?? '');
    } else if (BOOLEAN_FLAGS.has(name)) {
      const on = value === undefined || value === 'true' || value === '1';
      const off = value === 'false' || value === '0';
      if (!on && !off) out.errors.push(`--${name} takes no value or true/false`);
      else out.values[FLAGS[name] as Key] = name === 'no-autostart' ? !on : on;
    } else if (FLAGS[name]) {
      out.values[FLAGS[name]] = name === 'port' || name === 'screen' ? Number(value) : value;
    } else {
      // Chromium passes its own switches through argv; they are not ours to judge.
      out.warnings.push(`ignored switch --${name}`);
    }
  }
  if (hosts.length > 0) out.values.allowedHosts = hosts;
  // --dev is the explicit "I am a developer" flag: only then are the switches tolerated.
  if (out.values.dev !== true) {
    for (const name of forbidden) out.errors.push(`--${name} switches off a protection and is refused outside --dev`);
  } else out.forbiddenUnderDev.push(...forbidden);
  return out;
}

export function parseConfigFile(text: string): { values: Raw; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { values: {}, errors: [`config file is not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { values: {}, errors: ['config file must hold a JSON object'] };
  }
  const values: Raw = {};
  const errors: string[] = [];
  for (const [k, v] of Object.entries(json)) {
    const key = FILE_KEYS[k];
    if (key) values[key] = v;
    else errors.push(`config file: unknown key ${JSON.stringify(k)} (known: ${Object.keys(FILE_KEYS).join(', ')})`);
  }
  return { values, errors };
}

export type ResolveResult = { ok: true; config: ShellConfig; warnings: string[] } | { ok: false; errors: string[] };

/** Merges defaults ← config file ← command line and validates every field. */
export function resolveConfig(input: { argv: readonly string[]; fileText: string | null; packaged?: boolean }): ResolveResult {
  const args = parseArgs(input.argv);
  const file = input.fileText === null ? { values: {}, errors: [] } : parseConfigFile(input.fileText);
  const errors = [...file.errors, ...args.errors];
  const raw: Raw = { ...file.values, ...args.values };
  const c: ShellConfig = { ...DEFAULTS, allowedHosts: [] };

  if (raw.role !== undefined) {
    if (isRole(raw.role)) c.role = raw.role;
    else errors.push(`role must be one of hall, kiosk, counter, display, admin (got ${JSON.stringify(raw.role)})`);
  }
  if (raw.serverUrl !== undefined && raw.serverUrl !== null) {
    const origin = typeof raw.serverUrl === 'string' ? hallOriginOf(raw.serverUrl) : null;
    if (origin) c.serverUrl = origin;
    else errors.push(`server must be an http(s) address like http://192.168.1.10:8080 (got ${JSON.stringify(raw.serverUrl)})`);
  }
  if (c.role !== 'hall' && c.serverUrl === null) errors.push(`role ${c.role} needs --server=http://<hall machine>:<port>`);
  if (c.role === 'hall' && c.serverUrl !== null) errors.push('role hall runs its own server; --server is for the other roles');
  if (raw.host !== undefined) {
    if (typeof raw.host === 'string' && /^[A-Za-z0-9.:-]{1,253}$/.test(raw.host)) c.host = raw.host;
    else errors.push('host must be an IP address or host name');
  }
  if (raw.port !== undefined) {
    if (Number.isInteger(raw.port) && (raw.port as number) >= 1 && (raw.port as number) <= 65535) c.port = raw.port as number;
    else errors.push('port must be a whole number from 1 to 65535');
  }
  if (raw.screen !== undefined && raw.screen !== null) {
    if (Number.isInteger(raw.screen) && (raw.screen as number) >= 0 && (raw.screen as number) < 16) c.screen = raw.screen as number;
    else errors.push('screen must be a screen index from 0');
  }
  for (const key of ['dataDir', 'printer', 'deviceToken'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && v.length > 0 && v.length <= 1024) c[key] = v;
    else errors.push(`${key} must be a non-empty string`);
  }
  if (raw.allowedHosts !== undefined) {
    const hosts = raw.allowedHosts;
    if (Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && /^[A-Za-z0-9.:-]{1,253}$/.test(h))) {
      c.allowedHosts = hosts as string[];
    } else errors.push('allowedHosts must be a list of host names');
  }
  for (const key of ['dev', 'autostart'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') c[key] = v;
    else errors.push(`${key} must be true or false`);
  }
  for (const key of ['tls'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') c[key] = v;
    else errors.push(`${key} must be true or false`);
  }
  if (raw.caFingerprint !== undefined && raw.caFingerprint !== null) {
    const fp = typeof raw.caFingerprint === 'string' ? normalizeFingerprint(raw.caFingerprint) : null;
    if (fp) c.caFingerprint = fp;
    else errors.push('caFingerprint must be the 64 hex digits of a SHA-256 fingerprint (colons allowed), as shown on the admin page');
  }
  if (c.tls && c.role !== 'hall') errors.push('tls is for the hall role; other roles use an https:// server address');
  if (c.role !== 'hall' && c.serverUrl?.startsWith('https:') && c.caFingerprint === null) {
    errors.push('an https:// server needs caFingerprint (the hall CA fingerprint shown on the admin page)');
  }
  // A packaged app is a hall machine: devtools and the weakening switches stay off whatever
  // a shortcut or the config file says.
  if (input.packaged === true && c.dev) errors.push('--dev (or "dev": true) is refused by an installed build');
  if (input.packaged === true && args.values.dev === true) {
    for (const name of args.forbiddenUnderDev) errors.push(`--${name} switches off a protection and is refused by an installed build`);
  }
  if (c.deviceToken !== null && c.role !== 'kiosk' && c.role !== 'display') {
    errors.push('deviceToken is only for the kiosk and display roles');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: c, warnings: args.warnings };
}

/** The origin of an http(s) URL without credentials, or null. Paths are dropped on purpose. */
export function hallOriginOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password || !u.hostname) return null;
  return u.origin;
}

/** "AB:CD:…" or "abcd…" → 64 upper-case hex digits with colons, or null. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}
