// Makes a kiosk screen fit its window with no page scroll: sets the screen's --fit scale (see
// fitScale.ts) to the largest step at which nothing overflows — the screen itself, no paged
// list too short for its tallest item, and no list cut into pages above PAGING_FLOOR; a list
// that needs pages anyway gets the step with the fewest (chooseFitPaged) — and re-fits when the window is resized or the
// content changes (a typed answer wraps, a validation message appears). Each new screen also
// opens at the top: a resident never lands halfway down a question.
import { useLayoutEffect, type RefObject } from 'react';
import { chooseFitPaged, pagingAllowed, type FitTrial } from './fitScale.js';
import { measurePaged } from './measurePaged.js';

function trial(screen: HTMLElement, scale: number): FitTrial {
  // Paged lists are judged by the same cut the list makes (measurePaged), from the room the
  // whole list has, so the answer does not depend on whether a pager happens to show now.
  let pages = 0;
  let listsFit = true;
  for (const paged of screen.querySelectorAll<HTMLElement>('.paged')) {
    const cut = measurePaged(paged);
    if (!cut) continue;
    pages += cut.starts.length;
    if (cut.tallest > cut.room + 1 || (cut.starts.length > 1 && !pagingAllowed(scale))) listsFit = false;
  }
  return { overflows: !listsFit || overflows(screen), pages };
}

function overflows(screen: HTMLElement): boolean {
  if (screen.scrollHeight > screen.clientHeight || screen.scrollWidth > screen.clientWidth) return true;
  const doc = document.documentElement;
  if (doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth) return true;
  // A box whose content spills out of it (a keyboard whose rows, at their 60 px minimum, need
  // more than the room its grid row gives) overlaps what follows it without moving the screen.
  // A font's ascent and descent may reach past a tight line height without spilling: a fifth of the size is allowed.
  for (const box of screen.querySelectorAll<HTMLElement>('*:not(button, button *, .paged-area, .paged-area *)')) {
    if (box.clientHeight === 0 || box.scrollHeight <= box.clientHeight + 1) continue;
    const style = getComputedStyle(box);
    if (style.overflowY === 'visible' && box.scrollHeight > box.clientHeight + 1 + 0.2 * parseFloat(style.fontSize)) return true;
  }
  // A button squeezed by its flex row below its words (the language buttons) does not move
  // the screen but spills its text: that is an overflow too. Keys are sized by their keyboard.
  for (const button of screen.querySelectorAll<HTMLElement>('button.tap')) {
    if (button.closest('.paged-list, .paged-measure')) continue;
    // A font's ascent and descent may reach past a tight line height without spilling: allow a fifth of the size.
    const slack = 1 + 0.2 * parseFloat(getComputedStyle(button).fontSize);
    if (button.scrollHeight > button.clientHeight + slack || button.scrollWidth > button.clientWidth + 1) return true;
  }
  return false;
}

export function useFitScreen(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const screen = ref.current;
    if (!screen) return;
    window.scrollTo(0, 0);
    let frame = 0;
    let fitting = false;
    const fit = () => {
      fitting = true;
      const scale = chooseFitPaged((s) => {
        screen.style.setProperty('--fit', String(s));
        return trial(screen, s);
      });
      screen.style.setProperty('--fit', String(scale));
      screen.dataset.fit = String(scale);
      // Mutations made by fitting itself (the style attribute) are not content changes.
      queueMicrotask(() => (fitting = false));
    };
    const schedule = () => {
      if (fitting) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    fit();
    const mo = new MutationObserver(schedule);
    mo.observe(screen, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-pages'] });
    // The visit's text size is a class on the document (large text): a change re-fits too.
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    window.addEventListener('resize', schedule);
    void document.fonts?.ready.then(schedule);
    return () => {
      cancelAnimationFrame(frame);
      mo.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, [ref]);
}
