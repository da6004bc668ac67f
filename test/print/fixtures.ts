// Sample tickets in the three languages, from the demo hall's real names.
import type { Language } from '../../electron/core/model.js';
import { DEMO_HALL_NAME, DEMO_SERVICES } from '../../electron/server/demoHall.js';
import type { TicketPrintData } from '../../electron/print/ticketData.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ISSUED_AT = Date.UTC(2026, 10, 23, 6, 5); // 14:05 in Asia/Shanghai

export function sampleTicket(language: Language, over: Partial<TicketPrintData> = {}): TicketPrintData {
  const service = DEMO_SERVICES[0]!;
  return {
    kind: 'ticket',
    hallName: DEMO_HALL_NAME,
    code: 'A012',
    language,
    serviceNames: service.names,
    ahead: 3,
    waitMinutes: 24,
    issuedAt: ISSUED_AT,
    timeZone: 'Asia/Shanghai',
    reference: 'HK1:2026-11-23:A012:7f1c2d3e-0000-4000-8000-123456789abc',
    priority: false,
    ...over,
  };
}

/** Sample images for people to look at (test-results/ is git-ignored). */
export function saveResult(name: string, png: Buffer): string {
  const dir = join('test-results', 'print');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, png);
  return file;
}
