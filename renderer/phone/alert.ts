// "Go to counter N": a short two-tone beep (WebAudio, nothing to download) and a vibration
// where the phone allows. Browsers only let sound play after a tap, hence unlock().
let ctx: AudioContext | null = null;

export function unlockSound(): void {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
  } catch {
    ctx = null;
  }
}

export function soundUnlocked(): boolean {
  return ctx !== null && ctx.state === 'running';
}

export function callAlert(): void {
  try {
    if (ctx && ctx.state === 'running') {
      const t0 = ctx.currentTime;
      for (const [i, freq] of [880, 660, 880].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t0 + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.4, t0 + i * 0.35 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.35 + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + i * 0.35);
        osc.stop(t0 + i * 0.35 + 0.32);
      }
    }
  } catch {
    // No sound on this phone: the screen and the vibration still tell.
  }
  if ('vibrate' in navigator) navigator.vibrate([400, 150, 400, 150, 400]);
}
