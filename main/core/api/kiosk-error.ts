import type { KioskApiErrorBody, MessageRef } from '../../../preload/api.ts';

/** An expected failure the UI can explain; anything else is reported as `internal`. */
export class KioskError extends Error {
  constructor(
    readonly code: KioskApiErrorBody['code'],
    readonly messageRef: MessageRef,
    detail?: string,
  ) {
    super(detail ?? messageRef.key);
    this.name = 'KioskError';
  }

  toBody(): KioskApiErrorBody {
    return { code: this.code, message: this.messageRef };
  }
}
