// The console proper: current ticket, big action buttons with shortcuts and reasons, the
// waiting list, the attached-form panel, and a clear "reconnecting" banner when live
// updates drop. Every action applies the server's answer at once; events keep a second
// console on the same counter in step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiClient } from '../shared/api.js';
import { ActionButton } from './ActionButton.js';
import { availability, type ActionId } from './actions.js';
import { CurrentTicket } from './CurrentTicket.js';
import { FormPanel } from './FormPanel.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { QueuePanel } from './QueuePanel.js';
import type { StaffSession } from './session.js';
import { TransferDialog } from './TransferDialog.js';
import type { CounterView, Lang, TicketView } from './types.js';
import { useConsoleData } from './useConsoleData.js';
import { SHORTCUTS, useShortcuts, type ShortcutAction } from './useShortcuts.js';

interface Props {
  api: ApiClient;
  session: StaffSession;
  counterId: string;
  onLeft: () => void;
  onLostCounter: () => void;
}

export function ConsoleScreen({ api, session, counterId, onLeft, onLostCounter }: Props) {
  const { t, i18n } = useTranslation('counter');
  const data = useConsoleData(api, session.token, counterId);
  const { counter, ticket, queue, services, counters, policy, status } = data;
  const [busy, setBusy] = useState<ActionId | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string; code?: string } | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const queueRef = useRef<HTMLDivElement>(null);

  // The recall countdown needs a ticking clock, only while a ticket is waiting to be recalled.
  useEffect(() => {
    if (ticket?.state !== 'called') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticket?.state]);

  // Another console (or an admin) closed this counter: back to the counter choice.
  useEffect(() => {
    if (counter && (counter.state === 'closed' || counter.staffId !== session.staff.id)) onLostCounter();
  }, [counter, session.staff.id, onLostCounter]);

  const avail = counter ? availability({ counter, ticket, waitingCount: queue.length, policy, lastCallAt: data.lastCallAt, now: Math.max(now, Date.now()) }) : null;
  const base = `/api/counters/${encodeURIComponent(counterId)}`;
  const tpath = (verb: string) => `/api/tickets/${encodeURIComponent(ticket?.id ?? '')}/${verb}`;

  const run = useCallback(
    async (id: ActionId, fn: () => Promise<void>) => {
      setBusy(id);
      setMessage(null);
      try {
        await fn();
      } catch (e) {
        setMessage(e instanceof ApiError ? { kind: 'error', text: e.message, code: e.code } : { kind: 'error', text: t('Common.offline'), code: 'OFFLINE' });
      } finally {
        setBusy(null);
        data.reloadQueue();
      }
    },
    [data, t],
  );

  const act = (id: ActionId) => {
    if (!avail || !avail[id].enabled || busy) return;
    switch (id) {
      case 'callNext':
        return void run(id, async () => {
          const r = await api.request<{ ticket: TicketView; counter: CounterView } | null>('POST', `${base}/call-next`);
          if (r) data.applyCounter(r.counter, r.ticket);
          else setMessage({ kind: 'info', text: t('Reason.nobodyWaiting') });
        });
      case 'recall':
      case 'start':
      case 'finish':
      case 'noShow':
        return void run(id, async () => {
          const verb = id === 'noShow' ? 'no-show' : id;
          const r = await api.request<{ ticket: TicketView }>('POST', tpath(verb));
          data.applyTicket(r.ticket);
        });
      case 'transfer':
        return setTransferring(true);
      case 'pause':
      case 'resume':
        return void run(id, async () => data.applyCounter(await api.request<CounterView>('POST', `${base}/${id}`)));
      case 'logout':
        return void run(id, async () => {
          await api.request<CounterView>('POST', `${base}/close`);
          onLeft();
        });
      case 'callSpecific':
        return void queueRef.current?.querySelector<HTMLButtonElement>('button.call-this:not(:disabled)')?.focus();
    }
  };

  const callTicket = (q: TicketView) =>
    void run('callSpecific', async () => {
      const r = await api.request<{ ticket: TicketView; counter: CounterView }>('POST', `${base}/call/${encodeURIComponent(q.id)}`);
      data.applyCounter(r.counter, r.ticket);
    });

  const transfer = (to: { serviceId?: string; counterId?: string }) => {
    setTransferring(false);
    void run('transfer', async () => {
      const r = await api.request<{ ticket: TicketView }>('POST', tpath('transfer'), to);
      data.applyTicket(r.ticket);
    });
  };

  useShortcuts(!!avail && !transferring, (a: ShortcutAction) => {
    if (a === 'pauseResume') act(counter?.state === 'paused' ? 'resume' : 'pause');
    else act(a);
  });

  if (!counter || !avail) return <div className="counter-loading" data-testid="console-loading" />;
  const lang = i18n.language as Lang;
  const service = services.find((s) => s.id === ticket?.serviceId);
  const button = (id: Exclude<ActionId, 'callSpecific' | 'pause' | 'resume' | 'logout'>, tone?: 'primary' | 'danger') => (
    <ActionButton id={id} label={t(`Action.${id}`)} shortcut={SHORTCUTS[id]} availability={avail[id]} busy={busy !== null} onClick={() => act(id)} tone={tone} />
  );

  return (
    <div className={`screen console-screen counter-${counter.state}`} data-testid="console" data-counter-state={counter.state} data-status={status}>
      <header className="top-bar">
        <h1>
          {t('Header.counter', { n: counter.number })}
          {/* The hall may name a counter ("老年服务专窗"); the default name only repeats the number. */}
          {(counter.names[lang] || counter.names.zh) !== t('Header.counter', { n: counter.number }) ? <span className="counter-name"> {counter.names[lang] || counter.names.zh}</span> : null}
        </h1>
        <span className="who">{t('Header.staff', { name: session.staff.username })}</span>
        <span className="spoken-list">{counter.languages.map((l) => t(`Language.${l}`)).join(' · ')}</span>
        <span className={`conn conn-${status}`} data-testid="connection">
          {t(`Connection.${status}`)}
        </span>
        <LanguageSwitch />
        {counter.state === 'paused' ? (
          <ActionButton id="resume" label={t('Action.resume')} shortcut={SHORTCUTS.pauseResume} availability={avail.resume} busy={busy !== null} onClick={() => act('resume')} tone="primary" />
        ) : (
          <ActionButton id="pause" label={t('Action.pause')} shortcut={SHORTCUTS.pauseResume} availability={avail.pause} busy={busy !== null} onClick={() => act('pause')} />
        )}
        <ActionButton id="logout" label={t('Action.logout')} availability={avail.logout} busy={busy !== null} onClick={() => act('logout')} />
      </header>
      {status !== 'online' ? (
        <div className="banner offline" role="status" data-testid="reconnecting">
          {t('Connection.banner')}
        </div>
      ) : null}
      {counter.state === 'paused' ? (
        <div className="banner paused" role="status" data-testid="paused-banner">
          {t('Console.pausedBanner')}
        </div>
      ) : null}
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="console-message" data-code={message.code ?? ''}>
          {message.text}
        </div>
      ) : null}
      <main className="console-body">
        <div className="console-left">
          <CurrentTicket ticket={ticket} service={service} />
          <div className="actions">
            {button('callNext', 'primary')}
            {button('recall')}
            {button('start')}
            {button('finish', 'primary')}
            {button('noShow', 'danger')}
            {button('transfer')}
          </div>
          <FormPanel api={api} ticket={ticket} />
        </div>
        <QueuePanel ref={queueRef} counter={counter} queue={queue} services={services} callSpecific={avail.callSpecific} busy={busy !== null} onCall={callTicket} />
      </main>
      <footer className="shortcut-help">{t('Console.shortcutHelp', { key: SHORTCUTS.callSpecific })}</footer>
      {transferring && ticket ? (
        <TransferDialog ticket={ticket} counter={counter} services={services} counters={counters} onTransfer={transfer} onClose={() => setTransferring(false)} />
      ) : null}
    </div>
  );
}
