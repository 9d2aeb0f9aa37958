/** Renders the README's sample poster (docs/poster-sample-*.png): `npx tsx scripts/render-sample-poster.ts`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateDeclaration } from '../main/core/declarations/declaration.ts';
import { renderPoster } from '../main/core/poster/render-poster.node.ts';

const result = validateDeclaration({
  dowNumber: 'DOW2026A1B2C3',
  workplaceId: 'DEMO000000001',
  employerName: 'Demo Cleaning NV',
  enterpriseNumber: '0403.019.261',
  siteName: 'Tour & Taxis — Koninklijk Pakhuis',
  siteAddress: { street: 'Havenlaan 86C', postalCode: '1000', municipality: 'Brussel / Bruxelles' },
  region: 'brussels',
});
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const { pdf } = await renderPoster(result.declaration);
const dir = mkdtempSync(join(tmpdir(), 'poster-'));
writeFileSync(join(dir, 'poster.pdf'), pdf);
execFileSync('pdftoppm', ['-r', '70', '-png', join(dir, 'poster.pdf'), 'docs/poster-sample']);
console.log('docs/poster-sample-1.png, docs/poster-sample-2.png');
