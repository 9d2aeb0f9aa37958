/**
 * A card for the vpcd virtual reader: a TCP client of vpcd's port that answers like the chosen
 * profile. Connected = inserted; closing the socket = removed. vpcd frames are a 2-byte big-endian
 * length plus payload; a 1-byte payload is a control code (0 power off, 1 on, 2 reset, 4 send ATR),
 * anything longer a command APDU answered with data + SW1 SW2.
 */
import { connect, type Socket } from 'node:net';
import { CARD_PROFILES, type CardProfile, type CardProfileName } from './card-profiles.ts';

export { CARD_PROFILES, CITIZEN, type CardProfileName } from './card-profiles.ts';

const sw = (value: number) => [value >> 8, value & 0xff];

/** The card's side of one APDU; returns null to drop the connection instead of answering. */
export function createCardLogic(profile: CardProfile): (apdu: Uint8Array) => number[] | null {
  let selected: 'mf' | 'df01' | 'id' | null = null;
  return (apdu) => {
    const [cla, ins, p1, p2] = [apdu[0], apdu[1], apdu[2], apdu[3]];
    if (profile.kind === 'badge') {
      if (cla === 0xff && ins === 0xca && profile.uid) {
        return [...Buffer.from(profile.uid, 'hex'), ...sw(0x9000)];
      }
      return sw(0x6d00);
    }
    if (profile.kind !== 'beid' || !profile.identityFile) return ins === 0xa4 ? sw(0x6a82) : sw(0x6d00);
    if (cla === 0x00 && ins === 0xa4) {
      const lc = apdu[4] ?? 0;
      const body = Buffer.from(apdu.subarray(5, 5 + lc)).toString('hex').toUpperCase();
      if (p1 === 0x08) {
        if (profile.behaviour === 'refuse-path-select') return sw(0x6a86);
        if (body === 'DF014031' || body === '3F00DF014031') {
          selected = 'id';
          return sw(0x9000);
        }
        return sw(0x6a82);
      }
      if (p1 === 0x02) {
        const next = body === '3F00' ? 'mf' : body === 'DF01' && selected === 'mf' ? 'df01' : body === '4031' && selected === 'df01' ? 'id' : null;
        if (!next) return sw(0x6a82);
        selected = next;
        return sw(0x9000);
      }
      if (p1 === 0x04) return sw(0x9000);
      return sw(0x6a86);
    }
    if (cla === 0x00 && ins === 0xb0) {
      if (selected !== 'id') return sw(0x6986);
      if (profile.behaviour === 'removed-mid-read') return null;
      const file = profile.identityFile;
      const offset = (((p1 ?? 0) & 0x7f) << 8) | (p2 ?? 0);
      if (offset >= file.length) return sw(0x6b00);
      const le = apdu.length > 4 ? (apdu[4] as number) : 0;
      const wanted = le === 0 ? 256 : le;
      const left = file.length - offset;
      if (wanted > left) return sw(0x6c00 | Math.min(left, 255));
      return [...file.subarray(offset, offset + wanted), ...sw(0x9000)];
    }
    return sw(0x6d00);
  };
}

export interface InsertedCard {
  /** Resolves once vpcd's connection is closed (the card is out). */
  remove(): Promise<void>;
  /** Resolves when the emulator dropped the connection by itself (a card pulled mid-read). */
  dropped: Promise<void>;
  apdus: string[];
}

/** Inserts a card into the vpcd slot listening on `port` (retrying for 10 s while it is not up). */
export async function insertCard(name: CardProfileName, port: number): Promise<InsertedCard> {
  const profile = CARD_PROFILES[name];
  const answer = createCardLogic(profile);
  const apdus: string[] = [];
  const deadline = Date.now() + 10_000;
  const socket: Socket = await new Promise((resolve, reject) => {
    const attempt = () => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => resolve(s));
      s.once('error', (error) => {
        s.destroy();
        if (Date.now() > deadline) reject(error);
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let droppedResolve: () => void = () => {};
  const dropped = new Promise<void>((resolve) => (droppedResolve = resolve));
  let buffer = Buffer.alloc(0);
  const send = (payload: number[]) => {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    Buffer.from(payload).copy(frame, 2);
    socket.write(frame);
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 2) {
      const length = buffer.readUInt16BE(0);
      if (buffer.length < 2 + length) break;
      const payload = new Uint8Array(buffer.subarray(2, 2 + length));
      buffer = buffer.subarray(2 + length);
      if (payload.length === 1) {
        if (payload[0] === 4) send(profile.atr);
        continue;
      }
      apdus.push(Buffer.from(payload).toString('hex').toUpperCase());
      const response = answer(payload);
      if (response === null) {
        socket.destroy();
        droppedResolve();
        return;
      }
      send(response);
    }
  });
  socket.on('error', () => {});
  return {
    apdus,
    dropped,
    async remove() {
      socket.destroy();
      await closed;
    },
  };
}
