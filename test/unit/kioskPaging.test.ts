import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutPages, pageOf, pageRange, paginate } from '../../renderer/kiosk/layout/paging.js';

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

describe('kiosk paging with the pager: decided from the room the whole list has', () => {
  it('a list that fits whole takes all the room and needs no pager', () => {
    const cut = cutPages([100, 100, 100], 320, 100, 10);
    assert.deepEqual(cut.starts, [0]);
    assert.equal(cut.room, 320);
    assert.equal(cut.tallest, 100);
  });

  it('a list that does not is cut to the room left beside the pager', () => {
    // 330 of room: four would need 430; beside a 100 px pager 230 is left, two a page.
    const cut = cutPages([100, 100, 100, 100], 330, 100, 10);
    assert.deepEqual(cut.starts, [0, 2]);
    assert.equal(cut.room, 230);
  });

  it('the same answer whatever the pager shows now: only the whole room is an input', () => {
    assert.deepEqual(cutPages([100, 100, 100], 320, 100, 10), cutPages([100, 100, 100], 320, 100, 10));
    assert.deepEqual(cutPages([120, 200, 90], 300, 98, 12, 1).starts, [0, 1, 2]);
  });

  it('tells when an item is taller than the room a page has, so the screen steps down', () => {
    const cut = cutPages([100, 250, 100], 300, 100, 10);
    assert.equal(cut.room, 200);
    assert.ok(cut.tallest > cut.room);
    assert.equal(cutPages([300], 300, 100, 10).tallest <= cutPages([300], 300, 100, 10).room, true, 'one item that fits whole');
  });

  it('a grid takes the tallest of each row', () => {
    assert.equal(cutPages([100, 150, 100, 100, 120], 280, 60, 20, 2).tallest, 150);
  });
});
