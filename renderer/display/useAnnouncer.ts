// Owns the display's sound for the page's lifetime: voice packs, the player and the queue.
// Created once; every call event is composed and queued; nothing here grows with time.
import { useEffect, useMemo, useRef, useState } from 'react';
import { composeAnnouncement, type Announcement, type CallToAnnounce } from './announce.js';
import { AnnouncementQueue } from './announceQueue.js';
import { BrowserStepPlayer, chineseVoice } from './audioPlayer.js';
import { VoicePackStore } from './voicePacks.js';

/** The last few announcements as "code:step,step", newest last — shown (hidden) for diagnostics and tests. */
export const ANNOUNCE_LOG = 8;

export interface Announcer {
  announce(call: CallToAnnounce): void;
  refreshPacks(): void;
  unlock(): void;
  soundBlocked: boolean;
  /** The voice packs were loaded once (or failed to load: the board then announces with the chime). */
  voiceReady: boolean;
  log: string[];
}

const describe = (a: Announcement) =>
  `${a.code}:${a.steps.map((s) => (s.kind === 'chime' ? 'chime' : `${s.kind === 'speech' ? 'tts' : 'clips'}-${s.lang}`)).join(',')}`;

export function useAnnouncer(): Announcer {
  const [soundBlocked, setSoundBlocked] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  const [voiceReady, setVoiceReady] = useState(false);
  const parts = useRef<{ store: VoicePackStore; player: BrowserStepPlayer; queue: AnnouncementQueue } | null>(null);
  if (!parts.current) {
    const store = new VoicePackStore();
    const player = new BrowserStepPlayer((lang, id) => store.url(lang, id), setSoundBlocked);
    const queue = new AnnouncementQueue(player, {
      onStart: (a) => setLog((l) => [...l, describe(a)].slice(-ANNOUNCE_LOG)),
    });
    parts.current = { store, player, queue };
  }

  useEffect(() => {
    const p = parts.current;
    if (!p) return;
    void p.store.refresh().then(() => setVoiceReady(true));
    // Re-recorded clips arrive without a restart; a manifest is small.
    const timer = setInterval(() => void p.store.refresh(), 10 * 60_000);
    return () => {
      clearInterval(timer);
      p.queue.dispose();
      p.store.dispose();
      parts.current = null;
    };
  }, []);

  return useMemo(
    () => ({
      announce(call: CallToAnnounce) {
        const p = parts.current;
        if (!p) return;
        p.queue.enqueue(() => composeAnnouncement(call, { zhSpeech: chineseVoice() !== null, packs: p.store.packs, playable: p.store.playable }));
      },
      refreshPacks() {
        void parts.current?.store.refresh();
      },
      unlock() {
        parts.current?.player.unlock();
      },
      soundBlocked,
      voiceReady,
      log,
    }),
    [soundBlocked, voiceReady, log],
  );
}
