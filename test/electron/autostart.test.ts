// Start at login: the Windows login item and the shipped systemd user unit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { defaultSystemdUnit, loginItemSettings, systemdUserUnit } from '../../electron/shell/autostart.js';

const base = { platform: 'win32' as const, packaged: true, autostart: true, execPath: 'C:\\Program Files\\Hall Kiosk\\Hall Kiosk.exe', role: 'kiosk' as const, configPath: null };

test('Windows packaged app registers itself with its role', () => {
  assert.deepEqual(loginItemSettings(base), { openAtLogin: true, path: base.execPath, args: ['--role=kiosk'] });
  assert.deepEqual(loginItemSettings({ ...base, configPath: 'D:\\hall.json' })?.args, ['--role=kiosk', '--config=D:\\hall.json']);
  assert.equal(loginItemSettings({ ...base, autostart: false })?.openAtLogin, false, 'turning it off removes the item');
  assert.equal(loginItemSettings({ ...base, packaged: false }), null, 'never registers the bare electron binary');
  assert.equal(loginItemSettings({ ...base, platform: 'linux' }), null, 'Linux uses the systemd unit');
});

test('the shipped unit is the generated one, with Restart=always', () => {
  const shipped = readFileSync(new URL('../../resources/systemd/hall-kiosk.service', import.meta.url), 'utf8');
  assert.equal(shipped, defaultSystemdUnit());
  assert.match(shipped, /^Restart=always$/m);
  assert.match(shipped, /^ExecStart=\/usr\/bin\/hall-kiosk --role=hall$/m);
  assert.match(shipped, /^WantedBy=graphical-session\.target$/m);
});

test('ExecStart quotes paths with spaces', () => {
  const unit = systemdUserUnit({ execPath: '/home/hall/Apps/Hall Kiosk.AppImage', args: ['--role=display', '--server=http://10.0.0.2:8080'] });
  assert.match(unit, /^ExecStart="\/home\/hall\/Apps\/Hall Kiosk\.AppImage" --role=display --server=http:\/\/10\.0\.0\.2:8080$/m);
});
