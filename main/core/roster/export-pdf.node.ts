/**
 * The registration export as a PDF (pdfkit), in Noto Sans embedded from @fontsource/noto-sans.
 * Fontsource splits the font by script, so each text is written in runs, each in the first
 * subset that has its glyphs (Polish, Romanian, Turkish names need latin-ext; Bulgarian cyrillic).
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXPORT_COLUMNS, type ExportRow } from './export-rows.ts';

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;

function fontFile(subset: string, weight: 400 | 700): string {
  const pkg = createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json');
  return join(dirname(pkg), 'files', `noto-sans-${subset}-${weight}-normal.woff`);
}

interface GlyphCheck {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** pdfkit keeps the fontkit font of the current font in `_font.font`; its glyph lookup picks the subset. */
function currentFont(doc: PDFKit.PDFDocument): GlyphCheck {
  return (doc as unknown as { _font: { font: GlyphCheck } })._font.font;
}

export interface PdfExport {
  title: string;
  subtitle: string;
  rows: readonly ExportRow[];
}

const WIDTHS: Record<(typeof EXPORT_COLUMNS)[number], number> = {
  Date: 62,
  Time: 50,
  Worker: 150,
  'National number': 88,
  Direction: 50,
  Intent: 70,
  Channel: 70,
  Status: 60,
  Remarks: 150,
};

export function renderPdf(content: PdfExport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: content.title } });
  const checks = new Map<string, GlyphCheck>();
  for (const weight of [400, 700] as const) {
    for (const subset of SUBSETS) {
      const name = `${subset}-${weight}`;
      doc.registerFont(name, fontFile(subset, weight));
      doc.font(name);
      checks.set(name, currentFont(doc));
    }
  }

  /** Splits text into runs, each in the first subset that has the glyph (latin when none has). */
  function runs(text: string, weight: 400 | 700): Array<{ font: string; text: string }> {
    const out: Array<{ font: string; text: string }> = [];
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      const subset = SUBSETS.find((s) => checks.get(`${s}-${weight}`)?.hasGlyphForCodePoint(cp)) ?? 'latin';
      const font = `${subset}-${weight}`;
      const last = out.at(-1);
      if (last && last.font === font) last.text += char;
      else out.push({ font, text: char });
    }
    return out;
  }

  function write(text: string, x: number, y: number, width: number, weight: 400 | 700, size: number): void {
    const parts = runs(text, weight);
    if (parts.length === 0) return;
    doc.fontSize(size);
    parts.forEach((part, i) => {
      doc.font(part.font);
      const options = { width, lineBreak: false, ellipsis: true, continued: i < parts.length - 1 };
      if (i === 0) doc.text(part.text, x, y, options);
      else doc.text(part.text, options);
    });
  }

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  write(content.title, left, 36, 700, 700, 16);
  write(content.subtitle, left, 58, 700, 400, 10);
  let y = 86;
  const header = () => {
    let x = left;
    for (const column of EXPORT_COLUMNS) {
      write(column, x, y, WIDTHS[column] - 4, 700, 9);
      x += WIDTHS[column];
    }
    y += 16;
  };
  header();
  for (const row of content.rows) {
    if (y > doc.page.height - doc.page.margins.bottom - 14) {
      doc.addPage();
      y = doc.page.margins.top;
      header();
    }
    let x = left;
    for (const column of EXPORT_COLUMNS) {
      write(row[column], x, y, WIDTHS[column] - 4, 400, 9);
      x += WIDTHS[column];
    }
    y += 14;
  }
  doc.end();
  return done;
}
