/** A refusal or failure from the core on a supervisor screen, in the supervisor's language; `data-key` names it for tests. */
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../preload/api.ts';
import { messageText } from './session.ts';

export function ErrorLine({ message, testId, className }: { message: MessageRef; testId?: string; className?: string }) {
  const { t } = useTranslation('supervisor');
  return (
    <p className={className ? `supervisor-error ${className}` : 'supervisor-error'} role="alert" data-testid={testId} data-key={message.key}>
      {messageText(t, message)}
    </p>
  );
}
