/** The active declaration's smartphone URL as a QR code (SVG), for the idle screen when no reader works. */
import QRCode from 'qrcode';
import type { FallbackQr } from '../../../preload/api.ts';
import type { Declaration } from '../declarations/declaration.ts';

export async function fallbackQr(declaration: Declaration): Promise<FallbackQr> {
  const svg = await QRCode.toString(declaration.smartphoneUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url: declaration.smartphoneUrl, svg };
}
