/**
 * The eID identity file (EF 3F00/DF01/4031) as a typed record. Every tag of the published layout is
 * read; the kiosk itself only needs the national number and names, the rest is kept typed so that
 * validation (document type, validity) has something to stand on. Never throws: bad input gives a
 * typed error.
 */
import { checkNationalNumber } from '../../identity/national-number.ts';
import { parseBirthDate, type BirthDate } from './birth-date.ts';
import { parseTlv, TlvError, type TlvField } from './tlv.ts';

export interface IdentityFile {
  fileStructureVersion: string | null;
  cardNumber: string;
  chipNumber: string | null;
  validityBegin: string | null;
  validityEnd: string | null;
  issuingMunicipality: string | null;
  nationalNumber: string;
  surname: string;
  firstNames: string;
  thirdNameInitial: string | null;
  nationality: string | null;
  birthPlace: string | null;
  birthDate: BirthDate | null;
  sex: 'M' | 'F' | null;
  nobility: string | null;
  documentType: number | null;
  specialStatus: number | null;
  photoHash: string | null;
  duplicate: string | null;
  specialOrganisation: string | null;
  memberOfFamily: boolean;
  dateAndCountryOfProtection: string | null;
  workPermit: string | null;
  employerVat1: string | null;
  employerVat2: string | null;
  regionalFileNumber: string | null;
  basicKeyHash: string | null;
  brexitMention1: string | null;
  brexitMention2: string | null;
  cardAMention1: string | null;
  cardAMention2: string | null;
  euRegistrationDate: string | null;
}

export type IdentityFileError =
  | { code: 'malformed'; detail: string }
  | { code: 'missing-field'; detail: string }
  | { code: 'invalid-number'; detail: string };

export type IdentityFileResult = { ok: true; identity: IdentityFile } | { ok: false; error: IdentityFileError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A DD.MM.YYYY date to ISO YYYY-MM-DD, or null if it is not one. */
function isoDate(text: string | null): string | null {
  const m = text ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

export function parseIdentityFile(bytes: Uint8Array): IdentityFileResult {
  let fields: TlvField[];
  try {
    fields = parseTlv(bytes);
  } catch (error) {
    return { ok: false, error: { code: 'malformed', detail: (error as TlvError).message } };
  }
  const byTag = new Map<number, Uint8Array>();
  for (const f of fields) byTag.set(f.tag, f.value);

  let text: (tag: number) => string | null;
  try {
    const decoded = new Map<number, string>();
    for (const [tag, value] of byTag) {
      if (![0x00, 0x02, 0x11, 0x1a].includes(tag)) decoded.set(tag, utf8.decode(value).trim());
    }
    text = (tag) => {
      const value = decoded.get(tag);
      return value === undefined || value === '' ? null : value;
    };
  } catch {
    return { ok: false, error: { code: 'malformed', detail: 'a text field is not valid UTF-8' } };
  }
  const binary = (tag: number) => {
    const value = byTag.get(tag);
    return value && value.length > 0 ? toHex(value) : null;
  };

  const cardNumber = text(0x01);
  const nationalNumber = text(0x06);
  const surname = text(0x07);
  if (!cardNumber) return { ok: false, error: { code: 'missing-field', detail: 'card number (tag 01)' } };
  if (!nationalNumber) return { ok: false, error: { code: 'missing-field', detail: 'national number (tag 06)' } };
  if (!surname) return { ok: false, error: { code: 'missing-field', detail: 'surname (tag 07)' } };
  const check = checkNationalNumber(nationalNumber);
  if (!check.ok || check.number !== nationalNumber) {
    return { ok: false, error: { code: 'invalid-number', detail: `national number fails its ${check.ok ? 'format' : check.reason} check` } };
  }
  const sexText = text(0x0d);
  const documentTypeText = text(0x0f);
  const specialStatusText = text(0x10);
  return {
    ok: true,
    identity: {
      fileStructureVersion: binary(0x00),
      cardNumber,
      chipNumber: binary(0x02),
      validityBegin: isoDate(text(0x03)),
      validityEnd: isoDate(text(0x04)),
      issuingMunicipality: text(0x05),
      nationalNumber,
      surname,
      firstNames: text(0x08) ?? '',
      thirdNameInitial: text(0x09),
      nationality: text(0x0a),
      birthPlace: text(0x0b),
      birthDate: text(0x0c) ? parseBirthDate(text(0x0c) as string) : null,
      sex: sexText === 'M' ? 'M' : sexText && ['F', 'V', 'W'].includes(sexText) ? 'F' : null,
      nobility: text(0x0e),
      documentType: documentTypeText && /^\d{1,2}$/.test(documentTypeText) ? Number(documentTypeText) : null,
      specialStatus: specialStatusText && /^\d{1,2}$/.test(specialStatusText) ? Number(specialStatusText) : null,
      photoHash: binary(0x11),
      duplicate: text(0x12),
      specialOrganisation: text(0x13),
      memberOfFamily: byTag.has(0x14),
      dateAndCountryOfProtection: text(0x15),
      workPermit: text(0x16),
      employerVat1: text(0x17),
      employerVat2: text(0x18),
      regionalFileNumber: text(0x19),
      basicKeyHash: binary(0x1a),
      brexitMention1: text(0x1b),
      brexitMention2: text(0x1c),
      cardAMention1: text(0x1d),
      cardAMention2: text(0x1e),
      euRegistrationDate: isoDate(text(0x1f)),
    },
  };
}
