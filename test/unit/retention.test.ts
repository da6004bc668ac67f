import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, dueForPurge, isDueForPurge, isValidRetentionDays, retentionCutoff } from '../../electron/core/forms/retention.js';

describe('retention decision', () => {
  const now = Date.UTC(2026, 11, 1);
  it('is due exactly when exported_at + days ≤ now, never before an export, never twice', () => {
    const list = [
      { id: 'never-exported', exportedAt: null, purgedAt: null },
      { id: 'exactly-due', exportedAt: now - 30 * DAY_MS, purgedAt: null },
      { id: 'one-ms-early', exportedAt: now - 30 * DAY_MS + 1, purgedAt: null },
      { id: 'long-due', exportedAt: now - 400 * DAY_MS, purgedAt: null },
      { id: 'already-purged', exportedAt: now - 400 * DAY_MS, purgedAt: now - 300 * DAY_MS },
    ];
    assert.deepEqual(dueForPurge(list, 30, now), ['exactly-due', 'long-due']);
    assert.deepEqual(dueForPurge(list, 0, now), ['exactly-due', 'one-ms-early', 'long-due']);
    assert.equal(isDueForPurge(list[1]!, 31, now), false);
    assert.equal(retentionCutoff(now, 30), now - 30 * DAY_MS);
  });
  it('accepts whole days from 0 to ten years', () => {
    assert.ok(isValidRetentionDays(0) && isValidRetentionDays(30) && isValidRetentionDays(3650));
    for (const bad of [-1, 1.5, 3651, '30', null, NaN]) assert.equal(isValidRetentionDays(bad), false, String(bad));
  });
});
