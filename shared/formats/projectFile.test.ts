import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { FormatError } from './formatError';
import { PROJECT_FILE_VERSION, readProjectFile, writeProjectFile } from './projectFile';

const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('project file', () => {
  it('round-trips a whole project', () => {
    const sample = buildTekesSample();
    const back = readProjectFile(writeProjectFile(sample, 'test'), 'tekes.hzw');
    expect(back.objects).toEqual(sample.objects);
    expect(back.zones).toEqual(sample.zones);
    expect(back.settings).toMatchObject(sample.settings);
  });

  it('refuses a file from a newer version with a message naming both versions', () => {
    const file = JSON.parse(new TextDecoder().decode(writeProjectFile(buildTekesSample(), 'test')));
    file.version = PROJECT_FILE_VERSION + 1;
    expect(() => readProjectFile(encode(file), 'future.hzw')).toThrow(
      /version 2 is newer than this app supports \(1\)/,
    );
  });

  it('refuses a damaged file and names each problem', () => {
    const file = JSON.parse(new TextDecoder().decode(writeProjectFile(buildTekesSample(), 'test')));
    file.zones[0].objectId = 'missing';
    file.zones[1].geometry.coordinates[0].splice(2, 1, [81.9, 43.3]);
    file.zones[1].geometry.coordinates[0][1] = [81.95, 43.25];
    try {
      readProjectFile(encode(file), 'damaged.hzw');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      const problems = (error as FormatError).problems;
      expect(problems.some((p) => p.index === 0 && p.field === 'zones.objectId')).toBe(true);
    }
    expect(() =>
      readProjectFile(new TextEncoder().encode('{"format":"something-else","version":1}'), 'x.hzw'),
    ).toThrow(/Not a Heritage Zone Workbench project file/);
    expect(() => readProjectFile(new Uint8Array([0xff, 0xfe, 0x00]), 'bin.hzw')).toThrow(FormatError);
  });
});

describe('the desktop suite’s fixture', () => {
  it('is a valid project file', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync('e2e/fixtures/sample-project.hzw'));
    expect(readProjectFile(bytes, 'sample-project.hzw').settings.name).toBe('Electron fixture project');
  });
});
