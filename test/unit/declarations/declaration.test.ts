import { describe, expect, it } from 'vitest';
import { checkEnterpriseNumber, formatEnterpriseNumber } from '../../../main/core/identity/enterprise-number.ts';
import { DEFAULT_SMARTPHONE_URL_TEMPLATE, validateDeclaration } from '../../../main/core/declarations/declaration.ts';

const VALID = {
  dowNumber: 'ABC123',
  workplaceId: 'DEMO000000001',
  employerName: 'Demo Cleaning NV',
  enterpriseNumber: '0403.019.261',
  siteName: 'Tour & Taxis',
  siteAddress: { street: 'Havenlaan 86C', postalCode: '1000', municipality: 'Brussel' },
  region: 'brussels',
};

describe('enterprise number (KBO/BCE)', () => {
  it.each(['0403019261', '0428759497', '0566988259', 'BE 0403.019.261', 'be0428759497', '403019261'])('accepts %s', (input) => {
    expect(checkEnterpriseNumber(input).ok).toBe(true);
  });
  it('normalises and formats', () => {
    expect(checkEnterpriseNumber('BE 403.019.261')).toEqual({ ok: true, number: '0403019261' });
    expect(formatEnterpriseNumber('0403019261')).toBe('0403.019.261');
  });
  it.each([
    ['0403019262', 'checksum'],
    ['2147812701', 'establishment-unit'],
    ['04030192', 'format'],
    ['ABCDEFGHIJ', 'format'],
  ])('refuses %s (%s)', (input, reason) => {
    expect(checkEnterpriseNumber(input)).toEqual({ ok: false, reason });
  });
});

describe('declaration of works', () => {
  it('validates, normalises the KBO number and builds the smartphone URL from the template', () => {
    const result = validateDeclaration(VALID);
    expect(result).toMatchObject({ ok: true, declaration: { enterpriseNumber: '0403019261', languages: ['nl', 'fr'], gps: null } });
    if (result.ok) expect(result.declaration.smartphoneUrl).toBe(DEFAULT_SMARTPHONE_URL_TEMPLATE.replace('{dowNumber}', 'ABC123'));
  });

  it('prefers the exact URL printed on the employer\'s declaration', () => {
    const result = validateDeclaration({ ...VALID, smartphoneUrl: 'https://example.be/dow/ABC123' });
    expect(result.ok && result.declaration.smartphoneUrl).toBe('https://example.be/dow/ABC123');
  });

  it.each([
    [{ enterpriseNumber: '0403019262' }, 'enterpriseNumber', 'declaration.error.enterpriseNumber.checksum'],
    [{ dowNumber: 'ABC 123!' }, 'dowNumber', 'declaration.error.dowNumber'],
    [{ workplaceId: '12345678901234' }, 'workplaceId', 'declaration.error.workplaceId'],
    [{ siteAddress: { ...VALID.siteAddress, postalCode: '0999' } }, 'siteAddress.postalCode', 'declaration.error.postalCode'],
    [{ gps: { lat: 48.85, lon: 2.35 } }, 'gps', 'declaration.error.gps'],
    [{ smartphoneUrl: 'http://insecure.example' }, 'smartphoneUrl', 'declaration.error.smartphoneUrl'],
  ])('refuses %o with a message naming %s', (change, field, key) => {
    const result = validateDeclaration({ ...VALID, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ field, key });
  });
});
