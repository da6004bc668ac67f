// The kiosk's spoken guidance, pure: which clip files a screen's speaker button plays, from
// the voice packs' `guidance` entries (scripts/make-voice-guidance.mjs). A screen without
// an entry, or with any clip not recorded (missing) or only a placeholder tone, gets null:
// the button is disabled rather than play something wrong or half a sentence. The one
// exception is "{service}": the service's name is said when its clip (service-<id>) exists
// and is recorded, and otherwise left out (the sentence stays right without it).
import { clipIdForChar, CODE_SLOT, type VoiceLanguage, type VoiceManifest } from '../shared/voicePack.js';

export const SERVICE_SLOT = '{service}';

export function guidanceUrls(manifest: VoiceManifest | null | undefined, screen: string, slots: { code?: string; serviceId?: string } = {}): string[] | null {
  const entry = manifest?.guidance?.[screen];
  if (!manifest || !entry) return null;
  const ids: string[] = [];
  for (const part of entry) {
    if (part === CODE_SLOT) {
      if (!slots.code) return null;
      for (const ch of slots.code) {
        const id = clipIdForChar(ch);
        if (!id) return null;
        ids.push(id);
      }
    } else if (part === SERVICE_SLOT) {
      const id = `service-${slots.serviceId ?? ''}`;
      if (slots.serviceId && manifest.clips.some((c) => c.id === id && c.status === 'present')) ids.push(id);
    } else ids.push(part);
  }
  const urls: string[] = [];
  for (const id of ids) {
    const clip = manifest.clips.find((c) => c.id === id);
    if (!clip || clip.status !== 'present') return null;
    urls.push(`/voice/${manifest.language}/${encodeURIComponent(id)}?rev=${encodeURIComponent(clip.rev ?? '')}`);
  }
  return urls;
}

/**
 * Screens shown before a language is chosen speak in several packs, each in its own
 * language (the language screen says 中文 / བོད་ཡིག / ئۇيغۇرچە in that language's voice).
 * A pack that cannot say its part is left out; with none left, the button is disabled.
 */
export function multiGuidanceUrls(manifests: Partial<Record<VoiceLanguage, VoiceManifest | null>>, languages: readonly VoiceLanguage[], screen: string): string[] | null {
  const urls = languages.flatMap((l) => guidanceUrls(manifests[l], screen) ?? []);
  return urls.length > 0 ? urls : null;
}
