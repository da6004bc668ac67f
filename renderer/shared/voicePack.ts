// Voice packs: per language, a manifest of short clips ("please", digits, letters, "to
// counter" …) and the word order that strings them into a call announcement. Shared by the
// hall display (plays them), the admin recorder (records missing ones) and the server
// (serves and stores them). Plain data and pure helpers only: no DOM, no I/O.

export const VOICE_LANGUAGES = ['zh', 'bo', 'ug'] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

/**
 * present: real speech (recorded by a person, or synthesized: see the pack's `source`);
 * tone: a placeholder beep, not speech — never used to announce;
 * missing: nothing yet, staff must record it on the admin page.
 */
export type ClipStatus = 'present' | 'tone' | 'missing';

export interface VoiceClip {
  /** Stable id, also the file stem: "please", "digit-7", "letter-A". */
  id: string;
  /** What a speaker says for this clip, in the pack's language (shown to the recorder). */
  text: string;
  status: ClipStatus;
  /** Where the clip comes from: shipped with the app, or recorded in this hall. */
  origin?: 'shipped' | 'recorded';
  /** Changes whenever the clip's audio changes, so a display refetches only what changed. */
  rev?: string;
}

export interface VoiceManifest {
  language: VoiceLanguage;
  /** An honest one-line account of what the pack contains (synthetic voice, recorded, nothing yet). */
  source: string;
  /**
   * The announcement's word order: clip ids, plus the slots "{code}" (ticket code, read
   * character by character) and "{counter}" (counter number, read digit by digit).
   */
  pattern: string[];
  /**
   * How the pack says a counter number above 9 as a number (twelve, not one-two); without
   * it the number is read digit by digit. Composed by numberClipIds in display/announce.ts.
   */
  numbers?: VoiceNumbers;
  clips: VoiceClip[];
  /**
   * The kiosk's spoken guidance: per screen, the clips its speaker button plays in order
   * ("{code}" reads the ticket code character by character). scripts/make-voice-guidance.mjs.
   */
  guidance?: Record<string, string[]>;
}

export interface VoiceNumbers {
  /** Clip ids of numbers said as one word: the round tens, plus any number with its own form (bo 15 བཅོ་ལྔ). */
  words: Record<string, string>;
  /** A clip said between the tens and the unit, where the language has one (bo རྩ་). */
  joiner?: string;
}

export const CODE_SLOT = '{code}';
export const COUNTER_SLOT = '{counter}';

/** Clip id for one character of a ticket code or counter number; null if no clip can say it. */
export function clipIdForChar(ch: string): string | null {
  if (/^[0-9]$/.test(ch)) return `digit-${ch}`;
  if (/^[A-Z]$/.test(ch)) return `letter-${ch}`;
  if (/^[a-z]$/.test(ch)) return `letter-${ch.toUpperCase()}`;
  return null;
}

/** Every clip id a pattern can need: its fixed words, all digits and capital letters, and its number words. */
export function requiredClipIds(pattern: readonly string[], numbers?: VoiceNumbers): string[] {
  const ids = pattern.filter((p) => p !== CODE_SLOT && p !== COUNTER_SLOT);
  if (numbers) ids.push(...Object.values(numbers.words), ...(numbers.joiner ? [numbers.joiner] : []));
  for (let d = 0; d <= 9; d++) ids.push(`digit-${d}`);
  for (let c = 65; c <= 90; c++) ids.push(`letter-${String.fromCharCode(c)}`);
  return [...new Set(ids)];
}

/** A clip id is safe as a file stem and URL segment. */
export function isClipId(id: string): boolean {
  return /^[a-z]+(-[a-zA-Z0-9]+)*$/.test(id) && id.length <= 40;
}

export function isVoiceLanguage(v: unknown): v is VoiceLanguage {
  return typeof v === 'string' && (VOICE_LANGUAGES as readonly string[]).includes(v);
}
