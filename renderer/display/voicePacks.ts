// Loads the three voice packs and keeps every playable clip in memory as a blob URL, so an
// announcement still plays while the server restarts. Bounded: one blob per manifest clip;
// a clip whose rev changed (re-recorded) is fetched again and its old URL revoked.
import { VOICE_LANGUAGES, type VoiceLanguage, type VoiceManifest } from '../shared/voicePack.js';

interface Loaded {
  rev: string;
  url: string;
}

export class VoicePackStore {
  readonly packs: Partial<Record<VoiceLanguage, VoiceManifest>> = {};
  private readonly clips = new Map<string, Loaded>();
  private refreshing: Promise<void> | null = null;
  private disposed = false;

  /** Fetches manifests and any new or changed clips. Failures keep what was loaded before. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  playable = (lang: VoiceLanguage, clipId: string): boolean => this.clips.has(`${lang}/${clipId}`);

  url(lang: VoiceLanguage, clipId: string): string | null {
    return this.clips.get(`${lang}/${clipId}`)?.url ?? null;
  }

  dispose(): void {
    this.disposed = true;
    for (const c of this.clips.values()) URL.revokeObjectURL(c.url);
    this.clips.clear();
  }

  private async fetchClip(lang: VoiceLanguage, id: string, rev: string): Promise<void> {
    const key = `${lang}/${id}`;
    try {
      const res = await fetch(`/voice/${lang}/${encodeURIComponent(id)}`, { cache: 'no-store' });
      if (!res.ok) return;
      const url = URL.createObjectURL(await res.blob());
      if (this.disposed) {
        URL.revokeObjectURL(url);
        return;
      }
      const old = this.clips.get(key);
      if (old) URL.revokeObjectURL(old.url);
      this.clips.set(key, { rev, url });
    } catch {
      // Network gone mid-way: keep the old clip, if any; the next refresh retries.
    }
  }

  private async load(): Promise<void> {
    for (const lang of VOICE_LANGUAGES) {
      let manifest: VoiceManifest;
      try {
        const res = await fetch(`/voice/${lang}/manifest.json`, { cache: 'no-store' });
        if (!res.ok) continue;
        manifest = (await res.json()) as VoiceManifest;
      } catch {
        continue;
      }
      if (this.disposed) return;
      this.packs[lang] = manifest;
      const wanted = new Set<string>();
      const toFetch = manifest.clips.filter((clip) => {
        if (clip.status !== 'present') return false;
        const key = `${lang}/${clip.id}`;
        wanted.add(key);
        return this.clips.get(key)?.rev !== (clip.rev ?? '');
      });
      // A few at a time: quick to load on start, gentle on the hall server.
      for (let i = 0; i < toFetch.length; i += 6) {
        await Promise.all(toFetch.slice(i, i + 6).map((clip) => this.fetchClip(lang, clip.id, clip.rev ?? '')));
        if (this.disposed) return;
      }
      for (const [key, c] of this.clips) {
        if (key.startsWith(`${lang}/`) && !wanted.has(key)) {
          URL.revokeObjectURL(c.url);
          this.clips.delete(key);
        }
      }
    }
  }
}
