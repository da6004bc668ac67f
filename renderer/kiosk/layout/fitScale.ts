// How far a screen's text and spacing shrink to fit the window, as a pure stepping rule: the
// screen tries full size first and goes down a step at a time while it still overflows. Every
// text size is max(28px, size × scale) in CSS, so shrinking never makes text smaller than the
// elderly-first rule allows; the floor is where every size reaches those 28 px — a 56 px title
// in Tibetan (1.25×) and large text (1.3×) included — so a crowded screen (a 4:3 panel, large
// text, a question with its hint and error above a keyboard) can use all of that room.

export const FIT_STEP = 0.06;
export const FIT_FLOOR = 0.28;

/** The scales tried, largest first: 1, 0.94, 0.88 … down to the floor. */
export function fitSteps(): number[] {
  const steps: number[] = [];
  for (let s = 1; s >= FIT_FLOOR - 1e-9; s -= FIT_STEP) steps.push(Math.round(s * 100) / 100);
  return steps;
}

/** The first (largest) scale at which `overflows` says the screen fits; the floor if none does. */
export function chooseFit(overflows: (scale: number) => boolean): number {
  const steps = fitSteps();
  for (const s of steps) if (!overflows(s)) return s;
  return steps[steps.length - 1]!;
}
