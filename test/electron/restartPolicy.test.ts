// Crash handling: reload, but 3 crashes in 60 s mean the maintenance screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy, isCrash, loadRetryDelayMs } from '../../electron/shell/restartPolicy.js';

test('two crashes reload, the third within 60 s shows maintenance', () => {
  const p = new RestartPolicy();
  assert.deepEqual(p.onCrash(0), { action: 'reload' });
  assert.deepEqual(p.onCrash(20_000), { action: 'reload' });
  assert.deepEqual(p.onCrash(59_000), { action: 'maintenance', retryInMs: 600_000 });
});

test('crashes spread out over more than 60 s keep reloading', () => {
  const p = new RestartPolicy();
  for (let i = 0; i < 10; i++) assert.deepEqual(p.onCrash(i * 31_000), { action: 'reload' }, `crash ${i}`);
  assert.equal(p.crashCount(9 * 31_000), 2);
});

test('the maintenance retry starts a fresh count', () => {
  const p = new RestartPolicy();
  p.onCrash(0);
  p.onCrash(1);
  assert.equal(p.onCrash(2).action, 'maintenance');
  p.onMaintenanceRetry();
  assert.equal(p.onCrash(600_003).action, 'reload');
});

test('custom limits', () => {
  const p = new RestartPolicy({ maxCrashes: 1, windowMs: 1000, maintenanceRetryMs: 5, hangGraceMs: 1 });
  assert.deepEqual(p.onCrash(0), { action: 'maintenance', retryInMs: 5 });
  assert.equal(p.hangGraceMs, 1);
});

test('every render-process-gone reason but a clean exit is a crash', () => {
  for (const r of ['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction']) assert.equal(isCrash(r), true, r);
  assert.equal(isCrash('clean-exit'), false);
});

test('an unreachable hall server is retried with backoff capped at 30 s', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 50].map(loadRetryDelayMs), [2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});
