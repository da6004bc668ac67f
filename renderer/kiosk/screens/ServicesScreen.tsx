// Service tiles: the name in the resident's language with the Chinese name beneath, how many
// people wait and the estimated wait. A closed service stays visible but cannot be chosen,
// and says when it is open.
import { useEffect } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import { OfflineNotice } from '../components/OfflineNotice.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { Paged } from '../components/Paged.js';
import { TapButton } from '../components/TapButton.js';
import { nameLength } from '../layout/nameLength.js';
import { DirectFormsEntry } from '../forms/DirectFormsEntry.js';
import { formatCount } from '../format.js';
import type { KioskService } from '../kioskApi.js';
import type { HallDataStatus } from '../useHallData.js';
import { useKioskT } from '../useKioskT.js';

export interface ServicesScreenProps {
  lang: PageLanguage;
  status: HallDataStatus;
  services: KioskService[];
  onChoose: (s: KioskService) => void;
  onBack: () => void;
  onHome: () => void;
  /** Forms sent without queuing (suggestion box, proxy request). */
  onDirectForms?: () => void;
}

/** Today's opening as one from–to (weekly hours from the setup page when the service has them). */
function todayRange(s: KioskService): { from: string; to: string } {
  const today = s.todayHours;
  if (s.hours && today && today.length > 0) return { from: today[0]![0], to: today[today.length - 1]![1] };
  return { from: s.openFrom, to: s.openTo };
}

export function ServicesScreen({ lang, status, services, onChoose, onBack, onHome, onDirectForms }: ServicesScreenProps) {
  const t = useKioskT(lang);
  const ready = status === 'ready' || services.length > 0;
  useEffect(() => {
    // For bench/kiosk.bench.ts: when the tiles are first on screen. Only the latest mark is
    // kept, so a kiosk running all day does not grow its performance timeline.
    if (!ready) return;
    requestAnimationFrame(() => {
      performance.clearMarks('kiosk:services-visible');
      performance.mark('kiosk:services-visible');
    });
  }, [ready]);
  return (
    <ScreenFrame lang={lang} screen="services" title={t('Services.title')} onBack={onBack} onHome={onHome}>
      {status === 'offline' && <OfflineNotice lang={lang} />}
      {status === 'loading' && services.length === 0 && <p className="notice">{t('Services.loading')}</p>}
      {status === 'ready' && services.length === 0 && <p className="notice">{t('Services.none')}</p>}
      <Paged
        lang={lang}
        count={services.length}
        className="service-grid"
        testId="services-list"
        renderItem={(i, measuring) => {
          const s = services[i]!;
          return (
          <TapButton
            key={s.id}
            className={`tap service${s.open ? '' : ' closed'}`}
            disabled={!s.open}
            onTap={() => onChoose(s)}
            testId={measuring ? undefined : `service-${s.id}`}
          >
            {s.icon && <img className="service-icon" src={`/pictograms/${encodeURIComponent(s.icon)}.svg`} alt="" aria-hidden="true" data-icon={s.icon} />}
            <span className={`service-name ${nameLength(s.names[lang], lang)}`}>{s.names[lang]}</span>
            {lang !== 'zh' && (
              <span className="service-name-zh" lang="zh">
                {s.names.zh}
              </span>
            )}
            {s.open ? (
              <>
                <span className="service-meta">{t('Services.waiting', { n: formatCount(s.waiting, lang) })}</span>
                <span className="service-meta">
                  {t('Services.estimate', { minutes: formatCount(s.estimatedWaitMinutes, lang) })}
                </span>
              </>
            ) : (
              <span className="service-closed">{t('Services.closedHours', todayRange(s))}</span>
            )}
          </TapButton>
          );
        }}
      />
      {onDirectForms && <DirectFormsEntry lang={lang} onTap={onDirectForms} />}
    </ScreenFrame>
  );
}
