import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettings, normalizeTileOrigins } from './appSettings';

describe('normalizeTileOrigins', () => {
  it('keeps distinct https origins, and http ones on this machine only', () => {
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
        'http://127.0.0.1:5216',
        'https://*.example.org',
      ]),
    ).toEqual(['https://tiles.example.org', 'https://b.example.org:8443', 'http://127.0.0.1:5216']);
  });

  it('caps the number of origins', () => {
    const many = Array.from({ length: 40 }, (_, i) => `https://t${i}.example.org`);
    expect(normalizeTileOrigins(many)).toHaveLength(32);
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

  it('keeps service keys beside the origins, and forgets one on request', async () => {
    const file = join(folder, 'settings.json');
    const settings = await AppSettings.load(file);
    await settings.setTileOrigins(['https://t0.tianditu.gov.cn']);
    await settings.setServiceKey('tianditu', 'abc123');
    const again = await AppSettings.load(file);
    expect(again.serviceKey('tianditu')).toBe('abc123');
    expect(again.tileOrigins()).toEqual(['https://t0.tianditu.gov.cn']);
    await again.setServiceKey('tianditu', null);
    expect((await AppSettings.load(file)).serviceKey('tianditu')).toBeNull();
  });

  it('drops hand-edited keys that are not well formed, and never reads the prototype', async () => {
    const file = join(folder, 'settings.json');
    await writeFile(
      file,
      '{"version":1,"tileOrigins":[],"serviceKeys":{"tianditu":"ok1","__proto__":"x","bad id":"k","a":"has space"}}',
    );
    const settings = await AppSettings.load(file);
    expect(settings.serviceKey('tianditu')).toBe('ok1');
    expect(settings.serviceKey('__proto__')).toBeNull();
    expect(settings.serviceKey('bad id')).toBeNull();
    expect(settings.serviceKey('a')).toBeNull();
    expect(settings.serviceKey('toString')).toBeNull();
  });
});
