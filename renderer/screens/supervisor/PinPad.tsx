/**
 * Supervisor PIN entry on the touch screen (no keyboard): unlock, or choose and confirm a first PIN
 * when the core answers `pin-not-set`. The session token goes up to the caller, never into storage.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, SupervisorSession } from '../../../preload/api.ts';
import { KioskApiError } from '../../transport/http-bridge.ts';
import { hhmm } from '../../time/format.ts';

type Stage = 'unlock' | 'choose' | 'confirm';

interface Props {
  api: KioskApi;
  tapId: string;
  supervisorName: string;
  onUnlocked: (session: SupervisorSession) => void;
  onCancel: () => void;
}

export function PinPad({ api, tapId, supervisorName, onUnlocked, onCancel }: Props) {
  const { t } = useTranslation('supervisor');
  const [stage, setStage] = useState<Stage>('unlock');
  const [pin, setPin] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    setBusy(false);
    setPin('');
    if (!(error instanceof KioskApiError)) {
      setMessage(t('pin.error.generic'));
      return;
    }
    const { code, message: ref } = error.body;
    if (code === 'pin-not-set') {
      setStage('choose');
      setMessage(null);
    } else if (code === 'wrong-pin') {
      setMessage(t('pin.wrongPin', { attemptsLeft: ref.params?.attemptsLeft ?? 0 }));
    } else if (code === 'locked-out') {
      const until = ref.params?.until;
      setMessage(t('pin.lockedOut', { until: typeof until === 'string' ? hhmm(until) : '—' }));
    } else {
      setMessage(t(ref.key, { ...ref.params, defaultValue: t('pin.error.generic') }));
    }
  };

  const submit = () => {
    if (busy) return;
    if (stage === 'unlock') {
      if (pin.length === 0) return;
      setBusy(true);
      api.supervisorUnlock({ tapId, pin }).then(onUnlocked, fail);
    } else if (stage === 'choose') {
      if (pin.length < 4 || pin.length > 8) {
        setMessage(t('pin.format'));
        return;
      }
      setChosen(pin);
      setPin('');
      setMessage(null);
      setStage('confirm');
    } else {
      if (pin !== chosen) {
        setPin('');
        setChosen('');
        setStage('choose');
        setMessage(t('pin.mismatch'));
        return;
      }
      setBusy(true);
      api.supervisorSetPin({ tapId, pin }).then(onUnlocked, fail);
    }
  };

  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <main className="screen pin-screen" data-testid="pin-pad" data-stage={stage}>
      <h1 className="pin-title">{t(`pin.title.${stage}`)}</h1>
      <div className="pin-who">{supervisorName}</div>
      <div className="pin-dots" data-testid="pin-dots" aria-label={t('pin.entered', { count: pin.length })}>
        {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
          <span key={i} className={`pin-dot${i < pin.length ? ' pin-dot-on' : ''}`} />
        ))}
      </div>
      {message && (
        <p className="pin-message" role="alert" data-testid="pin-message">
          {message}
        </p>
      )}
      <div className="pin-grid">
        {digits.map((d) => (
          <button key={d} type="button" className="pin-key" data-testid={`pin-digit-${d}`} disabled={busy} onClick={() => setPin((p) => (p.length < 8 ? p + d : p))}>
            {d}
          </button>
        ))}
        <button type="button" className="pin-key pin-key-clear" data-testid="pin-clear" disabled={busy} onClick={() => setPin('')}>
          {t('pin.clear')}
        </button>
        <button type="button" className="pin-key" data-testid="pin-digit-0" disabled={busy} onClick={() => setPin((p) => (p.length < 8 ? `${p}0` : p))}>
          0
        </button>
        <button type="button" className="pin-key pin-key-ok" data-testid="pin-ok" disabled={busy || pin.length === 0} onClick={submit}>
          {t('pin.ok')}
        </button>
      </div>
      <button type="button" className="secondary-button" data-testid="pin-cancel" onClick={onCancel}>
        {t('pin.cancel')}
      </button>
    </main>
  );
}
