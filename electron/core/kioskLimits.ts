// How many tickets one kiosk may take. A kiosk token is a bearer secret sitting on a public
// machine; if it is stolen, these limits keep it from using up the day's numbers: a rate a
// resident queue never reaches, and a daily share per service that leaves the rest of the
// number range to the other kiosks and the staff.

export interface KioskLimitRule {
  /** Tickets per minute per kiosk (a resident takes several seconds per ticket). */
  perMinute: number;
  /** Share of a service's daily number range one kiosk may take (0 < share ≤ 1). */
  dailyShare: number;
}

export const DEFAULT_KIOSK_LIMITS: KioskLimitRule = { perMinute: 30, dailyShare: 0.5 };

/** The most tickets of one service one kiosk may issue in a day. */
export function kioskDailyCap(service: { numberFrom: number; numberTo: number }, rule: KioskLimitRule): number {
  const range = Math.max(1, service.numberTo - service.numberFrom + 1);
  return Math.max(1, Math.floor(range * Math.min(1, Math.max(0, rule.dailyShare))));
}
