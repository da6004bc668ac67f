// Turns announcement steps into sound in the browser. One AudioContext (chime) and one
// <audio> element (clips) for the page's whole life, so days of calls leak nothing.
// Chromium may refuse sound until someone touches the screen (autoplay policy); the
// player reports that once and the board shows a "tap to enable sound" button.
import type { AnnouncementStep } from './announce.js';
import type { StepPlayer } from './announceQueue.js';
import type { VoiceLanguage } from '../shared/voicePack.js';

export function chineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => /^(zh|cmn)\b/i.test(v.lang)) ?? null;
}

export class BrowserStepPlayer implements StepPlayer {
  private audioCtx: AudioContext | null = null;
  private readonly audio = new Audio();
  private stopCurrent: (() => void) | null = null;

  constructor(
    private readonly clipUrl: (lang: VoiceLanguage, id: string) => string | null,
    private readonly onBlocked: (blocked: boolean) => void,
  ) {
    this.audio.preload = 'auto';
  }

  /** Called from a user gesture: lets Chromium play sound from now on. */
  unlock(): void {
    void this.context().resume().then(() => this.onBlocked(false));
  }

  play(step: AnnouncementStep): Promise<void> {
    switch (step.kind) {
      case 'chime':
        return this.chime();
      case 'speech':
        return this.speak(step.text);
      case 'clips':
        return this.clips(step.lang, step.clipIds);
    }
  }

  stop(): void {
    this.stopCurrent?.();
    this.audio.pause();
    this.audio.removeAttribute('src');
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    void this.audioCtx?.close();
    this.audioCtx = null;
  }

  private context(): AudioContext {
    this.audioCtx ??= new AudioContext();
    return this.audioCtx;
  }

  /** Two soft descending tones ("ding-dong"), 0.9 s. */
  private async chime(): Promise<void> {
    const ctx = this.context();
    if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
    if (ctx.state !== 'running') {
      this.onBlocked(true);
      return;
    }
    const t0 = ctx.currentTime + 0.02;
    for (const [i, freq] of [784, 587].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const at = t0 + i * 0.4;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.5);
      osc.onended = () => {
        osc.disconnect();
        gain.disconnect();
      };
    }
    await new Promise((r) => setTimeout(r, 950));
  }

  private speak(text: string): Promise<void> {
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      const voice = chineseVoice();
      if (voice) u.voice = voice;
      u.lang = voice?.lang ?? 'zh-CN';
      u.rate = 0.85;
      u.onend = () => resolve();
      u.onerror = () => resolve();
      this.stopCurrent = () => resolve();
      speechSynthesis.speak(u);
    });
  }

  private async clips(lang: VoiceLanguage, ids: string[]): Promise<void> {
    for (const id of ids) {
      const url = this.clipUrl(lang, id);
      if (!url) continue;
      await this.playOne(url);
    }
  }

  private playOne(url: string): Promise<void> {
    return new Promise((resolve) => {
      const a = this.audio;
      const done = () => {
        a.onended = null;
        a.onerror = null;
        this.stopCurrent = null;
        resolve();
      };
      a.onended = done;
      a.onerror = done;
      this.stopCurrent = done;
      a.src = url;
      a.play().then(
        () => this.onBlocked(false),
        (e: unknown) => {
          if (e instanceof DOMException && e.name === 'NotAllowedError') this.onBlocked(true);
          done();
        },
      );
    });
  }
}
