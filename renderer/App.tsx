/**
 * Connects to the core, keeps the live kiosk state (snapshot + events) and shows the screen the
 * flow is on. Signals `body[data-app-ready]` once connected and the first snapshot is on screen.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { FallbackQr, Intent, KioskSnapshot, LanguageCode, ReaderStatus, SupervisorSession, SyncStatus } from '../preload/api.ts';
import { useHashRoute } from './components/hooks.ts';
import { flowReducer, INITIAL_FLOW, warningsFor } from './flow/flow.ts';
import { setUiLanguage } from './i18n/i18n.ts';
import { ConfirmationScreen } from './screens/ConfirmationScreen.tsx';
import { ErrorScreen } from './screens/ErrorScreen.tsx';
import { IdentifiedScreen } from './screens/IdentifiedScreen.tsx';
import { IdleScreen } from './screens/IdleScreen.tsx';
import { RosterPage } from './screens/RosterPage.tsx';
import { PinPad } from './screens/supervisor/PinPad.tsx';
import { SupervisorScreen } from './screens/supervisor/SupervisorScreen.tsx';
import type { SoundPlayer } from './sound/sounds.ts';
import { KioskApiError, type ConnectedBridge, type ConnectionState } from './transport/http-bridge.ts';
import { createWedgeDecoder } from './input/keyboard-wedge.ts';
import { useTranslation } from 'react-i18next';

export const CONFIRMATION_MS = 5000;
export const ERROR_MS = 6000;
/** Long enough for a supervisor to write down an unknown badge number. */
export const BADGE_ERROR_MS = 15000;

interface Props {
  bridge: ConnectedBridge;
  sound: SoundPlayer;
  defaultLanguage: LanguageCode;
}

function errorMessageOf(error: unknown) {
  return error instanceof KioskApiError ? error.body.message : { key: 'api.error.internal' };
}

export function App({ bridge, sound, defaultLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const route = useHashRoute();
  const [connection, setConnection] = useState<ConnectionState>(() => bridge.connection());
  const [snapshot, setSnapshot] = useState<KioskSnapshot | null>(null);
  const [reader, setReader] = useState<ReaderStatus | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [rosterLoaded, setRosterLoaded] = useState(false);
  const [soundOn, setSoundOn] = useState(() => sound.enabled());
  const [flow, dispatch] = useReducer(flowReducer, INITIAL_FLOW);
  const syncRef = useRef<SyncStatus | null>(null);
  syncRef.current = sync;
  /** Supervisor mode sits over the worker flow; the session token lives only here, in memory. */
  const [supervisor, setSupervisor] = useState<
    | { phase: 'pin'; tapId: string; name: string; language: LanguageCode }
    | { phase: 'open'; session: SupervisorSession; language: LanguageCode }
    | null
  >(null);
  const enrollingRef = useRef(false);
  const supervisorRef = useRef(supervisor);
  supervisorRef.current = supervisor;

  // Events first, so nothing emitted while the snapshot loads is lost.
  useEffect(
    () =>
      bridge.onEvent((event) => {
        if (event.type === 'reader') setReader(event.status);
        else if (event.type === 'sync') setSync(event.status);
        // A new tap leaves supervisor mode (locking it), except while a badge is being enrolled.
        else if (event.type === 'tap' && supervisorRef.current && !enrollingRef.current) {
          const current = supervisorRef.current;
          if (current.phase === 'open') void bridge.api.supervisorLock({ session: current.session.token }).catch(() => undefined);
          if (current.phase === 'open' || current.tapId !== event.prompt.tapId) setSupervisor(null);
        }
        dispatch({ type: 'event', event });
      }),
    [bridge],
  );

  const loadSnapshot = useCallback(() => {
    bridge.api.getSnapshot({}).then(
      (next) => {
        const received = Date.now();
        setClockOffsetMs(Date.parse(next.now) - received);
        setSnapshot(next);
        setReader(next.reader);
        setSync(next.sync);
        dispatch({ type: 'snapshot', pendingTap: next.pendingTap, nowMs: Date.parse(next.now) });
      },
      () => setConnection('lost'),
    );
  }, [bridge]);

  // Every (re)connection reloads the snapshot: events missed while disconnected are not replayed.
  useEffect(() => {
    if (bridge.connection() === 'open') loadSnapshot();
    return bridge.onConnection((state) => {
      setConnection(state);
      if (state === 'open') loadSnapshot();
    });
  }, [bridge, loadSnapshot]);

  const ready = snapshot !== null && connection === 'open' && (route !== 'roster' || rosterLoaded);
  useEffect(() => {
    if (ready) document.body.dataset.appReady = 'true';
  }, [ready]);
  useEffect(() => {
    if (route !== 'roster') setRosterLoaded(false);
  }, [route]);

  // The worker's language for their tap flow; the kiosk language otherwise.
  const promptTapId = flow.screen === 'identified' ? flow.prompt.tapId : null;
  const promptLanguage = flow.screen === 'identified' ? flow.prompt.worker.language : null;
  // Supervisor mode keeps the language the supervisor's tap was shown in, until it locks.
  const supervisorLanguage = supervisor?.language ?? null;
  useEffect(() => {
    if (supervisorLanguage !== null) setUiLanguage(supervisorLanguage);
    else if (flow.screen === 'idle') setUiLanguage(defaultLanguage);
    else if (promptTapId !== null) setUiLanguage(promptLanguage ?? defaultLanguage);
  }, [flow.screen === 'idle', promptTapId, promptLanguage, defaultLanguage, supervisorLanguage]); // eslint-disable-line react-hooks/exhaustive-deps

  // Sounds and the automatic return to idle, once per confirmation/error shown.
  useEffect(() => {
    if (flow.screen !== 'confirmation' && flow.screen !== 'error') return;
    sound.play(flow.screen === 'confirmation' ? 'success' : 'error');
    const ms = flow.screen === 'confirmation' ? CONFIRMATION_MS : flow.badgeUid ? BADGE_ERROR_MS : ERROR_MS;
    const timer = setTimeout(() => dispatch({ type: 'to-idle' }), ms);
    return () => clearTimeout(timer);
  }, [flow.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  // Safety net if the core's "expired" event is missed: leave a prompt shortly after it expires.
  const expiresAt = flow.screen === 'identified' ? flow.prompt.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(() => dispatch({ type: 'to-idle' }), Date.parse(expiresAt) - (Date.now() + clockOffsetMs) + 3000);
    return () => clearTimeout(timer);
  }, [expiresAt, clockOffsetMs]);

  // The first touch anywhere allows audio for the rest of the session.
  useEffect(() => {
    const unlock = () => sound.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    return () => window.removeEventListener('pointerdown', unlock);
  }, [sound]);

  const choose = useCallback(
    (intent: Intent) => {
      if (flow.screen !== 'identified' || flow.busy) return;
      const { prompt } = flow;
      if (flow.confirming !== intent && warningsFor(prompt, intent).length > 0) {
        dispatch({ type: 'ask', intent });
        return;
      }
      dispatch({ type: 'register-started' });
      bridge.api.register({ tapId: prompt.tapId, intent }).then(
        (receipt) => dispatch({ type: 'registered', tapId: prompt.tapId, receipt, online: syncRef.current?.online ?? false }),
        (error: unknown) => dispatch({ type: 'failed', tapId: prompt.tapId, message: errorMessageOf(error) }),
      );
    },
    [bridge, flow],
  );

  const cancel = useCallback(() => {
    if (flow.screen !== 'identified') return;
    void bridge.api.cancelTap({ tapId: flow.prompt.tapId }).catch(() => undefined);
    dispatch({ type: 'to-idle' });
  }, [bridge, flow]);

  /** Switches the UI for this tap and has the kiosk remember the worker's language for their next taps. */
  const onLanguageChosen = useCallback(
    (lang: LanguageCode) => {
      setUiLanguage(lang);
      if (flow.screen === 'identified') void bridge.api.setWorkerLanguage({ tapId: flow.prompt.tapId, language: lang }).catch(() => undefined);
    },
    [bridge, flow],
  );

  // Keyboard-wedge badge readers: decoded from physical key codes, never typed into the page.
  useEffect(() => {
    const decoder = createWedgeDecoder();
    const onKey = (event: KeyboardEvent) => {
      const uid = decoder.key(event.code, event.timeStamp);
      if (uid !== null || decoder.inBurst(event.timeStamp)) event.preventDefault();
      if (uid !== null) {
        bridge.api.presentKeyboardBadge({ uid }).catch((error: unknown) => dispatch({ type: 'failed', tapId: null, message: errorMessageOf(error) }));
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [bridge]);

  // No working reader: fetch the active declaration's QR code, so workers can use their smartphone;
  // again whenever a supervisor makes another declaration active.
  const readerDown = reader?.state === 'unavailable' || reader?.state === 'no-reader';
  const [fallbackQr, setFallbackQr] = useState<FallbackQr | null>(null);
  const [declarationVersion, setDeclarationVersion] = useState(0);
  useEffect(
    () =>
      bridge.onEvent((e) => {
        if (e.type === 'active-declaration-changed') setDeclarationVersion((v) => v + 1);
      }),
    [bridge],
  );
  useEffect(() => {
    if (!readerDown) return;
    bridge.api.getFallbackQr({}).then(setFallbackQr, () => undefined);
  }, [bridge, readerDown, declarationVersion]);

  const presentDemoCard = useCallback(
    (id: string) => {
      bridge.api.presentDemoCard({ demoCardId: id }).catch((error: unknown) => dispatch({ type: 'failed', tapId: null, message: errorMessageOf(error) }));
    },
    [bridge],
  );

  const onSound = useCallback(
    (on: boolean) => {
      sound.setEnabled(on);
      setSoundOn(on);
    },
    [sound],
  );
  const toIdle = useCallback(() => dispatch({ type: 'to-idle' }), []);
  const openPinPad = useCallback(() => {
    if (flow.screen === 'identified') {
      setSupervisor({ phase: 'pin', tapId: flow.prompt.tapId, name: flow.prompt.worker.displayName, language: i18n.language as LanguageCode });
    }
  }, [flow, i18n]);
  // The supervisor's tap is used up once the PIN pad ends, so a reload does not show it again.
  const onUnlocked = useCallback(
    (session: SupervisorSession) => {
      const current = supervisorRef.current;
      if (current?.phase === 'pin') void bridge.api.cancelTap({ tapId: current.tapId }).catch(() => undefined);
      setSupervisor({ phase: 'open', session, language: current?.language ?? defaultLanguage });
    },
    [bridge, defaultLanguage],
  );
  const closeSupervisor = useCallback(() => {
    enrollingRef.current = false;
    setSupervisor(null);
    dispatch({ type: 'to-idle' });
  }, []);
  const cancelPin = useCallback(() => {
    if (supervisorRef.current?.phase === 'pin') void bridge.api.cancelTap({ tapId: supervisorRef.current.tapId }).catch(() => undefined);
    closeSupervisor();
  }, [bridge, closeSupervisor]);
  const onEnrolling = useCallback((busy: boolean) => {
    enrollingRef.current = busy;
  }, []);
  const onRosterLoaded = useCallback(() => setRosterLoaded(true), []);
  const onEvent = useMemo(() => bridge.onEvent.bind(bridge), [bridge]);

  const banner =
    connection === 'lost' ? (
      <div className="connection-banner" role="alert" data-testid="connection-lost">
        {t('app.connectionLost')}
      </div>
    ) : null;

  if (route === 'roster') {
    return (
      <>
        {banner}
        <RosterPage api={bridge.api} onEvent={onEvent} onLoaded={onRosterLoaded} />
      </>
    );
  }
  if (!snapshot || !reader || !sync) {
    return (
      <>
        {banner}
        <main className="screen loading-screen" data-testid="loading-screen">
          <p>{t('app.connecting')}</p>
        </main>
      </>
    );
  }

  let screen;
  if (supervisor?.phase === 'pin') {
    return <PinPad api={bridge.api} tapId={supervisor.tapId} supervisorName={supervisor.name} onUnlocked={onUnlocked} onCancel={cancelPin} />;
  }
  if (supervisor?.phase === 'open') {
    return (
      <>
        {banner}
        <SupervisorScreen api={bridge.api} session={supervisor.session} clockOffsetMs={clockOffsetMs} onEvent={onEvent} onEnrolling={onEnrolling} onClosed={closeSupervisor} />
      </>
    );
  }
  switch (flow.screen) {
    case 'idle':
      screen = (
        <IdleScreen
          snapshot={snapshot}
          reader={reader}
          sync={sync}
          clockOffsetMs={clockOffsetMs}
          soundOn={soundOn}
          onSound={onSound}
          onDemoCard={presentDemoCard}
          fallbackQr={readerDown ? fallbackQr : null}
        />
      );
      break;
    case 'identified':
      screen = (
        <IdentifiedScreen
          prompt={flow.prompt}
          confirming={flow.confirming}
          busy={flow.busy}
          clockOffsetMs={clockOffsetMs}
          onChoose={choose}
          onBack={() => dispatch({ type: 'back' })}
          onCancel={cancel}
          onLanguageChosen={onLanguageChosen}
          onSupervisor={openPinPad}
        />
      );
      break;
    case 'confirmation':
      screen = <ConfirmationScreen key={flow.seq} receipt={flow.receipt} savedOffline={flow.savedOffline || (!sync.online && flow.receipt.state === 'queued')} returnAfterMs={CONFIRMATION_MS} onDone={toIdle} />;
      break;
    case 'error':
      screen = <ErrorScreen key={flow.seq} message={flow.message} badgeUid={flow.badgeUid} returnAfterMs={flow.badgeUid ? BADGE_ERROR_MS : ERROR_MS} onDone={toIdle} />;
      break;
  }
  return (
    <>
      {banner}
      {snapshot.site.demo && flow.screen !== 'idle' && <div className="demo-corner">DEMO</div>}
      {screen}
    </>
  );
}
