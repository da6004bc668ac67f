// Composes what the hall hears for one call: a chime, then Chinese (speech synthesis when
// the machine has a Chinese voice, else the zh voice pack), then the resident's own
// language when it is Tibetan or Uyghur and its pack can say the whole call. A language
// whose clips are incomplete is left out entirely: half a sentence confuses more than none.
// Pure: no DOM, no audio. The display's player turns the steps into sound.
import {
  clipIdForChar,
  CODE_SLOT,
  COUNTER_SLOT,
  type VoiceLanguage,
  type VoiceManifest,
  type VoiceNumbers,
} from '../shared/voicePack.js';

export interface CallToAnnounce {
  /** Unique per call event (a recall is a new call): ticketId + time. */
  key: string;
  code: string;
  counterNumber: number;
  /** The resident's language as the ticket records it. */
  language: string;
}

export type AnnouncementStep =
  | { kind: 'chime' }
  | { kind: 'speech'; lang: 'zh'; text: string }
  | { kind: 'clips'; lang: VoiceLanguage; clipIds: string[] };

export interface Announcement {
  key: string;
  code: string;
  steps: AnnouncementStep[];
}

export interface ComposeContext {
  /** True when speechSynthesis offers a Chinese voice. */
  zhSpeech: boolean;
  packs: Partial<Record<VoiceLanguage, VoiceManifest>>;
  /** Whether a clip can actually be played now (loaded); defaults to its manifest status. */
  playable?: (lang: VoiceLanguage, clipId: string) => boolean;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 as said in Chinese (十二, 二十), larger numbers digit by digit. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : ZH_DIGITS[tens]!}十${ones === 0 ? '' : ZH_DIGITS[ones]!}`;
  }
  return [...String(n)].map((d) => ZH_DIGITS[Number(d)]!).join('');
}

/** The Chinese sentence for speech synthesis: codes are read character by character. */
export function chineseCallText(code: string, counterNumber: number): string {
  const spoken = [...code].map((ch) => (/[0-9]/.test(ch) ? ZH_DIGITS[Number(ch)]! : ch)).join(' ');
  return `请 ${spoken} 号，到 ${chineseNumber(counterNumber)} 号窗口`;
}

/**
 * The clip ids that say n as a number in a pack: 0–9 by their digit clips, a number with its
 * own word by that clip, and otherwise tens + (joiner) + unit — Uyghur 12 = ئون + ئىككى,
 * Tibetan 37 = སུམ་ཅུ + རྩ་ + བདུན. Null when the pack has no number words for n (then the
 * caller reads it digit by digit, as before).
 */
export function numberClipIds(n: number, numbers: VoiceNumbers | undefined): string[] | null {
  if (!Number.isInteger(n) || n < 0) return null;
  if (n < 10) return [`digit-${n}`];
  if (!numbers) return null;
  const own = numbers.words[String(n)];
  if (own) return [own];
  if (n >= 100) return null;
  const unit = n % 10;
  const tens = numbers.words[String(n - unit)];
  if (!tens) return null;
  return unit === 0 ? [tens] : [tens, ...(numbers.joiner ? [numbers.joiner] : []), `digit-${unit}`];
}

/** The clip ids that say this call in one pack, in the pack's word order; null if any is unavailable. */
export function clipsForCall(
  pack: VoiceManifest,
  code: string,
  counterNumber: number,
  playable: (clipId: string) => boolean,
): string[] | null {
  const ids: string[] = [];
  const spell = (text: string): boolean => {
    for (const ch of text) {
      const id = clipIdForChar(ch);
      if (!id) return false;
      ids.push(id);
    }
    return true;
  };
  for (const part of pack.pattern) {
    if (part === CODE_SLOT) {
      if (!spell(code)) return null;
    } else if (part === COUNTER_SLOT) {
      const said = numberClipIds(counterNumber, pack.numbers);
      if (said) ids.push(...said);
      else if (!spell(String(counterNumber))) return null;
    } else ids.push(part);
  }
  return ids.every(playable) && ids.length > 0 ? ids : null;
}

export function composeAnnouncement(call: CallToAnnounce, ctx: ComposeContext): Announcement {
  const playableIn = (lang: VoiceLanguage) => (clipId: string) => {
    if (ctx.playable) return ctx.playable(lang, clipId);
    return ctx.packs[lang]?.clips.find((c) => c.id === clipId)?.status === 'present';
  };
  const packSteps = (lang: VoiceLanguage): AnnouncementStep | null => {
    const pack = ctx.packs[lang];
    if (!pack) return null;
    const clipIds = clipsForCall(pack, call.code, call.counterNumber, playableIn(lang));
    return clipIds ? { kind: 'clips', lang, clipIds } : null;
  };

  const steps: AnnouncementStep[] = [{ kind: 'chime' }];
  const zh: AnnouncementStep | null = ctx.zhSpeech
    ? { kind: 'speech', lang: 'zh', text: chineseCallText(call.code, call.counterNumber) }
    : packSteps('zh');
  if (zh) steps.push(zh);
  if (call.language === 'bo' || call.language === 'ug') {
    const own = packSteps(call.language);
    if (own) steps.push(own);
  }
  return { key: call.key, code: call.code, steps };
}
