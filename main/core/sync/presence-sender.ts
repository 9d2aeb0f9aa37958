/** The port the outbox worker sends through; the ONSS client (or anything else) implements it. */
import type { RegistrationOutcome, RegistrationRow } from '../store/kiosk-store.node.ts';

export type SendFailureKind = 'network' | 'server' | 'rate-limited' | 'malformed' | 'unauthorized';

/** The batch's fate is unknown or refused as a whole: every record stays queued and is resent as is. */
export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export interface PresenceSender {
  /** One outcome per record that got an answer; records without one are retried later. */
  send(batch: readonly RegistrationRow[]): Promise<RegistrationOutcome[]>;
}
