// The large speaker button on every kiosk screen: plays that screen's instruction from the
// voice packs (the chosen language, or each of the three on screens before the choice).
// Disabled when a clip is missing, so a resident never hears something wrong. One <audio>
// element plays the clips one after another; data-sequence lists them all and data-played
// those started so far (read by the tests).
import { useEffect, useRef, useState } from 'react';
import type { VoiceLanguage, VoiceManifest } from '../../shared/voicePack.js';
import { guidanceUrls, multiGuidanceUrls } from '../guidance.js';
import './speaker.css';
import { TapButton } from './TapButton.js';

/** Manifests are fetched once per language and refreshed after a while (staff may record more). */
const REFRESH_MS = 5 * 60_000;
const cache = new Map<VoiceLanguage, { at: number; manifest: Promise<VoiceManifest | null> }>();

function loadManifest(lang: VoiceLanguage): Promise<VoiceManifest | null> {
  const hit = cache.get(lang);
  if (hit && Date.now() - hit.at < REFRESH_MS) return hit.manifest;
  const manifest = fetch(`/voice/${lang}/manifest.json`)
    .then((r) => (r.ok ? (r.json() as Promise<VoiceManifest>) : null))
    .catch(() => null);
  cache.set(lang, { at: Date.now(), manifest });
  return manifest;
}

export interface SpeakerButtonProps {
  screen: string;
  /** The chosen language; or several, each speaking its own part (attract, language). */
  languages: readonly VoiceLanguage[];
  /** The ticket code, for a screen whose guidance reads it out. */
  code?: string;
  /** The ticket's service, said when the pack has its name. */
  serviceId?: string;
  label: string;
}

export function SpeakerButton({ screen, languages, code, serviceId, label }: SpeakerButtonProps) {
  const [urls, setUrls] = useState<string[] | null>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const key = languages.join(',');

  useEffect(() => {
    let live = true;
    void Promise.all(languages.map(async (l) => [l, await loadManifest(l)] as const)).then((pairs) => {
      if (!live) return;
      const manifests = Object.fromEntries(pairs) as Record<VoiceLanguage, VoiceManifest | null>;
      setUrls(languages.length === 1 ? guidanceUrls(manifests[languages[0]!], screen, { code, serviceId }) : multiGuidanceUrls(manifests, languages, screen));
    });
    return () => {
      live = false;
    };
    // languages is compared by value (key), not by array identity.
  }, [key, screen, code, serviceId]);

  useEffect(() => () => audio.current?.pause(), []);

  const play = () => {
    const el = audio.current;
    if (!el || !urls) return;
    let i = 0;
    const next = () => {
      const url = urls[i++];
      if (!url) return;
      el.src = url;
      el.dataset.played = urls.slice(0, i).join(' ');
      el.play().catch(() => undefined);
    };
    el.onended = next;
    // A clip that fails to load must not stop the rest of the sentence forever.
    el.onerror = next;
    el.pause();
    el.dataset.sequence = urls.join(' ');
    next();
  };

  return (
    <div className="speaker" data-testid="speaker" data-ready={urls ? '' : undefined}>
      <TapButton className="tap speaker-button" onTap={play} disabled={!urls} testId="speaker-button" ariaLabel={label}>
        <svg viewBox="0 0 48 48" aria-hidden="true" width="56" height="56">
          <path d="M8 18h8l10-8v28l-10-8H8z" fill="currentColor" />
          <path d="M32 16a10 10 0 0 1 0 16M36 10a18 18 0 0 1 0 28" stroke="currentColor" strokeWidth="3.5" fill="none" strokeLinecap="round" />
        </svg>
      </TapButton>
      <audio ref={audio} data-testid="guidance-audio" preload="none" />
    </div>
  );
}
