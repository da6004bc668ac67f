// The public reference a resident's phone holds for one ticket (/t/<ref>): 128 random bits
// from node:crypto, base64url. Not the ticket id, which staff screens and logs show.
import { randomBytes } from 'node:crypto';

export const TICKET_REF_BYTES = 16;

export function newTicketRef(): string {
  return randomBytes(TICKET_REF_BYTES).toString('base64url');
}

/** The shape of a reference; anything else is refused before a query runs. */
export function isTicketRefShape(s: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(s);
}
