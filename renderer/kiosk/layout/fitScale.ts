// How far a screen's text and spacing shrink to fit the window, as a pure stepping rule: the
// screen tries full size first and goes down a step at a time while it still overflows. The
// floor keeps body text at 28 px or more (every text size is max(28px, size × scale) in CSS),
// so shrinking never makes text smaller than the elderly-first rule allows.

export const FIT_STEP = 0.06;
export const FIT_FLOOR = 0.46;

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
