/**
 * Supervisor mode once unlocked: roster, registrations, workers, exports, declarations and poster, sync. Locks on the button,
 * on `unauthorized`, or when the idle time runs out (shown as a countdown; every call moves it on).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, KioskEvent, MessageRef, SupervisorSession } from '../../../preload/api.ts';
import { useNow } from '../../components/hooks.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DeclarationsTab } from './DeclarationsTab.tsx';
import { ErrorLine } from './ErrorLine.tsx';
import { ExportsTab } from './ExportsTab.tsx';
import { useOverview } from './overview.ts';
import { RegistrationsTab } from './RegistrationsTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { makeGuard, sessionExpiryOf, type SupervisorContext } from './session.ts';
import { SyncTab } from './SyncTab.tsx';
import { WorkersTab } from './WorkersTab.tsx';

const TABS = ['roster', 'registrations', 'workers', 'exports', 'declarations', 'sync'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  api: KioskApi;
  session: SupervisorSession;
  clockOffsetMs: number;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
  onEnrolling: (busy: boolean) => void;
  /** Supervisor mode ended (locked, expired or refused): back to idle. */
  onClosed: () => void;
}

function LockCountdown({ expiresAt, clockOffsetMs }: { expiresAt: string; clockOffsetMs: number }) {
  const { t } = useTranslation('supervisor');
  const now = useNow(clockOffsetMs, 500);
  const seconds = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className={`lock-countdown${seconds <= 30 ? ' lock-countdown-soon' : ''}`} role="timer" data-testid="supervisor-countdown" data-seconds={seconds}>
      {t('locksIn', { time: text })}
    </div>
  );
}

export function SupervisorScreen({ api, session, clockOffsetMs, onEvent, onEnrolling, onClosed }: Props) {
  const { t } = useTranslation('supervisor');
  const [tab, setTab] = useState<Tab>('roster');
  const [expiresAt, setExpiresAt] = useState(session.expiresAt);
  // The screen is what scrolls; the roster draws only the rows inside its view.
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // The core's idle time, learnt from the session: calls that answer no expiry move the lock by it.
  const idleMs = useRef(Math.max(0, Date.parse(session.expiresAt) - (Date.now() + clockOffsetMs)));

  useEffect(() => {
    const timer = setTimeout(onClosed, Math.max(0, Date.parse(expiresAt) - (Date.now() + clockOffsetMs)));
    return () => clearTimeout(timer);
  }, [expiresAt, clockOffsetMs, onClosed]);

  const onSuccess = useCallback(
    (value: unknown) => setExpiresAt(sessionExpiryOf(value) ?? new Date(Date.now() + clockOffsetMs + idleMs.current).toISOString()),
    [clockOffsetMs],
  );
  const ctx: SupervisorContext = useMemo(
    () => ({ api, session: session.token, onEvent, guard: makeGuard(onClosed, onSuccess) }),
    [api, session.token, onEvent, onClosed, onSuccess],
  );
  const live = useOverview(ctx);
  const alert = live.overview?.sync.alert ?? false;

  const lock = () => {
    void api.supervisorLock({ session: session.token }).catch(() => undefined);
    onClosed();
  };
  const [exitError, setExitError] = useState<MessageRef | null>(null);
  // On success the shell closes the window; nothing is left to show.
  const exit = () => void ctx.guard(api.exitKiosk({ session: session.token })).then((r) => setExitError(r.ok ? null : r.message));

  return (
    <main ref={setScroller} className="screen supervisor-screen" data-testid="supervisor-screen" data-tab={tab}>
      <header className="supervisor-head">
        <h1>{t('title', { name: session.supervisorName })}</h1>
        <LockCountdown expiresAt={expiresAt} clockOffsetMs={clockOffsetMs} />
        {session.canExitKiosk && (
          <ConfirmButton label={t('exitKiosk.button')} question={t('exitKiosk.question')} yes={t('exitKiosk.yes')} no={t('workers.no')} testId="exit-kiosk" onConfirm={exit} />
        )}
        <button type="button" className="secondary-button supervisor-lock" data-testid="supervisor-lock" onClick={lock}>
          {t('lock')}
        </button>
      </header>
      {exitError && <ErrorLine message={exitError} testId="exit-kiosk-error" />}
      <nav className="supervisor-tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={`supervisor-tab${tab === id ? ' active' : ''}`} data-testid={`supervisor-tab-${id}`} onClick={() => setTab(id)}>
            {t(`tab.${id}`)}
            {id === 'sync' && alert && <span className="tab-alert" data-testid="sync-alert-dot" aria-label={t('sync.alert')} />}
          </button>
        ))}
      </nav>
      <div className="supervisor-body">
        {tab === 'roster' && <RosterTab live={live} scroller={scroller} />}
        {tab === 'registrations' && <RegistrationsTab live={live} scroller={scroller} />}
        {tab === 'workers' && <WorkersTab ctx={ctx} onEnrolling={onEnrolling} />}
        {tab === 'exports' && <ExportsTab ctx={ctx} clockOffsetMs={clockOffsetMs} />}
        {tab === 'declarations' && <DeclarationsTab ctx={ctx} />}
        {tab === 'sync' && <SyncTab live={live} />}
      </div>
    </main>
  );
}
