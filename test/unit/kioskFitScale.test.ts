import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseFitPaged, FIT_FLOOR, fitSteps, PAGING_FLOOR, pagingAllowed } from '../../renderer/kiosk/layout/fitScale.js';

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
    // A screen without a paged list (no pages to weigh).
    const chooseFit = (overflows: (s: number) => boolean) => chooseFitPaged((s) => ({ overflows: overflows(s), pages: 0 }));
    assert.equal(chooseFit(() => false), 1);
    assert.equal(chooseFit((s) => s > 0.8), 0.76);
    assert.equal(chooseFit(() => true), fitSteps().at(-1));
  });

  it('a list is paged only once the screen has come down to the paging floor, one of the steps', () => {
    assert.ok(fitSteps().includes(PAGING_FLOOR));
    assert.equal(pagingAllowed(1), false);
    assert.equal(pagingAllowed(0.76), false);
    assert.equal(pagingAllowed(PAGING_FLOOR), true);
    assert.equal(pagingAllowed(FIT_FLOOR), true);
    // A screen whose list needs pages at every size settles at the paging floor, not at full size.
    assert.equal(chooseFitPaged((s) => ({ overflows: !pagingAllowed(s), pages: 2 })), PAGING_FLOOR);
  });

  it('a list that needs pages anyway gets the step with the fewest, the largest of those', () => {
    // Nine tiles: 9 pages at 0.7, 5 from 0.52, 3 from 0.4; anything above 0.7 may not page.
    const pagesAt = (s: number) => (s > 0.53 ? 9 : s > 0.41 ? 5 : 3);
    assert.equal(chooseFitPaged((s) => ({ overflows: !pagingAllowed(s), pages: pagesAt(s) })), 0.4);
    // A list that fits one page at full size stays at full size; nothing smaller is tried.
    const tried: number[] = [];
    assert.equal(chooseFitPaged((s) => (tried.push(s), { overflows: false, pages: 1 })), 1);
    assert.deepEqual(tried, [1]);
    // A screen with no list (pages 0) is the plain largest fitting step.
    assert.equal(chooseFitPaged((s) => ({ overflows: s > 0.8, pages: 0 })), 0.76);
    // Nothing fits: the floor.
    assert.equal(chooseFitPaged(() => ({ overflows: true, pages: 2 })), fitSteps().at(-1));
  });
});
