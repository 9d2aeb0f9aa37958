/**
 * The site poster: one A4 page per language of the site's region (Brussels: a Dutch and a French
 * page), with the obligation, the employer, the declaration, the site, how to use the kiosk, and the
 * QR code of the smartphone channel with its URL printed under it.
 *
 * Every text block is fitted by measurement: its font size shrinks until the text fits its box, and
 * the returned layout says, per block, whether it fitted — so tests check overflow instead of
 * assuming it. Noto Sans (full Latin, Cyrillic, Greek) is embedded from the notosans-fontface package.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Declaration, PosterLanguage } from '../declarations/declaration.ts';
import { formatEnterpriseNumber } from '../identity/enterprise-number.ts';
import de from './poster-texts/de.json' with { type: 'json' };
import en from './poster-texts/en.json' with { type: 'json' };
import fr from './poster-texts/fr.json' with { type: 'json' };
import nl from './poster-texts/nl.json' with { type: 'json' };

export interface BlockLayout {
  name: string;
  fontSize: number;
  fits: boolean;
}

export interface PosterLayout {
  pages: Array<{ language: PosterLanguage; blocks: BlockLayout[] }>;
}

export interface Poster {
  pdf: Buffer;
  layout: PosterLayout;
}

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('notosans-fontface/package.json')), 'fonts');
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const WIDTH = A4.width - 2 * MARGIN;

async function posterTexts(): Promise<(language: PosterLanguage) => TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { nl: { poster: nl }, fr: { poster: fr }, de: { poster: de }, en: { poster: en } },
    defaultNS: 'poster',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return (language) => instance.getFixedT(language);
}

export async function renderPoster(declaration: Declaration): Promise<Poster> {
  const textsFor = await posterTexts();
  const qrPng = await QRCode.toBuffer(declaration.smartphoneUrl, { type: 'png', width: 720, margin: 2, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: `Check In and Out at Work — ${declaration.siteName}` } });
  doc.registerFont('regular', join(FONT_DIR, 'NotoSans-Regular.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'NotoSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const layout: PosterLayout = { pages: [] };
  for (const language of declaration.languages) {
    const t = textsFor(language);
    const blocks: BlockLayout[] = [];
    doc.addPage({ size: 'A4', margin: MARGIN });

    /** Writes `text` in the box, shrinking from `size` to `minSize` until it fits; returns the height used. */
    function fitted(name: string, text: string, box: { x: number; y: number; width: number; maxHeight: number }, size: number, minSize: number, font: 'regular' | 'bold', align: 'left' | 'center' = 'left'): number {
      doc.font(font);
      let fontSize = size;
      const measure = () => doc.fontSize(fontSize).heightOfString(text, { width: box.width, align });
      while (measure() > box.maxHeight && fontSize > minSize) fontSize = Math.max(minSize, fontSize - 0.5);
      const height = measure();
      const fits = height <= box.maxHeight;
      blocks.push({ name, fontSize, fits });
      doc.fontSize(fontSize).text(text, box.x, box.y, { width: box.width, height: box.maxHeight, align, ellipsis: !fits });
      return Math.min(height, box.maxHeight);
    }

    let y = MARGIN;
    doc.rect(0, 0, A4.width, 8).fill('#0b5d2a');
    doc.fillColor('#111111');
    y += fitted('title', t('title'), { x: MARGIN, y, width: WIDTH, maxHeight: 40 }, 30, 20, 'bold', 'center') + 2;
    y += fitted('subtitle', t('subtitle'), { x: MARGIN, y, width: WIDTH, maxHeight: 26 }, 18, 12, 'regular', 'center') + 12;
    y += fitted('obligation', t('obligation'), { x: MARGIN, y, width: WIDTH, maxHeight: 96 }, 12.5, 8, 'regular') + 14;

    const labelWidth = 150;
    const address = `${declaration.siteName}\n${declaration.siteAddress.street}, ${declaration.siteAddress.postalCode} ${declaration.siteAddress.municipality}`;
    for (const [name, label, value, maxHeight] of [
      ['employer', t('employer'), declaration.employerName, 34],
      ['enterpriseNumber', t('enterpriseNumber'), formatEnterpriseNumber(declaration.enterpriseNumber), 18],
      ['declaration', t('declaration'), declaration.dowNumber, 18],
      ['site', t('site'), address, 48],
    ] as const) {
      fitted(`${name}.label`, label, { x: MARGIN, y: y + 1, width: labelWidth - 8, maxHeight: 28 }, 10, 7, 'bold');
      y += fitted(name, value, { x: MARGIN + labelWidth, y, width: WIDTH - labelWidth, maxHeight }, 12, 7, 'regular') + 8;
    }

    y += 6;
    y += fitted('qrTitle', t('qrTitle'), { x: MARGIN, y, width: WIDTH, maxHeight: 36 }, 13, 9, 'bold', 'center') + 6;
    const qrSize = 200;
    doc.image(qrPng, (A4.width - qrSize) / 2, y, { width: qrSize, height: qrSize });
    y += qrSize + 4;
    y += fitted('url', declaration.smartphoneUrl, { x: MARGIN, y, width: WIDTH, maxHeight: 26 }, 9, 6, 'regular', 'center') + 14;

    y += fitted('howTitle', t('howTitle'), { x: MARGIN, y, width: WIDTH, maxHeight: 20 }, 13, 9, 'bold') + 4;
    for (const step of ['step1', 'step2', 'step3'] as const) {
      const n = Number(step.slice(-1));
      y += fitted(step, `${n}.  ${t(step)}`, { x: MARGIN, y, width: WIDTH, maxHeight: 30 }, 11, 7, 'regular') + 3;
    }
    const privacyTop = A4.height - MARGIN - 36;
    fitted('privacy', t('privacy'), { x: MARGIN, y: Math.max(y + 6, privacyTop), width: WIDTH, maxHeight: 36 }, 8.5, 6, 'regular');
    if (y + 6 > privacyTop) blocks.push({ name: 'page', fontSize: 0, fits: false });
    layout.pages.push({ language, blocks });
  }
  doc.end();
  return { pdf: await done, layout };
}
