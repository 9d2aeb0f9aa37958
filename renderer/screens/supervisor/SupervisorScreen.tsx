/** Supervisor mode once unlocked: roster, workers, exports; locks on the button, `unauthorized` or idle expiry. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, KioskEvent, SupervisorSession } from '../../../preload/api.ts';
import { ExportsTab } from './ExportsTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { makeGuard, type SupervisorContext } from './session.ts';
import { WorkersTab } from './WorkersTab.tsx';

type Tab = 'roster' | 'workers' | 'exports';

interface Props {
  api: KioskApi;
  session: SupervisorSession;
  clockOffsetMs: number;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
  onEnrolling: (busy: boolean) => void;
  /** Supervisor mode ended (locked, expired or refused): back to idle. */
  onClosed: () => void;
}

export function SupervisorScreen({ api, session, clockOffsetMs, onEvent, onEnrolling, onClosed }: Props) {
  const { t } = useTranslation('supervisor');
  const [tab, setTab] = useState<Tab>('roster');
  const [expiresAt, setExpiresAt] = useState(session.expiresAt);

  useEffect(() => {
    const timer = setTimeout(onClosed, Math.max(0, Date.parse(expiresAt) - (Date.now() + clockOffsetMs)));
    return () => clearTimeout(timer);
  }, [expiresAt, clockOffsetMs, onClosed]);

  const touched = useCallback((next: string) => setExpiresAt(next), []);
  const ctx: SupervisorContext = useMemo(
    () => ({ api, session: session.token, onEvent, guard: makeGuard(onClosed), touched }),
    [api, session.token, onEvent, onClosed, touched],
  );

  const lock = () => {
    void api.supervisorLock({ session: session.token }).catch(() => undefined);
    onClosed();
  };

  return (
    <main className="screen supervisor-screen" data-testid="supervisor-screen">
      <header className="supervisor-head">
        <h1>{t('title', { name: session.supervisorName })}</h1>
        <nav className="supervisor-tabs" role="tablist">
          {(['roster', 'workers', 'exports'] as const).map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={`supervisor-tab${tab === id ? ' active' : ''}`} data-testid={`supervisor-tab-${id}`} onClick={() => setTab(id)}>
              {t(`tab.${id}`)}
            </button>
          ))}
        </nav>
        <button type="button" className="secondary-button supervisor-lock" data-testid="supervisor-lock" onClick={lock}>
          {t('lock')}
        </button>
      </header>
      <div className="supervisor-body">
        {tab === 'roster' && <RosterTab ctx={ctx} />}
        {tab === 'workers' && <WorkersTab ctx={ctx} onEnrolling={onEnrolling} />}
        {tab === 'exports' && <ExportsTab ctx={ctx} />}
      </div>
    </main>
  );
}
