/**
 * A button for an action that cannot be taken back (unlink a badge, delete a declaration, leave the
 * kiosk): the first tap asks, a second tap on "yes" does it. No modal: the question replaces the button.
 */
import { useState } from 'react';

interface Props {
  label: string;
  question: string;
  yes: string;
  no: string;
  /** `testId` on the button, `testId-confirm` and `testId-cancel` on the answers. */
  testId: string;
  onConfirm: () => void;
}

export function ConfirmButton({ label, question, yes, no, testId, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary-button" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-question" role="alertdialog" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="secondary-button danger"
        data-testid={`${testId}-confirm`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </button>
      <button type="button" className="secondary-button" data-testid={`${testId}-cancel`} onClick={() => setAsking(false)}>
        {no}
      </button>
    </span>
  );
}
