// Stands in for `npm run dist`, which needs the Electron runtime and so cannot run here: the
// packaging config is read by electron-builder's own loader and checked against its own schema.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { validateSchema } from 'app-builder-lib/out/util/config/schemaValidator';
import scheme from 'app-builder-lib/scheme.json';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('electron-builder.json', async () => {
  // Exactly what `electron-builder` does without --config: package.json has no "build" key, so it finds this file.
  const config = await getConfig(root, null, null);

  it('is found by electron-builder and passes its schema', () => {
    expect(config.appId).toBe('io.agentdeck.console');
    expect(config.productName).toBe('Agentdeck');
    expect(() => validateSchema(scheme, config, { name: 'electron-builder' })).not.toThrow();
  });

  it('packages the built app into dist', () => {
    expect(config.directories?.output).toBe('dist');
    // The loader normalises the list into a file set.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
  });

  it('names the Linux, Windows and macOS targets', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    // The deb target refuses to build without a maintainer and a homepage (package.json has none).
    expect(config.linux?.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
    expect(config.linux?.category).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    // electron-updater updates a macOS app from the zip; the dmg is for the first install.
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
  });

  it('uses the committed icon, large enough for every platform', () => {
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toBe('resources/icons/icon.png');
    }
    expect(existsSync(resolve(root, 'resources/icons/icon.png'))).toBe(true);
    expect(existsSync(resolve(root, 'resources/icons/tray.png'))).toBe(true);
  });

  it('publishes to the generic update feed electron-updater reads', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.AGENTDECK_UPDATE_URL}' });
  });
});
