// 好差评 statistics for the admin page, pure: count, average and satisfied share
// (满意率: 基本满意 and better) per counter, per service and per staff member.
export interface RatingRow {
  ticketId: string;
  code: string;
  counterId: string | null;
  staffId: string | null;
  serviceId: string;
  score: number;
  reasons: string[];
  via: 'pad' | 'phone';
  at: string;
}

export interface RatingGroup {
  key: string;
  count: number;
  average: number;
  /** Share of ratings at 3 (基本满意) or better, 0–1. */
  satisfied: number;
  low: number;
}

export function groupRatings(rows: readonly RatingRow[], keyOf: (r: RatingRow) => string | null): RatingGroup[] {
  const groups = new Map<string, RatingRow[]>();
  for (const r of rows) {
    const k = keyOf(r) ?? '—';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({
      key,
      count: list.length,
      average: list.reduce((s, r) => s + r.score, 0) / list.length,
      satisfied: list.filter((r) => r.score >= 3).length / list.length,
      low: list.filter((r) => r.score <= 2).length,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function scoreCounts(rows: readonly RatingRow[]): Record<number, number> {
  const out: Record<number, number> = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
  for (const r of rows) out[r.score] = (out[r.score] ?? 0) + 1;
  return out;
}
