// Everything printed on a ticket, as plain JSON. A print job stores this snapshot so the
// preview PNG and a later look at the job show exactly what went to the printer, even after
// the queue has moved on.
import { z } from 'zod';
import { LANGUAGES, type Language, type LocalizedText, type ServiceItem, type Ticket } from '../core/model.js';
import type { QueueInfo } from '../core/usecases/queueInfo.js';
import { label } from './labels.js';

const Localized = z.object({ zh: z.string(), bo: z.string(), ug: z.string() });

export const TicketPrintDataSchema = z.object({
  kind: z.enum(['ticket', 'test']),
  hallName: Localized,
  code: z.string().min(1).max(16),
  language: z.enum(LANGUAGES),
  serviceNames: Localized,
  ahead: z.number().int().min(0),
  waitMinutes: z.number().int().min(0),
  issuedAt: z.number(),
  timeZone: z.string(),
  /** What the QR holds: printable ASCII only, so every scanner reads it the same way. */
  reference: z.string().regex(/^[\x20-\x7E]+$/),
  priority: z.boolean(),
});
export type TicketPrintData = z.infer<typeof TicketPrintDataSchema>;

/** Ids come from our own IdSource, but never trust that: anything outside a safe ASCII set is %-escaped. */
export function asciiReference(parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9._~-]/g, (c) => encodeURIComponent(c))).join(':');
}

export function ticketReference(ticket: Pick<Ticket, 'id' | 'day' | 'code'>): string {
  return asciiReference(['HK1', ticket.day, ticket.code, ticket.id]);
}

export function ticketPrintData(args: {
  ticket: Ticket;
  service: ServiceItem;
  info: QueueInfo;
  language: Language;
  hallName: LocalizedText;
  timeZone: string;
  /** The phone status link (/t/<ref>); the QR carries it when given. */
  statusUrl?: string;
}): TicketPrintData {
  const { ticket, service, info } = args;
  return {
    kind: 'ticket',
    hallName: args.hallName,
    code: ticket.code,
    language: args.language,
    serviceNames: service.names,
    ahead: info.ahead,
    waitMinutes: Math.max(0, Math.round(info.estimatedWaitMinutes)),
    issuedAt: ticket.issuedAt,
    timeZone: args.timeZone,
    reference: args.statusUrl && /^[\x20-\x7E]+$/.test(args.statusUrl) ? args.statusUrl : ticketReference(ticket),
    priority: ticket.priority,
  };
}

/** The admin's test print: the real layout with sample values, in the chosen language. */
export function testPrintData(hallName: LocalizedText, language: Language, at: number, timeZone: string): TicketPrintData {
  return {
    kind: 'test',
    hallName,
    code: 'T000',
    language,
    serviceNames: { zh: label('zh', 'testPrint'), bo: label('bo', 'testPrint'), ug: label('ug', 'testPrint') },
    ahead: 0,
    waitMinutes: 0,
    issuedAt: at,
    timeZone,
    reference: asciiReference(['HK1', 'TEST', String(at)]),
    priority: false,
  };
}
