// Reads a paged list (components/Paged.tsx) from the page — its room, the pager's height and
// its items' measured heights — and cuts it with the pure cutPages(). Shared by the list
// itself (where its pages start) and by the screen's fit step (useFitScreen: a list whose
// tallest item cannot fit a page makes the screen step down), so both decide alike.
import { cutPages, type PagedCut } from './paging.js';

export function measurePaged(paged: HTMLElement): PagedCut | null {
  const measure = paged.querySelector<HTMLElement>(':scope > .paged-area > .paged-measure');
  const pager = paged.querySelector<HTMLElement>(':scope > .pager');
  if (!measure) return null;
  const style = getComputedStyle(measure);
  const columns = style.display.includes('grid') ? style.gridTemplateColumns.split(' ').filter(Boolean).length : 1;
  const gap = parseFloat(style.rowGap) || 0;
  const heights = [...measure.children].map((c) => c.getBoundingClientRect().height);
  const pagerRoom = pager ? pager.getBoundingClientRect().height + (parseFloat(getComputedStyle(paged).rowGap) || 0) : 0;
  return cutPages(heights, paged.clientHeight, pagerRoom, gap, columns);
}
