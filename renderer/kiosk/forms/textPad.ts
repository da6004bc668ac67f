// The keyboard a text answer is typed on, as pure data: which one, what it holds, and the
// field's length cap it carries (each keyboard's input module refuses a key past it).
import type { FormField } from '../../../electron/core/forms/definition.js';
import { DEFAULT_LONGTEXT_MAX, DEFAULT_TEXT_MAX } from '../../../electron/core/forms/validate.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { pinyinText, type PinyinState } from '../keyboards/pinyinInput.js';
import { tibetanText, type TibetanState } from '../keyboards/tibetanInput.js';
import { uyghurText, type UyghurState } from '../keyboards/uyghurInput.js';

export type Pad = { kind: 'zh'; state: PinyinState } | { kind: 'bo'; state: TibetanState } | { kind: 'ug'; state: UyghurState };

/** The longest answer the field takes, in code points: its own maxLength, else the validator's default. */
export function textMaxLength(field: Pick<FormField, 'type' | 'maxLength'>): number {
  return field.maxLength ?? (field.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_LONGTEXT_MAX);
}

/** A keyboard of the given kind holding `text`, capped at the field's length. */
export function padWith(kind: PageLanguage, text: string, maxLength: number): Pad {
  if (kind === 'zh') return { kind, state: { committed: text, composing: '', maxLength } };
  if (kind === 'bo') return { kind, state: { raw: text, shift: false, alt: false, subjoin: false, maxLength } };
  return { kind, state: { raw: text, shift: false, maxLength } };
}

export function padText(p: Pad): string {
  return p.kind === 'zh' ? pinyinText(p.state) : p.kind === 'bo' ? tibetanText(p.state) : uyghurText(p.state);
}

