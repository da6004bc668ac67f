import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseFit, FIT_FLOOR, fitSteps } from '../../renderer/kiosk/layout/fitScale.js';

describe('kiosk fit scale: the largest step at which a screen fits', () => {
  it('steps from full size down to the floor', () => {
    const steps = fitSteps();
    assert.equal(steps[0], 1);
    assert.ok(steps.every((s, i) => i === 0 || s < steps[i - 1]!));
    assert.ok(steps[steps.length - 1]! >= FIT_FLOOR - 1e-9);
    // 32 px body text at the floor would be under 28 px: the CSS floor (max(28px, …)) holds it.
    assert.ok(FIT_FLOOR * 32 < 28);
    // At the floor every text is at its 28 px: the largest, a 56 px title in Tibetan (1.25×) and large text (1.3×), too.
    assert.ok(56 * 1.25 * 1.3 * fitSteps().at(-1)! <= 28.5);
  });

  it('takes full size when it fits, the first fitting step otherwise, the floor when nothing fits', () => {
    assert.equal(chooseFit(() => false), 1);
    assert.equal(chooseFit((s) => s > 0.8), 0.76);
    assert.equal(chooseFit(() => true), fitSteps().at(-1));
  });
});
