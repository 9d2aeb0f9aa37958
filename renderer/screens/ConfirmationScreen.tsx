/** Unmistakable success: full-screen colour by direction, a check, the time and what was recorded. */
import { useTranslation } from 'react-i18next';
import type { RegistrationReceipt } from '../../preload/api.ts';
import { IconCheck, IntentIcon } from '../components/Icons.tsx';

interface Props {
  receipt: RegistrationReceipt;
  savedOffline: boolean;
  returnAfterMs: number;
  onDone: () => void;
}

export function ConfirmationScreen({ receipt, savedOffline, returnAfterMs, onDone }: Props) {
  const { t } = useTranslation();
  const direction = receipt.direction;
  return (
    <main
      className={`screen confirmation-screen confirmation-${direction.toLowerCase()}`}
      data-testid="confirmation-screen"
      data-direction={direction}
      data-intent={receipt.intent}
      onClick={onDone}
    >
      <div className="confirmation-body" role="status" aria-live="assertive">
        <IconCheck className="confirmation-check" />
        <div className="confirmation-time" data-testid="confirmation-time">
          {receipt.localTime}
        </div>
        <div className="confirmation-intent">
          <IntentIcon intent={receipt.intent} className="confirmation-intent-icon" />
          <span>{t(`intent.${receipt.intent}`)}</span>
          <span className="direction-pill">{t(`direction.${direction}`)}</span>
        </div>
        <div className="confirmation-name">{receipt.workerName}</div>
        <div className={savedOffline ? 'confirmation-saved offline' : 'confirmation-saved'} data-testid="confirmation-saved" data-offline={String(savedOffline)}>
          {savedOffline ? t('confirmation.savedOffline') : t('confirmation.saved')}
        </div>
      </div>
      <div className="return-bar" aria-hidden="true">
        <div className="return-bar-fill" style={{ animationDuration: `${returnAfterMs}ms` }} />
      </div>
    </main>
  );
}
