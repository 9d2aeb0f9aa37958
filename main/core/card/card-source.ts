/**
 * What any card source (PC/SC eID + NFC readers, keyboard-wedge badge readers, the demo source)
 * reports to the core. The kiosk service turns these into taps; sources never decide anything
 * about registrations.
 */

/** The identity-file fields the kiosk needs; parsed and validated by the source. */
export interface CardIdentity {
  /** NISS / national register number, 11 digits, checksum verified. */
  nationalNumber: string;
  surname: string;
  firstNames: string;
}

export type CardReading =
  | { kind: 'eid'; reader: string; identity: CardIdentity }
  | { kind: 'badge'; reader: string; uid: string }
  | { kind: 'demo'; reader: string; identity: CardIdentity };

export type CardFailureCode = 'unknown-card' | 'unreadable-card' | 'card-removed' | 'invalid-number' | 'reader-error';

export type CardSourceEvent =
  | { type: 'readers'; readers: string[] }
  | { type: 'reading'; reader: string }
  | { type: 'card-read'; reading: CardReading }
  | { type: 'card-failed'; reader: string; code: CardFailureCode; detail: string }
  | { type: 'card-removed'; reader: string }
  /** The PC/SC service itself is missing or failed (e.g. pcscd not running). */
  | { type: 'unavailable'; detail: string };

export interface CardSource {
  readonly name: string;
  start(listener: (event: CardSourceEvent) => void): void;
  stop(): Promise<void>;
}
