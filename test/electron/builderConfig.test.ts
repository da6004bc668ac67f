// electron-builder.yml: valid against electron-builder's own schema, the targets the halls
// need, native modules unpacked, and the fuses that keep the packaged app from being run
// as plain Node or opened to a debugger.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { FuseV1Options, getCurrentFuseWire, flipFuses } from '@electron/fuses';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);
/** @electron/fuses FuseState (not exported from its index): ASCII '0' and '1' in the wire. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
const root = new URL('../../', import.meta.url);
interface Target { target: string; arch: string[] }
type BuilderConfig = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  files: string[];
  win: { target: Target[] };
  linux: { target: Target[]; executableName?: string };
};
const config = load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as BuilderConfig;

test('electron-builder.yml validates against app-builder-lib/scheme.json', () => {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 2));
  // And the schema really rejects mistakes (so the pass above means something).
  assert.equal(validate({ ...config, electronFuses: { runAsNod: false } }), false);
  assert.equal(validate({ ...config, nsis: { oneClik: false } }), false);
});

test('Windows NSIS x64; Linux AppImage and deb for x64 and arm64; ids set', () => {
  assert.deepEqual(config.win.target, [{ target: 'nsis', arch: ['x64'] }]);
  const linux = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
  assert.deepEqual(linux, { AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] });
  assert.match(String(config.appId), /^[a-z0-9]+(\.[a-z0-9]+)+$/);
  assert.equal(config.productName, 'Hall Kiosk');
  assert.equal(config.executableName, 'hall-kiosk', 'matches /usr/bin/hall-kiosk in the systemd unit');
});

test('native modules unpacked; fonts, locales, forms as extra resources; only bundles packed', () => {
  assert.ok(config.asarUnpack.includes('node_modules/sqlite3/**'));
  assert.ok(config.asarUnpack.includes('node_modules/@napi-rs/**'));
  const extra = config.extraResources.map((r) => r.from);
  for (const dir of ['resources/fonts', 'resources/locales', 'resources/forms']) assert.ok(extra.includes(dir), dir);
  assert.ok(config.files.includes('dist/electron/**') && config.files.includes('dist/renderer/**'));
  assert.ok(!config.files.some((f) => /^(electron|test|renderer)\//.test(f)), 'no sources in the asar');
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { main: string };
  assert.equal(pkg.main, 'dist/electron/main.js', 'package.json main is the bundle that is packed');
});

test('runAsNode and nodeCliInspect fuses are off in the packaged binary', async () => {
  const f = config.electronFuses;
  assert.equal(f.runAsNode, false);
  assert.equal(f.enableNodeCliInspectArguments, false);
  assert.equal(f.enableNodeOptionsEnvironmentVariable, false);
  assert.equal(f.onlyLoadAppFromAsar, true);
  assert.equal(f.grantFileProtocolExtraPrivileges, false);

  // Flip a stand-in binary (stock Electron: every fuse enabled) exactly as electron-builder
  // does — its own generateFuseConfig, then @electron/fuses — and read the wire back.
  const { PlatformPackager } = require('app-builder-lib') as {
    PlatformPackager: { prototype: { generateFuseConfig(f: object): Promise<Parameters<typeof flipFuses>[1]> } };
  };
  const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, f);
  const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
  try {
    const bin = join(dir, 'hall-kiosk');
    const stock = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.alloc(8, 0x31), Buffer.alloc(64, 7)]);
    writeFileSync(bin, stock);
    await flipFuses(bin, fuseConfig);
    const wire = await getCurrentFuseWire(bin);
    assert.equal(wire[FuseV1Options.RunAsNode], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], FuseState.ENABLE);
    assert.equal(wire[FuseV1Options.GrantFileProtocolExtraPrivileges], FuseState.DISABLE);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
