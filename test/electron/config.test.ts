// Role and server selection from the config file and the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hallOriginOf, parseArgs, resolveConfig } from '../../electron/shell/config.js';

const ok = (argv: string[], fileText: string | null = null) => {
  const r = resolveConfig({ argv, fileText });
  assert.ok(r.ok, r.ok ? '' : r.errors.join('; '));
  return r.config;
};
const errors = (argv: string[], fileText: string | null = null): string[] => {
  const r = resolveConfig({ argv, fileText });
  assert.equal(r.ok, false);
  return r.ok ? [] : r.errors;
};

test('no config at all: the embedded hall on 0.0.0.0:8080', () => {
  const c = ok([]);
  assert.equal(c.role, 'hall');
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.port, 8080);
  assert.equal(c.serverUrl, null);
  assert.equal(c.dev, false);
  assert.equal(c.autostart, true);
});

test('both --flag value and --flag=value; the command line wins over the file', () => {
  const file = JSON.stringify({ role: 'display', server: 'http://10.0.0.2:8080', deviceToken: 'tok', screen: 1 });
  assert.equal(ok([], file).role, 'display');
  const c = ok(['--role', 'kiosk', '--server=http://10.0.0.3:9000/kiosk?x=1'], file);
  assert.equal(c.role, 'kiosk');
  assert.equal(c.serverUrl, 'http://10.0.0.3:9000', 'only the origin is kept');
  assert.equal(c.deviceToken, 'tok');
  assert.equal(c.screen, 1);
});

test('hall role options', () => {
  const c = ok(['--port=9001', '--host', '127.0.0.1', '--data-dir=/srv/hall', '--printer=tcp://10.0.0.9:9100', '--allowed-host=hall.local', '--allowed-host', 'hall']);
  assert.deepEqual([c.port, c.host, c.dataDir, c.printer, c.allowedHosts], [9001, '127.0.0.1', '/srv/hall', 'tcp://10.0.0.9:9100', ['hall.local', 'hall']]);
  assert.equal(ok(['--no-autostart']).autostart, false);
  assert.equal(ok(['--autostart=false']).autostart, false);
});

test('clear errors for bad roles, ports, servers and missing servers', () => {
  assert.match(errors(['--role=cashier']).join(), /role must be one of/);
  assert.match(errors(['--port=70000']).join(), /port/);
  assert.match(errors(['--port']).join(), /needs a value/);
  assert.match(errors(['--role=counter']).join(), /needs --server/);
  assert.match(errors(['--role=counter', '--server=file:///etc/passwd']).join(), /http\(s\)/);
  assert.match(errors(['--role=counter', '--server=http://user:pw@10.0.0.2']).join(), /http\(s\)/);
  assert.match(errors(['--server=http://10.0.0.2']).join(), /runs its own server/);
  assert.match(errors([], '{"deviceToken":"x"}').join(), /only for the kiosk and display/);
  assert.match(errors(['--dev=maybe']).join(), /true\/false/);
});

test('config file problems are reported, not ignored', () => {
  assert.match(errors([], '{oops').join(), /not valid JSON/);
  assert.match(errors([], '[]').join(), /JSON object/);
  assert.match(errors([], '{"rol":"kiosk"}').join(), /unknown key "rol"/);
  assert.match(errors([], '{"port":"8080"}').join(), /port/);
  assert.match(errors([], '{"allowedHosts":"x"}').join(), /allowedHosts/);
});

test('switches that weaken security are refused unless --dev', () => {
  for (const s of ['--remote-debugging-port=9222', '--inspect', '--no-sandbox', '--disable-web-security', '--js-flags=--allow-natives-syntax']) {
    assert.match(errors([s]).join(), /refused outside --dev/, s);
  }
  assert.equal(ok(['--dev', '--remote-debugging-port=9222']).dev, true);
});

test('unknown Chromium switches and stray arguments are only warnings', () => {
  const r = resolveConfig({ argv: ['--enable-features=Foo', '.', '--device-token=secret'], fileText: null });
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.warnings.length, 3);
  assert.equal(parseArgs(['--config', '/etc/hall.json']).configPath, '/etc/hall.json');
});

test('hallOriginOf keeps http(s) origins only', () => {
  assert.equal(hallOriginOf('https://hall.example:8443/x#y'), 'https://hall.example:8443');
  assert.equal(hallOriginOf('javascript:alert(1)'), null);
  assert.equal(hallOriginOf('not a url'), null);
});
