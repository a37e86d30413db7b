import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWebSettings } from './webSettings';

describe('readWebSettings', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hzw-web-settings-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('joins the local JSON file and HZW_TILE_ORIGINS, keeping exact tile origins only', async () => {
    await writeFile(
      join(folder, 'hzw-web.local.json'),
      JSON.stringify({
        tileOrigins: [
          'https://t0.tianditu.gov.cn',
          'https://*.example.org',
          "https://a.org 'unsafe-inline'",
          7,
        ],
      }),
    );
    const settings = readWebSettings({ HZW_TILE_ORIGINS: 'http://127.0.0.1:5216 http://10.0.0.1' }, folder);
    expect(settings.tileOrigins).toEqual(['http://127.0.0.1:5216', 'https://t0.tianditu.gov.cn']);
    expect(settings.refused).toEqual([
      'http://10.0.0.1',
      'https://*.example.org',
      "https://a.org 'unsafe-inline'",
      '7',
    ]);
    expect(settings.problem).toBeUndefined();
  });

  it('reads the file HZW_WEB_SETTINGS names, and says when it is broken', async () => {
    await writeFile(join(folder, 'mine.json'), '{"tileOrigins": "https://a.org"}');
    expect(readWebSettings({ HZW_WEB_SETTINGS: 'mine.json' }, folder).problem).toMatch(/expected/);
    await writeFile(join(folder, 'mine.json'), '{not json');
    expect(readWebSettings({ HZW_WEB_SETTINGS: 'mine.json' }, folder).problem).toMatch(/not valid JSON/);
    expect(readWebSettings({ HZW_WEB_SETTINGS: 'absent.json' }, folder).problem).toMatch(/cannot be read/);
    expect(readWebSettings({}, folder)).toMatchObject({ tileOrigins: [], refused: [] });
  });
});
