// The URL allow-list: hall origin only, locked pages pinned to their own page, never file://.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedNavigation, isAllowedSubresource, isHallOrigin, pageUrl } from '../../electron/shell/navigation.js';

const HALL = 'http://192.168.1.10:8080';

test('each role loads its page from the hall server', () => {
  assert.equal(pageUrl(HALL, 'kiosk'), 'http://192.168.1.10:8080/kiosk');
  assert.equal(pageUrl(HALL, 'display'), 'http://192.168.1.10:8080/display');
  assert.equal(pageUrl('https://hall.local', 'admin'), 'https://hall.local/admin');
});

test('same origin means same scheme, host and port', () => {
  assert.equal(isHallOrigin('http://192.168.1.10:8080/kiosk', HALL), true);
  for (const url of [
    'https://192.168.1.10:8080/kiosk',
    'http://192.168.1.10:8081/kiosk',
    'http://192.168.1.11:8080/kiosk',
    'http://192.168.1.10:8080.evil.com/kiosk',
    'http://user:pw@192.168.1.10:8080/kiosk',
    'file:///etc/passwd',
    'file://192.168.1.10:8080/kiosk',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ]) {
    assert.equal(isHallOrigin(url, HALL), false, url);
  }
});

test('kiosk and display stay on their own page; staff pages may move within the hall', () => {
  assert.equal(isAllowedNavigation(`${HALL}/kiosk`, HALL, 'kiosk'), true);
  assert.equal(isAllowedNavigation(`${HALL}/kiosk#token=abc`, HALL, 'kiosk'), true);
  assert.equal(isAllowedNavigation(`${HALL}/kiosk/form?x=1`, HALL, 'kiosk'), true);
  assert.equal(isAllowedNavigation(`${HALL}/admin`, HALL, 'kiosk'), false);
  assert.equal(isAllowedNavigation(`${HALL}/kioskevil`, HALL, 'kiosk'), false);
  assert.equal(isAllowedNavigation(`${HALL}/counter`, HALL, 'display'), false);
  assert.equal(isAllowedNavigation(`${HALL}/display`, HALL, 'display'), true);
  assert.equal(isAllowedNavigation(`${HALL}/admin/staff`, HALL, 'admin'), true);
  assert.equal(isAllowedNavigation(`${HALL}/kiosk`, HALL, 'counter'), true);
  assert.equal(isAllowedNavigation('https://example.com/', HALL, 'admin'), false);
  assert.equal(isAllowedNavigation('file:///C:/Windows/win.ini', HALL, 'counter'), false);
});

test('sub-resources: hall origin, its WebSocket, data: and blob: (left to the CSP); nothing else', () => {
  assert.equal(isAllowedSubresource(`${HALL}/assets/kiosk.js`, HALL), true);
  assert.equal(isAllowedSubresource('ws://192.168.1.10:8080/api/events', HALL), true);
  assert.equal(isAllowedSubresource('wss://192.168.1.10:8080/api/events', HALL), false);
  assert.equal(isAllowedSubresource('wss://hall.local/api/events', 'https://hall.local'), true);
  assert.equal(isAllowedSubresource('data:image/png;base64,AA==', HALL), true);
  assert.equal(isAllowedSubresource('blob:http://192.168.1.10:8080/uuid', HALL), true);
  assert.equal(isAllowedSubresource('https://fonts.example.com/a.woff2', HALL), false);
  assert.equal(isAllowedSubresource('file:///usr/share/fonts/a.ttf', HALL), false);
});
