// Paging a list that is longer than one screen (services, the review, long choice lists):
// elderly residents do not drag-scroll, so the list is cut into pages turned with big
// buttons. Pure: it takes the measured heights of the items (in order) and the height the
// list may use, and says where each page starts. Items are laid out in rows of `columns`
// (a grid) whose height is the tallest item in the row; pages hold whole rows.

export interface PageLayout {
  /** Index of the first item of each page; always starts with 0 (one page when empty). */
  starts: number[];
}

export function paginate(heights: readonly number[], available: number, gap: number, columns = 1): PageLayout {
  const cols = Math.max(1, Math.floor(columns));
  const starts = [0];
  let used = 0;
  let rowsOnPage = 0;
  for (let row = 0; row * cols < heights.length; row++) {
    const first = row * cols;
    const h = Math.max(...heights.slice(first, first + cols));
    const need = rowsOnPage === 0 ? h : used + gap + h;
    // A page always takes at least one row, even one taller than the space.
    if (rowsOnPage > 0 && need > available + 0.5) {
      starts.push(first);
      used = h;
      rowsOnPage = 1;
    } else {
      used = need;
      rowsOnPage++;
    }
  }
  return { starts };
}

/** The items [from, to) shown on page `page` (clamped to the pages there are). */
export function pageRange(layout: PageLayout, page: number, count: number): { page: number; from: number; to: number } {
  const p = Math.min(Math.max(0, page), layout.starts.length - 1);
  return { page: p, from: layout.starts[p]!, to: layout.starts[p + 1] ?? count };
}

/** The page that holds item `index` (to keep the same item in view when the page size changes). */
export function pageOf(layout: PageLayout, index: number): number {
  let p = 0;
  while (p + 1 < layout.starts.length && layout.starts[p + 1]! <= index) p++;
  return p;
}

export interface PagedCut extends PageLayout {
  /** The height each page's items may use: all the room, or the room less the pager's. */
  room: number;
  /** The tallest row of items: taller than `room` means the list cannot be shown at this size. */
  tallest: number;
}

/**
 * Where a paged list is cut, decided from the room the whole list has (`room`, pager included)
 * rather than from the room its items happen to have now: a list that fits whole takes all of
 * it and shows no pager; one that does not is cut to the room left beside the pager
 * (`pagerRoom`: its height and gap). Deciding from the pager-free room gives one answer for a
 * given size, whether or not a pager shows at the moment, so the page cut and the screen's fit
 * step (useFitScreen) cannot settle on different answers depending on which ran first.
 */
export function cutPages(heights: readonly number[], room: number, pagerRoom: number, gap: number, columns = 1): PagedCut {
  const cols = Math.max(1, Math.floor(columns));
  let tallest = 0;
  for (let first = 0; first < heights.length; first += cols) tallest = Math.max(tallest, ...heights.slice(first, first + cols));
  const whole = paginate(heights, room, gap, cols);
  if (whole.starts.length === 1 && tallest <= room + 0.5) return { ...whole, room, tallest };
  const left = Math.max(0, room - pagerRoom);
  return { ...paginate(heights, left, gap, cols), room: left, tallest };
}
