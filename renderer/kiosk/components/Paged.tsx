// A list that may be longer than the screen, shown a page at a time with big previous / next
// buttons and "page 2 of 3" (elderly residents do not drag-scroll). The list takes the room
// its screen leaves it (flex: 1); every item is also drawn, hidden, in a measuring copy of the
// list, and the measured heights are cut into pages by the pure cutPages() (layout/measurePaged.ts),
// from the room the whole list has: the pager is always drawn (hidden and taking no room while
// one page is enough) so its height is known before it is needed. A ResizeObserver re-cuts the
// pages when the window, the text size or the content changes, keeping the first item of the
// page in view.
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import { formatCount } from '../format.js';
import { measurePaged } from '../layout/measurePaged.js';
import { pageOf, pageRange, type PageLayout } from '../layout/paging.js';
import { useKioskT } from '../useKioskT.js';
import { TapButton } from './TapButton.js';

export interface PagedProps {
  lang: PageLanguage;
  count: number;
  /** One item; `measuring` is true for the hidden copy (which must carry no test ids or handlers that matter). */
  renderItem: (index: number, measuring: boolean) => ReactNode;
  /** The list's class: it sets the columns (a grid) and the gap; the same class lays out the measuring copy. */
  className: string;
  as?: 'div' | 'dl';
  testId?: string;
  /** The item to show first (the review opens on the answer just changed). */
  initialIndex?: number;
}

const sameLayout = (a: PageLayout, b: PageLayout) => a.starts.length === b.starts.length && a.starts.every((s, i) => s === b.starts[i]);

export function Paged({ lang, count, renderItem, className, as = 'div', testId, initialIndex = 0 }: PagedProps) {
  const t = useKioskT(lang);
  const paged = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLElement>(null);
  const pager = useRef<HTMLElement>(null);
  const [layout, setLayout] = useState<PageLayout>({ starts: [0] });
  // The first item of the page shown: kept when pages are re-cut, so a resize never jumps away.
  const [anchor, setAnchor] = useState(initialIndex);

  const recut = useCallback(() => {
    const cut = paged.current && measurePaged(paged.current);
    if (!cut) return;
    const next = { starts: cut.starts };
    setLayout((cur) => (sameLayout(cur, next) ? cur : next));
  }, []);

  useLayoutEffect(() => {
    recut();
    const ro = new ResizeObserver(recut);
    if (paged.current) ro.observe(paged.current);
    if (pager.current) ro.observe(pager.current);
    if (measure.current) {
      ro.observe(measure.current);
      for (const c of measure.current.children) ro.observe(c);
    }
    return () => ro.disconnect();
  }, [recut, count]);

  const { page, from, to } = pageRange(layout, pageOf(layout, Math.min(anchor, Math.max(0, count - 1))), count);
  const pages = layout.starts.length;
  const idle = pages <= 1;
  const turn = (p: number) => setAnchor(pageRange(layout, p, count).from);
  const Tag = as;
  const items = (measuring: boolean, a: number, b: number) => Array.from({ length: b - a }, (_, i) => renderItem(a + i, measuring));

  return (
    <div className="paged" ref={paged} data-pages={pages} data-page={page + 1} data-starts={layout.starts.join(' ')}>
      <div className="paged-area">
        <Tag className={`${className} paged-measure`} ref={measure as never} aria-hidden="true" inert>
          {items(true, 0, count)}
        </Tag>
        <Tag className={`${className} paged-list`} data-testid={testId}>
          {items(false, from, to)}
        </Tag>
      </div>
      {/* Idle (one page): drawn hidden and out of the flow, only to be measured; keyed so
          its buttons start their settle time afresh when it shows. */}
      <nav key={idle ? 'idle' : 'live'} ref={pager} className={`pager${idle ? ' idle' : ''}`} data-testid={idle ? undefined : 'pager'} aria-hidden={idle || undefined} inert={idle || undefined}>
        <TapButton key={`prev-${page}`} className="tap pager-turn" disabled={idle || page === 0} onTap={() => turn(page - 1)} testId={idle ? undefined : 'pager-previous'}>
          {t('Pager.previous')}
        </TapButton>
        <span className="pager-position" data-testid={idle ? undefined : 'pager-position'} data-page={page + 1} data-pages={pages}>
          {t('Pager.position', { page: formatCount(page + 1, lang), pages: formatCount(Math.max(2, pages), lang) })}
        </span>
        <TapButton key={`next-${page}`} className="tap primary pager-turn" disabled={idle || page >= pages - 1} onTap={() => turn(page + 1)} testId={idle ? undefined : 'pager-next'}>
          {t('Pager.next')}
        </TapButton>
      </nav>
    </div>
  );
}
