// 好差评: who may rate which ticket, and when a rating needs a follow-up (差评回访).
// Pure decisions; the routes and ratingStore carry them out.
import type { Millis, Ticket } from '../model.js';

/** 5 = 非常满意, 4 = 满意, 3 = 基本满意, 2 = 不满意, 1 = 非常不满意. */
export const SCORES = [5, 4, 3, 2, 1] as const;
export type Score = (typeof SCORES)[number];

/** Reason chips offered for the two lowest levels. */
export const LOW_RATING_REASONS = ['waited_too_long', 'attitude', 'not_solved', 'sent_elsewhere', 'other'] as const;
export type LowRatingReason = (typeof LOW_RATING_REASONS)[number];

/** A rating pad may rate only a ticket its counter finished this recently. */
export const PAD_RATING_WINDOW_MS = 2 * 60_000;

export type RatingVia = 'pad' | 'phone';

export type RatingRefusal = 'NOT_DONE' | 'ALREADY_RATED' | 'NOT_THIS_COUNTER' | 'RATING_WINDOW_CLOSED';

export function isLowScore(score: number): boolean {
  return score <= 2;
}

/** Reasons are kept only for low ratings; a satisfied resident has none to give. */
export function keptReasons(score: number, reasons: readonly LowRatingReason[] | undefined): LowRatingReason[] {
  return isLowScore(score) ? [...new Set(reasons ?? [])] : [];
}

/**
 * Whether this ticket may be rated now. A phone may rate its own ticket once it is done;
 * a pad only a ticket its own counter finished within PAD_RATING_WINDOW_MS.
 */
export function ratingRefusal(
  ticket: Pick<Ticket, 'state' | 'counterId' | 'finishedAt'>,
  alreadyRated: boolean,
  now: Millis,
  via: { kind: 'phone' } | { kind: 'pad'; counterId: string },
): RatingRefusal | null {
  if (via.kind === 'pad' && ticket.counterId !== via.counterId) return 'NOT_THIS_COUNTER';
  if (ticket.state !== 'done') return 'NOT_DONE';
  if (alreadyRated) return 'ALREADY_RATED';
  if (via.kind === 'pad' && (ticket.finishedAt === null || now - ticket.finishedAt > PAD_RATING_WINDOW_MS)) return 'RATING_WINDOW_CLOSED';
  return null;
}
