// nfc-pcsc 0.8.1 ships no types: the part of its API this project uses.
declare module 'nfc-pcsc' {
  import { EventEmitter } from 'node:events';

  export interface PcscCard {
    atr?: Buffer;
  }

  export class Reader extends EventEmitter {
    name: string;
    autoProcessing: boolean;
    card: PcscCard | null;
    transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>;
    close(): void;
  }

  export class NFC extends EventEmitter {
    constructor(logger?: unknown);
    readers: Record<string, Reader>;
    close(): void;
  }
}
