// The kiosk page: pairing → attract → language → services → priority → (form) → ticket.
// Owns the device token, the hall data, the flow reducer, ticket issuing and the idle wipe;
// the screens only draw a step and report taps.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api.js';
import { readDeviceToken } from '../shared/deviceToken.js';
import type { PageLanguage } from '../shared/i18n.js';
import { IdleOverlay } from './components/IdleOverlay.js';
import { DirectFormScreen, DirectFormsScreen, DirectSendingScreen, DirectSentScreen, FormOutcomeNote } from './forms/DirectForms.js';
import { useFormDefinitions } from './forms/useFormDefinitions.js';
import { useFormSubmission } from './forms/useFormSubmission.js';
import type { KioskConfig } from './config.js';
import { ATTRACT, reduce, stepLanguage, type Action, type Step } from './flow.js';
import { createKioskApi, isOffline, isUnpaired, newIdempotencyKey, type KioskApi } from './kioskApi.js';
import { AttractScreen } from './screens/AttractScreen.js';
import { FormStep } from './screens/FormStep.js';
import { IssueFailedScreen, IssuingScreen } from './screens/IssuingScreen.js';
import { KeyboardScreen } from './screens/KeyboardScreen.js';
import { LanguageScreen } from './screens/LanguageScreen.js';
import { PairingScreen } from './screens/PairingScreen.js';
import { PriorityScreen } from './screens/PriorityScreen.js';
import { ServicesScreen } from './screens/ServicesScreen.js';
import { TicketScreen } from './screens/TicketScreen.js';
import { useHallData, type HallData } from './useHallData.js';
import { useIdle } from './useIdle.js';

const TOKEN_KEY = 'hall.kiosk.token';

export function App({ config }: { config: KioskConfig }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    readDeviceToken(TOKEN_KEY).then(setToken, () => setToken(null));
  }, []);
  if (token === undefined) return null; // the token is read from storage in a tick; nothing to show yet
  if (config.view === 'keyboards') return <KeyboardPage config={config} />;
  return <KioskFlow config={config} token={token} />;
}

function KeyboardPage({ config }: { config: KioskConfig }) {
  // Wiping the try-out page means starting it afresh: a new key remounts it empty.
  const [generation, setGeneration] = useState(0);
  const idle = useIdle(true, config.idleMs, config.countdownMs, () => setGeneration((g) => g + 1));
  return (
    <>
      <KeyboardScreen key={generation} />
      {idle.secondsLeft !== null && <IdleOverlay lang="zh" secondsLeft={idle.secondsLeft} onContinue={idle.stillHere} />}
    </>
  );
}

function KioskFlow({ config, token }: { config: KioskConfig; token: string | null }) {
  const [step, dispatch] = useReducer(reduce, ATTRACT);
  const lang: PageLanguage = stepLanguage(step) ?? 'zh';
  const { i18n } = useTranslation('kiosk');
  // Read through a ref so the client (and everything keyed on it) survives a language change;
  // each request still asks for its messages in the resident's current language.
  const langRef = useRef(lang);
  langRef.current = lang;
  const api = useMemo(() => createKioskApi(() => token, () => langRef.current), [token]);
  const data = useHallData(api, token, config.retryMs);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);

  useIssuing(step, api, config.retryMs, dispatch, data.markUnpaired);
  useFormSubmission(step, api, config.retryMs, dispatch, data.markUnpaired);

  // Large text and the strong palette last one visit: back at the attract screen (done, home,
  // or the idle wipe) the next resident starts at the normal size.
  const [largeText, setLargeText] = useState(false);
  const atAttract = step.name === 'attract';
  useEffect(() => {
    if (atAttract) setLargeText(false);
  }, [atAttract]);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText && !atAttract);
  }, [largeText, atAttract]);

  const inUse = data.status !== 'unpaired' && step.name !== 'attract';
  const idle = useIdle(inUse, config.idleMs, config.countdownMs, () => dispatch({ type: 'reset' }));

  if (data.status === 'unpaired') return <PairingScreen hasToken={token !== null} />;
  return (
    <>
      <StepScreen step={step} data={data} dispatch={dispatch} api={api} retryMs={config.retryMs} largeText={largeText} onLargeText={setLargeText} />
      {idle.secondsLeft !== null && <IdleOverlay lang={lang} secondsLeft={idle.secondsLeft} onContinue={idle.stillHere} />}
    </>
  );
}

type Dispatch = (a: Action) => void;

interface StepScreenProps {
  step: Step;
  data: HallData;
  dispatch: Dispatch;
  api: KioskApi;
  retryMs: number;
  largeText: boolean;
  onLargeText: (on: boolean) => void;
}

function StepScreen({ step, data, dispatch, api, retryMs, largeText, onLargeText }: StepScreenProps) {
  const offline = data.status === 'offline';
  const home = () => dispatch({ type: 'reset' });
  // The "send without queuing" entry appears only when the hall has such a form.
  const definitions = useFormDefinitions(api, retryMs);
  const hasDirectForms = definitions.status === 'ready' && definitions.forms.some((f) => f.allowWithoutTicket);
  switch (step.name) {
    case 'attract':
      return (
        <AttractScreen
          hallName={data.hall?.name ?? null}
          ready={data.status === 'ready'}
          offline={offline}
          onStart={() => dispatch({ type: 'start' })}
        />
      );
    case 'language':
      return (
        <LanguageScreen
          onChoose={(lang) => dispatch({ type: 'chooseLanguage', lang })}
          onBack={() => dispatch({ type: 'back' })}
          largeText={largeText}
          onLargeText={onLargeText}
        />
      );
    case 'services':
      return (
        <ServicesScreen
          lang={step.lang}
          status={data.status}
          services={data.services}
          onChoose={(service) => dispatch({ type: 'chooseService', service, idempotencyKey: newIdempotencyKey() })}
          onBack={() => dispatch({ type: 'back' })}
          onHome={() => dispatch({ type: 'reset' })}
          onDirectForms={hasDirectForms ? () => dispatch({ type: 'openDirectForms' }) : undefined}
        />
      );
    case 'priority':
      return (
        <PriorityScreen
          lang={step.lang}
          service={step.service}
          onAnswer={(priority) => dispatch({ type: 'answerPriority', priority })}
          onBack={() => dispatch({ type: 'back' })}
          onHome={() => dispatch({ type: 'reset' })}
        />
      );
    case 'form':
      return (
        <FormStep
          lang={step.lang}
          service={step.request.service}
          onDone={(form) => dispatch(form ? { type: 'formDone', form } : { type: 'formDone' })}
          onBack={() => dispatch({ type: 'back' })}
          onHome={home}
          api={api}
          timeZone={data.hall?.timeZone}
          retryMs={retryMs}
          draft={step.draft}
          errors={step.errors}
          ticketIssued={!!step.ticket}
        />
      );
    case 'submitting':
      return <IssuingScreen lang={step.lang} offline={false} />;
    case 'directForms':
      return (
        <DirectFormsScreen
          lang={step.lang}
          api={api}
          retryMs={retryMs}
          onChoose={(formId) => dispatch({ type: 'chooseDirectForm', formId, key: newIdempotencyKey() })}
          onBack={() => dispatch({ type: 'back' })}
          onHome={home}
        />
      );
    case 'directForm':
      return (
        <DirectFormScreen
          lang={step.lang}
          api={api}
          retryMs={retryMs}
          timeZone={data.hall?.timeZone}
          formId={step.formId}
          draft={step.draft}
          errors={step.errors}
          onSend={(form) => dispatch({ type: 'sendDirect', form })}
          onBack={() => dispatch({ type: 'back' })}
          onHome={home}
        />
      );
    case 'directSending':
      return <DirectSendingScreen lang={step.lang} failed={step.failed} onRetry={() => dispatch({ type: 'retryDirect' })} onBack={() => dispatch({ type: 'back' })} onHome={home} />;
    case 'directSent':
      return <DirectSentScreen lang={step.lang} onDone={home} />;
    case 'issuing':
      return <IssuingScreen lang={step.lang} offline={step.offline} />;
    case 'issueFailed':
      return (
        <IssueFailedScreen
          lang={step.lang}
          message={step.message}
          onBack={() => dispatch({ type: 'back' })}
          onHome={() => dispatch({ type: 'reset' })}
        />
      );
    case 'ticket':
      return (
        <TicketScreen
          lang={step.lang}
          ticket={step.ticket}
          service={step.service}
          timeZone={data.hall?.timeZone}
          onDone={() => dispatch({ type: 'reset' })}
          formNote={step.form === 'none' ? undefined : <FormOutcomeNote lang={step.lang} outcome={step.form} />}
        />
      );
  }
}

/**
 * Issues the ticket while the step is 'issuing'. The idempotency key was fixed when the
 * service was chosen, so retrying after a network failure (every retryMs, until the idle
 * wipe) can never produce a second ticket.
 */
function useIssuing(step: Step, api: KioskApi, retryMs: number, dispatch: Dispatch, markUnpaired: () => void): void {
  const request = step.name === 'issuing' ? step.request : null;
  const lang = stepLanguage(step) ?? 'zh';
  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      try {
        const ticket = await api.issueTicket(
          { serviceId: request.service.id, language: lang, priority: request.priority },
          request.idempotencyKey,
        );
        if (!cancelled) dispatch({ type: 'issued', ticket });
      } catch (e) {
        if (cancelled) return;
        if (isUnpaired(e)) markUnpaired();
        else if (e instanceof ApiError && e.status < 500) dispatch({ type: 'issueFailed', message: e.message });
        else {
          // Unreachable or a server fault: say so and try again with the same key.
          if (!isOffline(e)) console.warn('kiosk: issuing failed, retrying', e);
          dispatch({ type: 'issueOffline' });
          timer = setTimeout(() => void attempt(), retryMs);
        }
      }
    };
    void attempt();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // The request object identifies the attempt (issueOffline keeps it), so a re-render never re-issues.
  }, [request, lang, api, retryMs, dispatch, markUnpaired]);
}
