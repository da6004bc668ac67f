// Kiosk settings a hall (or a test) can set in the page address, e.g.
// /kiosk?idle=60&countdown=10&retry=5. Times are in seconds; anything missing or not a
// positive number falls back to the defaults from the specification.

export interface KioskConfig {
  /** Seconds without a touch before the "still there?" countdown appears. */
  idleMs: number;
  /** Seconds the countdown runs before everything entered is wiped. */
  countdownMs: number;
  /** Seconds between retries while the hall server cannot be reached. */
  retryMs: number;
  /** Which page to show: the resident flow, or the keyboard try-out page for staff and tests. */
  view: 'flow' | 'keyboards';
}

function seconds(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback * 1000;
}

export function readKioskConfig(search: string): KioskConfig {
  const params = new URLSearchParams(search);
  return {
    idleMs: seconds(params, 'idle', 60),
    countdownMs: seconds(params, 'countdown', 10),
    retryMs: seconds(params, 'retry', 5),
    view: params.get('view') === 'keyboards' ? 'keyboards' : 'flow',
  };
}
