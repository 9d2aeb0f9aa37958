/**
 * The cards the emulator can play: Belgian eIDs of several kinds, a contactless badge, cards that
 * misbehave. Identity files are built in the real TLV layout, zero padded like a real card's.
 */
export interface Identity {
  nationalNumber: string;
  surname: string;
  firstNames: string;
}

export type Behaviour = 'normal' | 'removed-mid-read' | 'refuse-path-select';

export interface CardProfile {
  atr: number[];
  kind: 'beid' | 'badge' | 'other';
  identity: Identity | null;
  /** EF 4031 contents (beid only). */
  identityFile: Uint8Array | null;
  uid: string | null;
  behaviour: Behaviour;
}

const ATR_17 = [0x3b, 0x98, 0x13, 0x40, 0x0a, 0xa5, 0x03, 0x01, 0x01, 0x01, 0xad, 0x13, 0x11];
const ATR_18 = [0x3b, 0x7f, 0x96, 0x00, 0x00, 0x80, 0x31, 0x80, 0x65, 0xb0, 0x85, 0x04, 0x01, 0x20, 0x12, 0x0f, 0xff, 0x82, 0x90, 0x00];
const ATR_BADGE = [0x3b, 0x8f, 0x80, 0x01, 0x80, 0x4f, 0x0c, 0xa0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6a];
const ATR_OTHER = [0x3b, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xff, 0x01, 0x00, 0x0b];

/** TLV with the eID length encoding (0xFF runs for lengths ≥ 255), padded with zeros to `size`. */
export function encodeIdentityFile(fields: ReadonlyArray<[number, string | Uint8Array]>, size = 0): Uint8Array {
  const out: number[] = [];
  for (const [tag, value] of fields) {
    const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    out.push(tag);
    let n = bytes.length;
    while (n >= 255) {
      out.push(0xff);
      n -= 255;
    }
    out.push(n, ...bytes);
  }
  while (out.length < size) out.push(0);
  return Uint8Array.from(out);
}

function citizenFile(identity: Identity, extra: ReadonlyArray<[number, string | Uint8Array]> = [], padTo = 280): Uint8Array {
  return encodeIdentityFile(
    [
      [0x00, Uint8Array.of(0x01, 0x01)],
      [0x01, '592000155079'],
      [0x02, Uint8Array.from({ length: 16 }, (_, i) => i * 17)],
      [0x03, '01.02.2022'],
      [0x04, '01.02.2032'],
      [0x05, 'Bruxelles'],
      [0x06, identity.nationalNumber],
      [0x07, identity.surname],
      [0x08, identity.firstNames],
      [0x09, 'J'],
      [0x0a, 'Belge'],
      [0x0b, 'Liège'],
      [0x0c, '30 JUIL 1985'],
      [0x0d, 'M'],
      [0x0f, '1'],
      [0x10, '0'],
      [0x11, Uint8Array.from({ length: 20 }, (_, i) => i)],
      ...extra,
    ],
    padTo,
  );
}

export const CITIZEN: Identity = { nationalNumber: '85073003328', surname: 'Dupré-Ørsted', firstNames: 'Zoë Élodie' };
const CITIZEN_18: Identity = { nationalNumber: '92031724633', surname: 'Van den Broeck', firstNames: 'Pieter-Jan' };
const RESIDENT: Identity = { nationalNumber: '79080816153', surname: 'Wiśniewska', firstNames: 'Małgorzata' };

function beid(identity: Identity, atr: number[], file: Uint8Array, behaviour: Behaviour = 'normal'): CardProfile {
  return { atr, kind: 'beid', identity, identityFile: file, uid: null, behaviour };
}

export const CARD_PROFILES = {
  'beid-17': beid(CITIZEN, ATR_17, citizenFile(CITIZEN)),
  'beid-18': beid(CITIZEN_18, ATR_18, citizenFile(CITIZEN_18)),
  'beid-foreigner': beid(
    RESIDENT,
    ATR_18,
    citizenFile(RESIDENT, [
      [0x16, '7'],
      [0x17, '0403.019.261'],
    ]),
  ),
  /** No zero padding: Le=00 gets 6Cxx (the exact length) and the READ BINARY is re-issued. */
  'beid-6c': beid(CITIZEN, ATR_17, citizenFile(CITIZEN, [], 0)),
  'beid-path-refused': beid(CITIZEN, ATR_17, citizenFile(CITIZEN), 'refuse-path-select'),
  'beid-removed-mid-read': beid(CITIZEN, ATR_17, citizenFile(CITIZEN), 'removed-mid-read'),
  'beid-corrupt': beid(CITIZEN, ATR_17, Uint8Array.from([0x01, 0x0c, 0x35, 0x39, 0x06, 0xff, 0xff, 0x10, 0x00, 0x07])),
  'beid-bad-niss': beid(
    { ...CITIZEN, nationalNumber: '85073003329' },
    ATR_17,
    citizenFile({ ...CITIZEN, nationalNumber: '85073003329' }),
  ),
  badge: { atr: ATR_BADGE, kind: 'badge', identity: null, identityFile: null, uid: '04A2B3C4D5E680', behaviour: 'normal' },
  'unknown-contact-card': { atr: ATR_OTHER, kind: 'other', identity: null, identityFile: null, uid: null, behaviour: 'normal' },
} satisfies Record<string, CardProfile>;

export type CardProfileName = keyof typeof CARD_PROFILES;
