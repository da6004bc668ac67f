// Records a voice pack clip by clip with the microphone, so a staff member who speaks
// Tibetan or Uyghur records the hall's announcements once. One clip at a time: record
// (up to 5 s), listen, then save (PUT /api/voice/<lang>/<clip>) or record again. Mounted by
// the admin page: <VoiceRecorder token={adminToken} />. Brings its own "voice" translations.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import bo from '../../resources/locales/bo/voice.json' with { type: 'json' };
import ug from '../../resources/locales/ug/voice.json' with { type: 'json' };
import zh from '../../resources/locales/zh/voice.json' with { type: 'json' };
import { fetchServerTexts } from '../shared/i18n.js';
import { CODE_SLOT, COUNTER_SLOT, type VoiceClip, type VoiceLanguage, type VoiceManifest } from '../shared/voicePack.js';

const MAX_SECONDS = 5;
/** The kiosk's spoken guidance: screen instructions and service names (scripts/make-voice-guidance.mjs). */
const isGuidanceClip = (id: string) => id.startsWith('guide-') || id.startsWith('service-');

const PACKS: { lang: VoiceLanguage; label: string }[] = [
  { lang: 'bo', label: 'བོད་སྐད།' },
  { lang: 'ug', label: 'ئۇيغۇرچە' },
  { lang: 'zh', label: '汉语' },
];

type Take = { blob: Blob; url: string };
type Phase = 'idle' | 'recording' | 'recorded' | 'saving';

function pickMimeType(): string | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  return ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'].find((t) => MediaRecorder.isTypeSupported(t));
}

export function VoiceRecorder({ token }: { token: string }) {
  const { t, i18n } = useTranslation('voice');
  if (!i18n.hasResourceBundle('zh', 'voice')) {
    i18n.addResourceBundle('zh', 'voice', zh);
    i18n.addResourceBundle('bo', 'voice', bo);
    i18n.addResourceBundle('ug', 'voice', ug);
    // The hall's reviewed texts (shipped + overrides) replace the bundled ones when the server answers.
    for (const l of ['zh', 'bo', 'ug'] as const) {
      void fetchServerTexts(l, 'voice').then((texts) => {
        if (texts) i18n.addResourceBundle(l, 'voice', texts, true, true);
      });
    }
  }
  const [lang, setLang] = useState<VoiceLanguage>('bo');
  const [manifest, setManifest] = useState<VoiceManifest | null>(null);
  const [clipId, setClipId] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [take, setTake] = useState<Take | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);

  const loadManifest = useCallback(async (l: VoiceLanguage, keep?: string) => {
    try {
      const res = await fetch(`/voice/${l}/manifest.json`, { cache: 'no-store' });
      const m = (await res.json()) as VoiceManifest;
      setManifest(m);
      setClipId((cur) => keep ?? cur ?? m.clips.find((c) => c.status !== 'present')?.id ?? m.clips[0]?.id ?? null);
    } catch {
      setMessage({ kind: 'error', text: t('Voice.offline') });
    }
  }, [t]);

  const discardTake = useCallback(() => {
    setTake((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return null;
    });
  }, []);

  const stopRecording = useCallback(() => {
    if (stopTimer.current) clearTimeout(stopTimer.current);
    stopTimer.current = null;
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  useEffect(() => {
    setManifest(null);
    setClipId(null);
    void loadManifest(lang);
  }, [lang, loadManifest]);

  // Leaving the page: release the microphone and the recorded audio.
  useEffect(
    () => () => {
      stopRecording();
      recorder.current?.stream.getTracks().forEach((tr) => tr.stop());
      player.current?.pause();
      discardTake();
    },
    [stopRecording, discardTake],
  );

  const record = async () => {
    setMessage(null);
    discardTake();
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices) {
      setMessage({ kind: 'error', text: t('Voice.unsupported') });
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch {
      setMessage({ kind: 'error', text: t('Voice.micDenied') });
      return;
    }
    const mimeType = pickMimeType();
    const rec = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      stream.getTracks().forEach((tr) => tr.stop());
      recorder.current = null;
      const blob = new Blob(chunks, { type: rec.mimeType || mimeType || 'audio/webm' });
      setTake({ blob, url: URL.createObjectURL(blob) });
      setPhase('recorded');
    };
    recorder.current = rec;
    rec.start();
    setPhase('recording');
    stopTimer.current = setTimeout(stopRecording, MAX_SECONDS * 1000);
  };

  const play = (url: string) => {
    player.current?.pause();
    player.current = new Audio(url);
    void player.current.play().catch(() => setMessage({ kind: 'error', text: t('Voice.playFailed') }));
  };

  const save = async () => {
    if (!take || !clipId) return;
    setPhase('saving');
    try {
      const res = await fetch(`/api/voice/${lang}/${encodeURIComponent(clipId)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': take.blob.type, 'Accept-Language': i18n.language },
        body: take.blob,
      });
      if (!res.ok) {
        const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(err?.error?.message ?? res.statusText);
      }
      discardTake();
      setMessage({ kind: 'ok', text: t('Voice.saved') });
      // Move on to the next clip still to record.
      const next = manifest?.clips.find((c) => c.id !== clipId && c.status !== 'present')?.id ?? clipId;
      await loadManifest(lang, next);
      setPhase('idle');
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error && e.message ? e.message : t('Voice.offline') });
      setPhase('recorded');
    }
  };

  const remove = async () => {
    if (!clipId) return;
    const res = await fetch(`/api/voice/${lang}/${encodeURIComponent(clipId)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
    setMessage(res?.ok ? { kind: 'ok', text: t('Voice.removed') } : { kind: 'error', text: t('Voice.offline') });
    await loadManifest(lang, clipId);
  };

  const clip: VoiceClip | undefined = manifest?.clips.find((c) => c.id === clipId);
  const done = manifest?.clips.filter((c) => c.status === 'present').length ?? 0;
  const busy = phase === 'recording' || phase === 'saving';
  const textOf = (id: string) => manifest?.clips.find((c) => c.id === id)?.text ?? id;
  const statusKey = (c: VoiceClip) => (c.status === 'present' ? (c.origin === 'recorded' ? 'recorded' : 'shipped') : c.status);
  /** One clip in either list (announcement or guidance): pick it to hear, record or delete it. */
  const clipItem = (c: VoiceClip) => (
    <li key={c.id}>
      <button type="button" className={c.id === clipId ? 'voice-clip current' : 'voice-clip'} aria-pressed={c.id === clipId} disabled={busy} onClick={() => { discardTake(); setPhase('idle'); setClipId(c.id); }}>
        <span lang={lang} dir={lang === 'ug' ? 'rtl' : 'ltr'}>{c.text}</span>
        <span className={`voice-status voice-${statusKey(c)}`}>{t(`Voice.status.${statusKey(c)}`)}</span>
      </button>
    </li>
  );

  return (
    <section className="voice-recorder" data-testid="voice-recorder">
      <h2>{t('Voice.title')}</h2>
      <p>{t('Voice.intro')}</p>
      <div className="voice-langs" role="tablist">
        {PACKS.map((p) => (
          <button key={p.lang} type="button" role="tab" lang={p.lang} aria-selected={lang === p.lang} disabled={busy} onClick={() => setLang(p.lang)}>
            {p.label}
          </button>
        ))}
      </div>
      {manifest ? (
        <>
          <p className="voice-progress">{t('Voice.progress', { done, total: manifest.clips.length })}</p>
          <p className="voice-sentence">
            {t('Voice.sentence')}{' '}
            <span lang={lang} dir={lang === 'ug' ? 'rtl' : 'ltr'}>
              {manifest.pattern.map((p) => (p === CODE_SLOT ? 'A012' : p === COUNTER_SLOT ? '3' : textOf(p))).join(' ')}
            </span>
          </p>
          {/* Announcement clips first; the kiosk's spoken guidance (guide-*, service-*) gets its own list below. */}
          <ul className="voice-clips">
            {manifest.clips.filter((c) => !isGuidanceClip(c.id)).map(clipItem)}
          </ul>
          {manifest.clips.some((c) => isGuidanceClip(c.id)) && (
            <>
              <h3>{t('Voice.guidance')}</h3>
              <p>{t('Voice.guidanceIntro')}</p>
              <ul className="voice-clips" data-testid="voice-guidance">
                {manifest.clips.filter((c) => isGuidanceClip(c.id)).map(clipItem)}
              </ul>
            </>
          )}
        </>
      ) : null}
      {clip ? (
        <div className="voice-current" aria-live="polite">
          <p>{t('Voice.readAloud')}</p>
          <p className="voice-text" lang={lang} dir={lang === 'ug' ? 'rtl' : 'ltr'}>
            {clip.text}
          </p>
          <div className="voice-actions">
            {phase === 'recording' ? (
              <button type="button" className="big" onClick={stopRecording}>
                {t('Voice.stop')}
              </button>
            ) : (
              <button type="button" className="big" disabled={busy} onClick={() => void record()}>
                {take ? t('Voice.rerecord') : t('Voice.record')}
              </button>
            )}
            {take ? (
              <>
                <button type="button" className="big" onClick={() => play(take.url)}>
                  {t('Voice.play')}
                </button>
                <button type="button" className="big" disabled={phase === 'saving'} onClick={() => void save()}>
                  {t('Voice.save')}
                </button>
              </>
            ) : null}
            {clip.status === 'present' && !take ? (
              <button type="button" className="big" onClick={() => play(`/voice/${lang}/${encodeURIComponent(clip.id)}?rev=${clip.rev ?? ''}`)}>
                {t('Voice.playSaved')}
              </button>
            ) : null}
            {clip.origin === 'recorded' && !take ? (
              <button type="button" className="big" onClick={() => void remove()}>
                {t('Voice.remove')}
              </button>
            ) : null}
          </div>
          {phase === 'recording' ? <p className="voice-hint">{t('Voice.recording', { seconds: MAX_SECONDS })}</p> : null}
        </div>
      ) : null}
      {message ? (
        <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
