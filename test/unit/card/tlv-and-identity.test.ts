import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../main/core/card/beid/birth-date.ts';
import { parseIdentityFile } from '../../../main/core/card/beid/identity-file.ts';
import { parseTlv, tlvEndsInPadding } from '../../../main/core/card/beid/tlv.ts';
import { encodeIdentityFile } from '../../support/pcsc/card-profiles.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('eID TLV', () => {
  it('reads one-byte lengths and stops at zero padding', () => {
    expect(parseTlv(bytes(0x01, 0x02, 0x41, 0x42, 0x06, 0x01, 0x39, 0x00, 0x00, 0x00))).toEqual([
      { tag: 0x01, value: bytes(0x41, 0x42) },
      { tag: 0x06, value: bytes(0x39) },
    ]);
  });

  it('reads 0xFF length continuations (255 + remainder)', () => {
    const value = new Uint8Array(260).fill(0x61);
    const fields = parseTlv(Uint8Array.from([0x07, 0xff, 0x05, ...value]));
    expect(fields[0]?.value.length).toBe(260);
    const exactly255 = parseTlv(Uint8Array.from([0x07, 0xff, 0x00, ...new Uint8Array(255).fill(0x62)]));
    expect(exactly255[0]?.value.length).toBe(255);
  });

  it('accepts tag 0x00 as the first field (file structure version) and empty fields', () => {
    expect(parseTlv(bytes(0x00, 0x02, 0x01, 0x01, 0x14, 0x00))).toEqual([
      { tag: 0x00, value: bytes(0x01, 0x01) },
      { tag: 0x14, value: bytes() },
    ]);
  });

  it.each([
    ['a truncated length', bytes(0x01, 0xff)],
    ['a value longer than the file', bytes(0x01, 0x05, 0x41)],
    ['tags out of order', bytes(0x06, 0x01, 0x39, 0x01, 0x01, 0x41)],
    ['data after the padding', bytes(0x01, 0x01, 0x41, 0x00, 0x00, 0x07)],
  ])('rejects %s with a TlvError', (_name, input) => {
    expect(() => parseTlv(input)).toThrow(/at byte/);
  });

  it('knows when a partial read already reached the padding', () => {
    expect(tlvEndsInPadding(bytes(0x01, 0x01, 0x41, 0x00))).toBe(true);
    expect(tlvEndsInPadding(bytes(0x01, 0x05, 0x41))).toBe(false);
    expect(tlvEndsInPadding(bytes(0x01, 0x01, 0x41))).toBe(false);
  });
});

describe('birth date (tag 0x0C) in the card languages', () => {
  it.each([
    ['30 JUIL 1985', { year: 1985, month: 7, day: 30 }],
    ['01 MAAR 1990', { year: 1990, month: 3, day: 1 }],
    ['01 MARS 1990', { year: 1990, month: 3, day: 1 }],
    ['15.MÄR.2001', { year: 2001, month: 3, day: 15 }],
    ['15.MAI.2001', { year: 2001, month: 5, day: 15 }],
    ['03 MEI 1977', { year: 1977, month: 5, day: 3 }],
    ['09 AOUT 1969', { year: 1969, month: 8, day: 9 }],
    ['24.DEZ.1999', { year: 1999, month: 12, day: 24 }],
    ['02 OKT 1960', { year: 1960, month: 10, day: 2 }],
    ['17 SEPT 1948', { year: 1948, month: 9, day: 17 }],
    ['     1950', { year: 1950, month: null, day: null }],
  ])('%s', (text, expected) => {
    expect(parseBirthDate(text)).toEqual(expected);
  });

  it('keeps unknown day and month as null', () => {
    expect(parseBirthDate('   JAN 1950')).toEqual({ year: 1950, month: 1, day: null });
    expect(parseBirthDate('12     1950')).toEqual({ year: 1950, month: null, day: 12 });
  });

  it('rejects nonsense', () => {
    expect(parseBirthDate('yesterday')).toBeNull();
    expect(parseBirthDate('32 JAN 1950')).toBeNull();
    expect(parseBirthDate('12 XYZ 1950')).toBeNull();
  });
});

const ALL_TAGS: Array<[number, string | Uint8Array]> = [
  [0x00, bytes(0x01, 0x02)],
  [0x01, '592000155079'],
  [0x02, Uint8Array.from({ length: 16 }, (_, i) => i)],
  [0x03, '01.02.2022'],
  [0x04, '01.02.2032'],
  [0x05, 'Sint-Pieters-Woluwe'],
  [0x06, '79080816153'],
  [0x07, 'Wiśniewska'],
  [0x08, 'Małgorzata Zoë'],
  [0x09, 'É'],
  [0x0a, 'Polen'],
  [0x0b, 'Kraków'],
  [0x0c, '08 AUG 1979'],
  [0x0d, 'V'],
  [0x0e, 'Baronne'],
  [0x0f, '31'],
  [0x10, '0'],
  [0x11, new Uint8Array(48).fill(0xab)],
  [0x12, '0'],
  [0x13, '5'],
  [0x14, bytes()],
  [0x15, '01.01.2020-UA'],
  [0x16, '7'],
  [0x17, '0403.019.261'],
  [0x18, '0428.759.497'],
  [0x19, 'BXL-123456'],
  [0x1a, new Uint8Array(48).fill(0xcd)],
  [0x1b, 'B'],
  [0x1c, 'C'],
  [0x1d, 'D'],
  [0x1e, 'K'],
  [0x1f, '15.06.2019'],
];

describe('identity file (EF 4031)', () => {
  it('parses every tag into the typed record', () => {
    const result = parseIdentityFile(encodeIdentityFile(ALL_TAGS, 600));
    expect(result).toEqual({
      ok: true,
      identity: {
        fileStructureVersion: '0102',
        cardNumber: '592000155079',
        chipNumber: '000102030405060708090a0b0c0d0e0f',
        validityBegin: '2022-02-01',
        validityEnd: '2032-02-01',
        issuingMunicipality: 'Sint-Pieters-Woluwe',
        nationalNumber: '79080816153',
        surname: 'Wiśniewska',
        firstNames: 'Małgorzata Zoë',
        thirdNameInitial: 'É',
        nationality: 'Polen',
        birthPlace: 'Kraków',
        birthDate: { year: 1979, month: 8, day: 8 },
        sex: 'F',
        nobility: 'Baronne',
        documentType: 31,
        specialStatus: 0,
        photoHash: 'ab'.repeat(48),
        duplicate: '0',
        specialOrganisation: '5',
        memberOfFamily: true,
        dateAndCountryOfProtection: '01.01.2020-UA',
        workPermit: '7',
        employerVat1: '0403.019.261',
        employerVat2: '0428.759.497',
        regionalFileNumber: 'BXL-123456',
        basicKeyHash: 'cd'.repeat(48),
        brexitMention1: 'B',
        brexitMention2: 'C',
        cardAMention1: 'D',
        cardAMention2: 'K',
        euRegistrationDate: '2019-06-15',
      },
    });
  });

  it('reads a minimal Belgian card with empty first names', () => {
    const result = parseIdentityFile(encodeIdentityFile([[0x01, '1'], [0x06, '85073003328'], [0x07, 'Peeters'], [0x08, '']]));
    expect(result).toMatchObject({ ok: true, identity: { firstNames: '', memberOfFamily: false, documentType: null } });
  });

  it.each([
    ['no national number', encodeIdentityFile([[0x01, '1'], [0x07, 'X']]), 'missing-field'],
    ['no surname', encodeIdentityFile([[0x01, '1'], [0x06, '85073003328']]), 'missing-field'],
    ['a bad checksum', encodeIdentityFile([[0x01, '1'], [0x06, '85073003329'], [0x07, 'X']]), 'invalid-number'],
    ['separators in the number', encodeIdentityFile([[0x01, '1'], [0x06, '85.07.30-033.28'], [0x07, 'X']]), 'invalid-number'],
    ['invalid UTF-8', encodeIdentityFile([[0x01, '1'], [0x06, '85073003328'], [0x07, bytes(0xc3, 0x28)]]), 'malformed'],
    ['a truncated file', encodeIdentityFile([[0x01, '592000155079'], [0x06, '85073003328']]).subarray(0, 20), 'malformed'],
  ])('gives a typed error for %s', (_name, file, code) => {
    expect(parseIdentityFile(file)).toMatchObject({ ok: false, error: { code } });
  });

  it('never throws on 10,000 mutated identity files (seeded fuzz)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const base = encodeIdentityFile(ALL_TAGS, 600);
    const outcomes = { ok: 0, malformed: 0, 'missing-field': 0, 'invalid-number': 0 };
    for (let i = 0; i < 10_000; i += 1) {
      const file = Uint8Array.from(base);
      const mutations = 1 + Math.floor(random() * 8);
      for (let m = 0; m < mutations; m += 1) file[Math.floor(random() * file.length)] = Math.floor(random() * 256);
      const cut = random() < 0.2 ? Math.floor(random() * file.length) : file.length;
      const result = parseIdentityFile(file.subarray(0, cut));
      if (result.ok) outcomes.ok += 1;
      else outcomes[result.error.code] += 1;
    }
    expect(outcomes.ok + outcomes.malformed + outcomes['missing-field'] + outcomes['invalid-number']).toBe(10_000);
    expect(outcomes.malformed).toBeGreaterThan(0);
  });
});
