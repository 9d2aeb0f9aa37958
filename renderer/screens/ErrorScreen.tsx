/** A failed tap: pictogram, one short sentence, the badge number if relevant, and a way back. */
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../preload/api.ts';
import { IconError } from '../components/Icons.tsx';
import { translateMessage } from '../i18n/i18n.ts';

interface Props {
  message: MessageRef;
  badgeUid: string | null;
  returnAfterMs: number;
  onDone: () => void;
}

export function ErrorScreen({ message, badgeUid, returnAfterMs, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <main className="screen error-screen" data-testid="error-screen" data-error-key={message.key}>
      <div className="error-body" role="alert">
        <IconError className="error-icon" />
        <p className="error-text">{translateMessage(t, message)}</p>
        {badgeUid && (
          <div className="badge-number" data-testid="badge-number">
            <div className="badge-number-label">{t('error.showSupervisor')}</div>
            <div className="badge-number-value" dir="ltr">
              {badgeUid}
            </div>
          </div>
        )}
      </div>
      <button type="button" className="ok-button" data-testid="error-ok" onClick={onDone}>
        {t('error.ok')}
      </button>
      <div className="return-bar" aria-hidden="true">
        <div className="return-bar-fill" style={{ animationDuration: `${returnAfterMs}ms` }} />
      </div>
    </main>
  );
}
