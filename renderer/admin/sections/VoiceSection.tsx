// Voice packs: hall staff who speak Tibetan or Uyghur record the display's announcement clips.
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../context.js';
import { VoiceRecorder } from '../VoiceRecorder.js';

export function VoiceSection() {
  const { t } = useTranslation('admin');
  const { token } = useAdmin();
  return (
    <section aria-labelledby="voice-title">
      <h2 id="voice-title">{t('Nav.voice')}</h2>
      <VoiceRecorder token={token} />
    </section>
  );
}
