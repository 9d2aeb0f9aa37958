/**
 * The site poster, checked with the tools a person would use: pdfinfo (A4), pdftoppm (it renders),
 * zbarimg (the QR code decodes to exactly the configured URL), pdftotext (the facts are printed), and
 * the renderer's own measured layout (no block overflows, with the longest realistic names).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeclarationInput } from '../../../preload/api.ts';
import { REGIONS, validateDeclaration } from '../../../main/core/declarations/declaration.ts';
import { renderPoster } from '../../../main/core/poster/render-poster.node.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir('ciao-poster-');
afterAll(() => temp.cleanup());

const LONGEST: DeclarationInput = {
  dowNumber: 'DOW2026ABCDEFGH1234',
  workplaceId: '1Y102M7NZF7PZ',
  employerName: 'Algemene Schoonmaak- en Onderhoudsonderneming Vlaams-Brabant & Brussel Hoofdstedelijk Gewest NV',
  enterpriseNumber: 'BE 0428.759.497',
  siteName: 'Universitair Ziekenhuis Sint-Pieters-Leeuw — Campus Noord, Gebouw K (Kinderafdeling en Spoedgevallen)',
  siteAddress: { street: 'Rue de la Loi / Wetstraat 175, Justus Lipsiusgebouw, ingang Sint-Michielsstraat', postalCode: '1040', municipality: 'Etterbeek (Brussel-Hoofdstad / Bruxelles-Capitale)' },
  region: 'brussels',
  includeEnglish: true,
  smartphoneUrl: 'https://checkinout.socialsecurity.be/registration?dow=DOW2026ABCDEFGH1234&lang=nl',
};

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

describe('site poster', () => {
  it.each(REGIONS)('renders an A4 poster for %s with the longest names, without overflow, and a QR code of the exact URL', async (region) => {
    const result = validateDeclaration({ ...LONGEST, region });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { pdf, layout } = await renderPoster(result.declaration);
    const file = join(temp.dir, `${region}.pdf`);
    writeFileSync(file, pdf);

    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${result.declaration.languages.length}\\b`));

    expect(layout.pages.map((p) => p.language)).toEqual(result.declaration.languages);
    const overflowing = layout.pages.flatMap((p) => p.blocks.filter((b) => !b.fits).map((b) => `${p.language}:${b.name}`));
    expect(overflowing).toEqual([]);

    const text = tool('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('0428.759.497');
    expect(text).toContain('DOW2026ABCDEFGH1234');
    expect(text.replace(/\s+/g, ' ')).toContain('Algemene Schoonmaak- en Onderhoudsonderneming');
    expect(text.replace(/\s+/g, '')).toContain(LONGEST.smartphoneUrl);

    tool('pdftoppm', ['-r', '150', '-png', file, join(temp.dir, region)]);
    const pages = readdirSync(temp.dir).filter((f) => f.startsWith(`${region}-`) && f.endsWith('.png'));
    expect(pages).toHaveLength(result.declaration.languages.length);
    for (const page of pages) {
      expect(tool('zbarimg', ['--raw', '-q', join(temp.dir, page)]).trim()).toBe(LONGEST.smartphoneUrl);
    }
  });

  it('uses the regional languages: NL+FR in Brussels, DE in the East Cantons', async () => {
    for (const [region, languages] of [['brussels', ['nl', 'fr']], ['east-cantons', ['de']], ['flanders', ['nl']], ['wallonia', ['fr']]] as const) {
      const result = validateDeclaration({ ...LONGEST, region, includeEnglish: false });
      expect(result.ok && result.declaration.languages).toEqual(languages);
    }
  });
});
