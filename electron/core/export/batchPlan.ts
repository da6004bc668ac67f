// Which records go into a batch, and what a batch is called. The outbox rule: a record is
// exported once every configured target confirmed the batch that holds it; until then it
// stays in its batch, and a re-run delivers that same batch again (same id, same content).
import { FINAL_STATES, type TicketState } from '../model.js';

/**
 * Tickets leave once final AND their day is closed: a closed day's statistics are complete,
 * and a final ticket never changes again.
 */
export function ticketExportable(state: TicketState, day: string, today: string): boolean {
  return FINAL_STATES.includes(state) && day < today;
}

/** The SQL list of final states, for the outbox query (kept beside the rule it mirrors). */
export function finalStatesSql(): string {
  return FINAL_STATES.map((s) => `'${s}'`).join(', ');
}

/**
 * A batch id: sortable by creation time, unique by its random tail, and safe as a file name
 * and an HTTP header: `20261202T020000Z-1a2b3c4d`.
 */
export function batchId(createdAt: number, randomHex: string): string {
  const t = new Date(createdAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${t}-${randomHex.replace(/[^0-9a-f]/gi, '').slice(0, 8).toLowerCase()}`;
}

export const BATCH_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/;

export type BatchStatus = 'building' | 'built' | 'delivered';

/** What a run does with the batch that is open (or not) when it starts. */
export type NextStep = 'plan' | 'build' | 'deliver';

export function nextStep(open: { status: BatchStatus; fileIntact: boolean } | null): NextStep {
  if (!open) return 'plan';
  if (open.status === 'built' && open.fileIntact) return 'deliver';
  return 'build';
}

/** A batch is delivered when every configured target has confirmed it. */
export function allConfirmed(targets: readonly string[], confirmed: readonly string[]): boolean {
  return targets.length > 0 && targets.every((t) => confirmed.includes(t));
}
