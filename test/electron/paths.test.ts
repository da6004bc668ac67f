// Default locations: the same per-user data folder as the headless server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appPathsFor, defaultConfigPath, defaultDataDir } from '../../electron/shell/paths.js';

test('per-user data directory on each platform', () => {
  assert.equal(defaultDataDir({ platform: 'linux', env: {}, home: '/home/hall' }), '/home/hall/.local/share/hall-kiosk');
  assert.equal(defaultDataDir({ platform: 'linux', env: { XDG_DATA_HOME: '/data' }, home: '/home/hall' }), '/data/hall-kiosk');
  assert.equal(defaultConfigPath({ platform: 'linux', env: {}, home: '/home/hall' }), '/home/hall/.local/share/hall-kiosk/config.json');
  assert.ok(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\hall\\AppData\\Roaming' }, home: 'C:\\Users\\hall' }).endsWith('hall-kiosk'));
});

test('packaged resources sit outside the asar; pages inside it', () => {
  assert.deepEqual(appPathsFor({ packaged: true, appPath: '/opt/Hall Kiosk/resources/app.asar', resourcesPath: '/opt/Hall Kiosk/resources' }), {
    resources: '/opt/Hall Kiosk/resources/resources',
    assets: '/opt/Hall Kiosk/resources/app.asar/dist/renderer',
  });
  assert.deepEqual(appPathsFor({ packaged: false, appPath: '/src/hall', resourcesPath: '/x' }), { resources: '/src/hall/resources', assets: '/src/hall/dist/renderer' });
});
