/** A contactless badge's UID through the PC/SC GET DATA pseudo-APDU (FF CA 00 00 00), as uppercase hex. */
import type { Exchange } from '../apdu/exchange.ts';
import { ApduError, hex, SW_OK } from '../apdu/response.ts';

export const GET_UID = Uint8Array.of(0xff, 0xca, 0x00, 0x00, 0x00);

export async function readBadgeUid(exchange: Exchange): Promise<string> {
  const { data, sw } = await exchange(GET_UID);
  if (sw !== SW_OK || data.length < 4 || data.length > 10) throw new ApduError(sw, 'GET DATA (UID)');
  return hex(data);
}
