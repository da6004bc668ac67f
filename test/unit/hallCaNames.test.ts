// The server certificate is kept across starts only when it covers every wanted name; names
// are compared in one spelling, or an IPv6 address (printed uncompressed by Node) never matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalName } from '../../electron/server/tls/hallCa.js';

test('IPv6 addresses compare in one spelling, whatever the compression or case', () => {
  assert.equal(canonicalName('::1'), canonicalName('0:0:0:0:0:0:0:1'));
  assert.equal(canonicalName('FE80::1:2'), canonicalName('fe80:0:0:0:0:0:1:2'));
  assert.equal(canonicalName('fd00:0:0::10'), 'fd00:0:0:0:0:0:0:10');
  assert.equal(canonicalName('1:2:3:4:5:6:7:8'), '1:2:3:4:5:6:7:8');
  assert.notEqual(canonicalName('::1'), canonicalName('::2'));
});

test('IPv4 addresses stay as they are and host names compare case-blind', () => {
  assert.equal(canonicalName('10.0.0.1'), '10.0.0.1');
  assert.equal(canonicalName('HALL.lan'), 'hall.lan');
});
