import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettings, normalizeTileOrigins } from './appSettings';

describe('normalizeTileOrigins', () => {
  it('keeps distinct https origins only', () => {
    expect(
      normalizeTileOrigins([
        'https://tiles.example.org',
        'https://tiles.example.org',
        'http://plain.example.org',
        'https://tiles.example.org/path',
        'https://user:pw@x.example.org',
        "https://a.example.org 'unsafe-inline'",
        7,
        'https://b.example.org:8443',
      ]),
    ).toEqual(['https://tiles.example.org', 'https://b.example.org:8443']);
  });

  it('caps the number of origins', () => {
    const many = Array.from({ length: 40 }, (_, i) => `https://t${i}.example.org`);
    expect(normalizeTileOrigins(many)).toHaveLength(16);
  });
});

describe('AppSettings', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hzw-settings-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('stores tile origins and reads them back', async () => {
    const file = join(folder, 'settings.json');
    const settings = await AppSettings.load(file);
    expect(settings.tileOrigins()).toEqual([]);
    await settings.setTileOrigins(['https://tiles.example.org', 'http://no.example.org']);
    expect((await AppSettings.load(file)).tileOrigins()).toEqual(['https://tiles.example.org']);
  });

  it('drops origins that were edited into the file by hand and are not https', async () => {
    const file = join(folder, 'settings.json');
    await writeFile(
      file,
      JSON.stringify({ version: 1, tileOrigins: ['https://ok.example.org', "* 'unsafe-eval'"] }),
    );
    expect((await AppSettings.load(file)).tileOrigins()).toEqual(['https://ok.example.org']);
  });
});
