/**
 * Status-word handling replayed from APDU transcripts: each test lists exactly what the card answers
 * to which command, so the reader's protocol is checked without hardware.
 */
import { describe, expect, it } from 'vitest';
import { createExchange } from '../../../main/core/card/apdu/exchange.ts';
import { hex } from '../../../main/core/card/apdu/response.ts';
import { NotAnEidError, readIdentity, readTransparentFile } from '../../../main/core/card/beid/read-identity.ts';
import { readBadgeUid } from '../../../main/core/card/nfc/badge-uid.ts';
import { encodeIdentityFile } from '../../support/pcsc/card-profiles.ts';

/** A card that answers from a transcript of [command hex, response hex] pairs, in order. */
function transcript(pairs: Array<[string, string]>) {
  let i = 0;
  const exchange = createExchange(async (command) => {
    const step = pairs[i];
    i += 1;
    if (!step) throw new Error(`unexpected APDU ${hex(command)}`);
    expect(hex(command)).toBe(step[0]);
    return Uint8Array.from(Buffer.from(step[1], 'hex'));
  });
  return { exchange, done: () => expect(i).toBe(pairs.length) };
}

const file = encodeIdentityFile([[0x01, '592000155079'], [0x06, '85073003328'], [0x07, 'Peeters'], [0x08, 'Jan']]);
const fileHex = Buffer.from(file).toString('hex').toUpperCase();
const len = file.length.toString(16).toUpperCase().padStart(2, '0');

describe('APDU exchange and the identity read', () => {
  it('6Cxx: re-sends the READ BINARY with the length the card gave', async () => {
    const card = transcript([
      ['00A4080C04DF014031', '9000'],
      ['00B0000000', `6C${len}`],
      [`00B00000${len}`, `${fileHex}9000`],
    ]);
    expect(await readIdentity(card.exchange)).toMatchObject({ ok: true, identity: { surname: 'Peeters', firstNames: 'Jan' } });
    expect(card.exchange.count).toBe(3);
    card.done();
  });

  it('61xx: fetches the rest with GET RESPONSE', async () => {
    const first = fileHex.slice(0, 20);
    const rest = fileHex.slice(20);
    const card = transcript([
      ['00B0000000', `${first}61${(rest.length / 2).toString(16).toUpperCase().padStart(2, '0')}`],
      [`00C00000${(rest.length / 2).toString(16).toUpperCase().padStart(2, '0')}`, `${rest}9000`],
    ]);
    expect(hex(await readTransparentFile(card.exchange))).toBe(fileHex);
    card.done();
  });

  it('6B00 after a full chunk: the file ended exactly on the boundary', async () => {
    const chunk = 'AB'.repeat(256);
    const card = transcript([
      ['00B0000000', `${chunk}9000`],
      ['00B0010000', '6B00'],
    ]);
    expect((await readTransparentFile(card.exchange)).length).toBe(256);
    card.done();
  });

  it('6B00 on the first chunk is an error', async () => {
    const card = transcript([['00B0000000', '6B00']]);
    await expect(readTransparentFile(card.exchange)).rejects.toThrow(/6B00/);
  });

  it('a card refusing the path select gets FID by FID', async () => {
    const card = transcript([
      ['00A4080C04DF014031', '6A86'],
      ['00A4020C023F00', '9000'],
      ['00A4020C02DF01', '9000'],
      ['00A4020C024031', '9000'],
      ['00B0000000', `6C${len}`],
      [`00B00000${len}`, `${fileHex}9000`],
    ]);
    expect(await readIdentity(card.exchange)).toMatchObject({ ok: true });
    card.done();
  });

  it('a card without the identity file is not an eID', async () => {
    const card = transcript([
      ['00A4080C04DF014031', '6A82'],
      ['00A4020C023F00', '6A82'],
    ]);
    await expect(readIdentity(card.exchange)).rejects.toBeInstanceOf(NotAnEidError);
  });

  it('a card answering 6D00 (command unknown in this life cycle) is not an eID', async () => {
    const card = transcript([['00A4080C04DF014031', '6D00']]);
    await expect(readIdentity(card.exchange)).rejects.toBeInstanceOf(NotAnEidError);
  });

  it('reads a badge UID with GET DATA and refuses a bad answer', async () => {
    expect(await readBadgeUid(transcript([['FFCA000000', '04A2B3C4D5E6809000']]).exchange)).toBe('04A2B3C4D5E680');
    await expect(readBadgeUid(transcript([['FFCA000000', '6A81']]).exchange)).rejects.toThrow(/GET DATA/);
  });

  it('a response without a status word means the card is gone', async () => {
    await expect(readBadgeUid(transcript([['FFCA000000', '']]).exchange)).rejects.toThrow(/no status word/);
  });
});
