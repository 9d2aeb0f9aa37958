/**
 * electron-builder cannot produce an artifact on this machine (it downloads Electron and its tools
 * from GitHub), so the config is checked the way electron-builder itself checks it before building:
 * its own loader and validator against its shipped JSON schema (app-builder-lib/scheme.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const quietLogger = { isEnabled: false, add() {} } as unknown as Parameters<typeof validateConfiguration>[1];

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
});

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (its own schema validation)', async () => {
    expect(existsSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'))).toBe(true);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt MSI option is refused', async () => {
    const misspelt = { ...config, msi: { ...config.msi, perMachin: true } } as Configuration;
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/configuration\.msi/);
  });

  it('names the app and writes artifacts outside Vite and esbuild folders, with the version in the name', () => {
    expect(config.appId).toBe('be.ciao-kiosk.app');
    expect(config.productName).toBeTruthy();
    expect(config.directories?.output).toBe('release');
    expect(config.artifactName).toContain('${version}');
  });

  it('packs the built app, with the main entry of package.json inside it, and native addons unpacked', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    // getConfig normalises `files` into `[{ filter: [...] }]`.
    const patterns = (config.files as Array<string | { filter?: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['package.json', 'out/**/*']));
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // electron-builder refuses electron in dependencies; native modules must be dependencies to be packed and rebuilt.
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.dependencies).not.toHaveProperty('electron');
    for (const native of ['better-sqlite3', '@pokusew/pcsclite']) expect(pkg.dependencies).toHaveProperty(native);
    expect(config.npmRebuild).toBe(true);
  });

  it('builds a per-machine MSI with a fixed upgrade code', () => {
    expect(config.win?.target).toEqual([{ target: 'msi', arch: ['x64'] }]);
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true, runAfterFinish: false });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.msi?.artifactName).toContain('${version}');
  });

  it('builds an AppImage with a desktop category', () => {
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    expect(config.linux?.category).toBeTruthy();
    expect(config.appImage?.artifactName).toContain('${version}');
  });

  it('flips the Electron fuses that would let someone run the kiosk as plain Node or inspect it', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has real icons: 256x256 for Windows, a set including 512x512 for Linux', () => {
    expect(pngSize(join(ROOT, String(config.win?.icon)))).toEqual({ width: 256, height: 256 });
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(ROOT, 'build', 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});
