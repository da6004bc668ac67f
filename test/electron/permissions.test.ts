// Permission policy: everything denied except the admin page's microphone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPermissionCheckGranted, isPermissionGranted, type PermissionAsk } from '../../electron/shell/permissions.js';

const HALL = 'http://127.0.0.1:8080';
const ask = (p: Partial<PermissionAsk>): PermissionAsk => ({
  page: 'admin',
  permission: 'media',
  requestingUrl: `${HALL}/admin`,
  mediaTypes: ['audio'],
  isMainFrame: true,
  ...p,
});

test('the admin page may use the microphone', () => {
  assert.equal(isPermissionGranted(ask({}), HALL), true);
});

test('no camera, no other page, no sub-frame, no foreign origin, no other permission', () => {
  assert.equal(isPermissionGranted(ask({ mediaTypes: ['audio', 'video'] }), HALL), false);
  assert.equal(isPermissionGranted(ask({ mediaTypes: ['video'] }), HALL), false);
  assert.equal(isPermissionGranted(ask({ mediaTypes: [] }), HALL), false);
  assert.equal(isPermissionGranted(ask({ mediaTypes: undefined }), HALL), false);
  for (const page of ['kiosk', 'display', 'counter'] as const) assert.equal(isPermissionGranted(ask({ page }), HALL), false, page);
  assert.equal(isPermissionGranted(ask({ isMainFrame: false }), HALL), false);
  assert.equal(isPermissionGranted(ask({ requestingUrl: 'http://evil.example/admin' }), HALL), false);
  for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'display-capture', 'midiSysex', 'unknown']) {
    assert.equal(isPermissionGranted(ask({ permission }), HALL), false, permission);
  }
});

test('permission checks follow the same rule', () => {
  const check = { page: 'admin' as const, permission: 'media', requestingOrigin: HALL, mediaType: 'audio' };
  assert.equal(isPermissionCheckGranted(check, HALL), true);
  assert.equal(isPermissionCheckGranted({ ...check, mediaType: 'video' }, HALL), false);
  assert.equal(isPermissionCheckGranted({ ...check, page: 'kiosk' }, HALL), false);
  assert.equal(isPermissionCheckGranted({ ...check, requestingOrigin: 'http://10.0.0.1' }, HALL), false);
  assert.equal(isPermissionCheckGranted({ ...check, permission: 'serial' }, HALL), false);
});
