import { describe, expect, it } from 'vitest';
import { checkNationalNumber, maskNationalNumber } from '../../../main/core/identity/national-number.ts';
import { hashPin, verifyPin } from '../../../main/core/supervisor/pin-hash.node.ts';

describe('NISS and BIS numbers', () => {
  it('accepts NISS (both centuries) and BIS numbers, with separators', () => {
    expect(checkNationalNumber('88.04.12-123.35')).toEqual({ ok: true, number: '88041212335', kind: 'niss' });
    expect(checkNationalNumber('02061523807')).toMatchObject({ ok: true, kind: 'niss' });
    expect(checkNationalNumber('98472899765')).toMatchObject({ ok: true, kind: 'bis' });
    expect(checkNationalNumber('01490700185')).toMatchObject({ ok: true, kind: 'bis' });
  });

  it('refuses bad checksums, formats and dates, saying which', () => {
    expect(checkNationalNumber('88041212336')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkNationalNumber('8507300336')).toEqual({ ok: false, reason: 'format' });
    // 85-02-30 with a valid checksum: 97 - (850230033 mod 97)
    const first9 = 850230033;
    expect(checkNationalNumber(`${first9}${String(97 - (first9 % 97)).padStart(2, '0')}`)).toEqual({ ok: false, reason: 'date' });
  });

  it('masks all but the birth date', () => {
    expect(maskNationalNumber('85073003361')).toBe('85.07.30-***.**');
  });
});

describe('PIN hashes', () => {
  it('verifies the right PIN only, with a salt per hash', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(await verifyPin('4821', 'garbage')).toBe(false);
  });
});
