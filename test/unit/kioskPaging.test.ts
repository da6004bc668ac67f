import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageOf, pageRange, paginate } from '../../renderer/kiosk/layout/paging.js';

describe('kiosk paging: how many items a page holds, from measured heights', () => {
  it('one page when everything fits, and for an empty list', () => {
    assert.deepEqual(paginate([100, 100, 100], 320, 10).starts, [0]);
    assert.deepEqual(paginate([], 320, 10).starts, [0]);
  });

  it('cuts where the next item (with its gap) would pass the space', () => {
    // 100 + 10 + 100 + 10 + 100 = 320 fits; a fourth does not.
    assert.deepEqual(paginate([100, 100, 100, 100, 100, 100, 100], 320, 10).starts, [0, 3, 6]);
    assert.deepEqual(paginate([100, 100, 100], 319, 10).starts, [0, 2]);
  });

  it('items of different heights (a long Tibetan name wraps to two lines)', () => {
    assert.deepEqual(paginate([80, 200, 80, 80, 300], 300, 20).starts, [0, 2, 4]);
  });

  it('a grid: rows of `columns`, each as tall as its tallest item', () => {
    // Rows: [100,150]→150, [100,100]→100, [120]→120; space 280 with gap 20: 150+20+100 = 270.
    assert.deepEqual(paginate([100, 150, 100, 100, 120], 280, 20, 2).starts, [0, 4]);
    assert.deepEqual(paginate([100, 100, 100, 100, 100, 100, 100, 100, 100], 220, 20, 3).starts, [0, 6]);
  });

  it('an item taller than the space still gets a page of its own', () => {
    assert.deepEqual(paginate([500, 50, 600], 300, 10).starts, [0, 1, 2]);
  });

  it('page ranges and the page that holds an item', () => {
    const layout = paginate([100, 100, 100, 100, 100, 100, 100], 320, 10);
    assert.deepEqual(pageRange(layout, 0, 7), { page: 0, from: 0, to: 3 });
    assert.deepEqual(pageRange(layout, 2, 7), { page: 2, from: 6, to: 7 });
    assert.deepEqual(pageRange(layout, 9, 7), { page: 2, from: 6, to: 7 }, 'clamped after a resize left fewer pages');
    assert.equal(pageOf(layout, 0), 0);
    assert.equal(pageOf(layout, 4), 1);
    assert.equal(pageOf(layout, 6), 2);
  });
});
