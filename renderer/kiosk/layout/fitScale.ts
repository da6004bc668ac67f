// How far a screen's text and spacing shrink to fit the window, as a pure stepping rule: the
// screen tries full size first and goes down a step at a time while it still overflows. Every
// text size is max(28px, size × scale) in CSS, so shrinking never makes text smaller than the
// elderly-first rule allows; the floor is where every size reaches those 28 px — a 56 px title
// in Tibetan (1.25×) and large text (1.3×) included — so a crowded screen (a 4:3 panel, large
// text, a question with its hint and error above a keyboard) can use all of that room.

export const FIT_STEP = 0.06;
export const FIT_FLOOR = 0.28;

/**
 * A list longer than its screen is paged only once text and spacing have come down this far:
 * a page turn costs an elderly resident more than text a little smaller (never under 28 px),
 * so nine Tibetan services show three or four to a page instead of two.
 */
export const PAGING_FLOOR = 0.7;

/** Whether a list may be cut into pages at this scale (see PAGING_FLOOR). */
export const pagingAllowed = (scale: number): boolean => scale <= PAGING_FLOOR + 1e-9;

/** The scales tried, largest first: 1, 0.94, 0.88 … down to the floor. */
export function fitSteps(): number[] {
  const steps: number[] = [];
  for (let s = 1; s >= FIT_FLOOR - 1e-9; s -= FIT_STEP) steps.push(Math.round(s * 100) / 100);
  return steps;
}

/** What a screen looks like at one scale: whether anything overflows, and how many pages its lists take. */
export interface FitTrial {
  overflows: boolean;
  pages: number;
}

/**
 * The scale for a screen: the largest step that fits, and — when its lists still need more
 * than one page there — the smaller step (down to the floor) that needs the fewest pages, the
 * largest of those. Each page turn saved is worth a smaller step: text stays 28 px or more.
 */
export function chooseFitPaged(trial: (scale: number) => FitTrial): number {
  const steps = fitSteps();
  let best: { scale: number; pages: number } | null = null;
  for (const s of steps) {
    const t = trial(s);
    if (t.overflows) continue;
    if (!best || t.pages < best.pages) best = { scale: s, pages: t.pages };
    // One page (or none): nothing smaller can do better.
    if (best.pages <= 1) break;
  }
  return best?.scale ?? steps[steps.length - 1]!;
}
