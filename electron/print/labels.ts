// The printed label strings, from resources/locales/{zh,bo,ug}/ticket.json. Checked once on
// load: a ticket must never print a raw key because a translation is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../core/model.js';
import { resourcesDir } from './resources.js';

const TicketStrings = z.object({
  Ticket: z.object({
    ahead: z.string().includes('{{n}}'),
    wait: z.string().includes('{{n}}'),
    issuedAt: z.string().includes('{{time}}'),
    priority: z.string().min(1),
    keep: z.string().min(1),
    testPrint: z.string().min(1),
  }),
});
export type TicketLabelKey = keyof z.infer<typeof TicketStrings>['Ticket'];

let loaded: Record<Language, z.infer<typeof TicketStrings>['Ticket']> | null = null;

/** Where the hall server's merged texts (shipped + reviewed overrides) come from, if set. */
let source: ((lang: Language) => unknown) | null = null;

/**
 * Prints the hall's reviewed ticket texts (the server's mergedLocale(lang, 'ticket'))
 * instead of the shipped file. A merged text that fails the check falls back to the
 * shipped one, so a ticket never prints a broken label.
 */
export function useTicketLabels(merged: ((lang: Language) => unknown) | null): void {
  source = merged;
}

function all(): Record<Language, z.infer<typeof TicketStrings>['Ticket']> {
  const shipped = shippedLabels();
  if (!source) return shipped;
  const out = {} as Record<Language, z.infer<typeof TicketStrings>['Ticket']>;
  for (const lang of LANGUAGES) {
    const r = TicketStrings.safeParse(source(lang));
    out[lang] = r.success ? r.data.Ticket : shipped[lang];
  }
  return out;
}

function shippedLabels(): Record<Language, z.infer<typeof TicketStrings>['Ticket']> {
  if (!loaded) {
    const out = {} as Record<Language, z.infer<typeof TicketStrings>['Ticket']>;
    for (const lang of LANGUAGES) {
      const file = join(resourcesDir(), 'locales', lang, 'ticket.json');
      out[lang] = TicketStrings.parse(JSON.parse(readFileSync(file, 'utf8'))).Ticket;
    }
    loaded = out;
  }
  return loaded;
}

// In an Arabic-script line the Unicode bidi rules turn "2026-11-23" into three number runs
// laid out right to left ("23-11-2026"); a left-to-right isolate keeps a value in one piece.
const LRI = '\u2066';
const PDI = '\u2069';

/** A label with {{name}} placeholders filled in. */
export function label(lang: Language, key: TicketLabelKey, values: Record<string, string | number> = {}): string {
  return all()[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = String(values[name] ?? '');
    return lang === 'ug' ? `${LRI}${v}${PDI}` : v;
  });
}
