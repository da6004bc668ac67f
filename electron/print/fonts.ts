// Registers the shipped fonts (resources/fonts) with Skia under aliases no system font can
// have, so a ticket looks the same on every machine and never silently uses a system face.
// Each script gets a family stack; Noto Sans stays in every stack because the Tibetan and
// Arabic faces have no ASCII digits or parentheses, and Noto Sans SC comes last for Chinese.
import { GlobalFonts } from '@napi-rs/canvas';
import { join } from 'node:path';
import type { Language } from '../core/model.js';
import { resourcesDir } from './resources.js';

export const FAMILY = {
  latin: 'HallKiosk Latin',
  sc: 'HallKiosk SC',
  tibetan: 'HallKiosk Tibetan',
  arabic: 'HallKiosk Arabic',
} as const;

export const FONT_FILES: Record<keyof typeof FAMILY, [regular: string, bold: string]> = {
  latin: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'],
  sc: ['NotoSansSC-Regular.otf', 'NotoSansSC-Bold.otf'],
  tibetan: ['NotoSerifTibetan-Regular.ttf', 'NotoSerifTibetan-Bold.ttf'],
  arabic: ['NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'],
};

export function fontsDir(): string {
  return join(resourcesDir(), 'fonts');
}

let registered = false;

/** Idempotent: Skia keeps the fonts for the life of the process. */
export function registerTicketFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  for (const [key, files] of Object.entries(FONT_FILES) as [keyof typeof FAMILY, [string, string]][]) {
    for (const file of files) {
      if (!GlobalFonts.registerFromPath(join(dir, file), FAMILY[key])) {
        throw new Error(`Could not register ticket font ${file}.`);
      }
    }
  }
  registered = true;
}

/** The CSS family list for text in a language; digits and punctuation fall back to Latin. */
export function familyStack(lang: Language | 'latin'): string {
  const q = (f: string): string => `"${f}"`;
  switch (lang) {
    case 'bo':
      return [FAMILY.tibetan, FAMILY.latin, FAMILY.sc].map(q).join(', ');
    case 'ug':
      return [FAMILY.arabic, FAMILY.latin, FAMILY.sc].map(q).join(', ');
    case 'zh':
      // Latin first so ASCII digits use Noto Sans in every language, and the big code matches.
      return [FAMILY.latin, FAMILY.sc].map(q).join(', ');
    case 'latin':
      return [FAMILY.latin, FAMILY.sc].map(q).join(', ');
  }
}
