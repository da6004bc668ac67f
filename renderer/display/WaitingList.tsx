// The waiting counts, one row per active service, for a hall of any size: the rows that fit
// the section are shown; when they do not all fit, they are shown a page at a time and the
// pages turn by themselves (nobody touches a hall TV). Names wrap rather than being cut.
// State stays bounded: the page breaks (at most one per service) and the page number.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardWaiting } from './board.js';
import { pageStarts } from './pages.js';
import { Tri, TriText } from './Tri.js';

/** How long a page of the waiting list stays up: long enough to find one's service and read its count. */
export const WAITING_PAGE_MS = 8000;

export function WaitingList({ waiting }: { waiting: BoardWaiting[] }) {
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // null while the rows are laid out all at once to be measured (before the browser paints).
  const [starts, setStarts] = useState<number[] | null>(null);
  const [turn, setTurn] = useState(0);
  const [resized, setResized] = useState(0);

  // Re-measure whenever the rows or the space change; fonts arriving change the rows' heights.
  useLayoutEffect(() => setStarts(null), [waiting, resized]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setResized((n) => n + 1));
    ro.observe(el);
    void document.fonts?.ready.then(() => setResized((n) => n + 1));
    return () => ro.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (starts !== null || !box.current || !list.current) return;
    const rows = [...list.current.children].map((li) => {
      const el = li as HTMLElement;
      return { top: el.offsetTop, bottom: el.offsetTop + el.offsetHeight };
    });
    setStarts(pageStarts(rows, list.current.clientHeight));
  }, [starts]);

  const pages = starts?.length ?? 1;
  useEffect(() => {
    if (pages <= 1) return;
    const t = setInterval(() => setTurn((n) => (n + 1) % 1_000_000), WAITING_PAGE_MS);
    return () => clearInterval(t);
  }, [pages]);

  const page = turn % pages;
  const from = starts ? (starts[page] ?? 0) : 0;
  const to = starts && page + 1 < starts.length ? starts[page + 1]! : waiting.length;
  return (
    <section className="waiting" ref={box}>
      <div className="waiting-head">
        <Tri k="Board.waiting" className="section-title" />
        {pages > 1 ? (
          <span className="waiting-page" data-testid="waiting-page" dir="ltr">
            {page + 1} / {pages}
          </span>
        ) : null}
      </div>
      <ul className="waiting-list" data-testid="waiting" data-page={page} data-pages={pages} ref={list}>
        {waiting.map((w, i) => (
          <li key={w.serviceId} className="waiting-item" data-service={w.serviceId} data-waiting={w.waiting} hidden={starts !== null && (i < from || i >= to)}>
            <span className="waiting-prefix" dir="ltr">
              {w.prefix}
            </span>
            <TriText text={w.names} className="waiting-names" />
            <span className="waiting-count" dir="ltr">
              {w.waiting}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
