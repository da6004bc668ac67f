// Where the hall display's waiting list breaks into pages (renderer/display/pages.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageStarts } from '../../renderer/display/pages.js';

const column = (heights: number[]) => {
  let top = 0;
  return heights.map((h) => {
    const r = { top, bottom: top + h };
    top += h + 5;
    return r;
  });
};

test('rows that fit make one page; an empty list is one page', () => {
  assert.deepEqual(pageStarts(column([80, 80, 80]), 300), [0]);
  assert.deepEqual(pageStarts([], 300), [0]);
});

test('a page breaks before the first row that would pass the bottom, and counts from its own top', () => {
  // 0-80, 85-165, 170-250, 255-335 (breaks), 340-420, 425-505, 510-590 (fits from 255: 335 ≤ 300? no → breaks)
  assert.deepEqual(pageStarts(column([80, 80, 80, 80, 80, 80, 80]), 300), [0, 3, 6]);
});

test('rows side by side stay on one page, even when only the taller one would not fit', () => {
  const rows = [
    { top: 0, bottom: 100 },
    { top: 0, bottom: 100 },
    { top: 105, bottom: 180 },
    { top: 105, bottom: 260 },
    { top: 265, bottom: 300 },
  ];
  assert.deepEqual(pageStarts(rows, 200), [0, 2]);
});

test('a row taller than the box gets a page of its own instead of looping', () => {
  assert.deepEqual(pageStarts(column([50, 500, 50]), 200), [0, 1, 2]);
});
