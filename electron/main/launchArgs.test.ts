import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArgument } from './launchArgs';

const CWD = resolve('/home/planner');

describe('fileArgument', () => {
  it('takes the file from a packaged launch', () => {
    expect(fileArgument(['/opt/hzw/hzw', '/data/plan.hzw'], CWD, false)).toBe(resolve('/data/plan.hzw'));
  });

  it('skips the app path when run as `electron <app>`', () => {
    expect(fileArgument(['electron', 'out/main/index.js', 'plan.hzw'], CWD, true)).toBe(
      resolve(CWD, 'plan.hzw'),
    );
    expect(fileArgument(['electron', 'project.json'], CWD, true)).toBeNull();
  });

  it('skips switches, including Playwright and Chromium ones and macOS process serial numbers', () => {
    const argv = [
      'electron',
      '--inspect=0',
      '--remote-debugging-port=0',
      'out/main/index.js',
      '--user-data-dir=/tmp/p',
      '-psn_0_123',
      'zones.geojson',
    ];
    expect(fileArgument(argv, CWD, true)).toBe(resolve(CWD, 'zones.geojson'));
  });

  it('treats everything after -- as a path', () => {
    expect(fileArgument(['hzw', '--', '--odd name.hzw'], CWD, false)).toBe(resolve(CWD, '--odd name.hzw'));
  });

  it('accepts projects and GeoJSON only', () => {
    expect(fileArgument(['hzw', 'a.HZW'], CWD, false)).toBe(resolve(CWD, 'a.HZW'));
    expect(fileArgument(['hzw', 'a.json'], CWD, false)).toBe(resolve(CWD, 'a.json'));
    expect(fileArgument(['hzw', 'a.exe', 'b.txt', 'c'], CWD, false)).toBeNull();
    expect(fileArgument(['hzw'], CWD, false)).toBeNull();
  });

  it('resolves a second instance relative to its own working directory', () => {
    expect(fileArgument(['hzw', 'sub/plan.hzw'], resolve('/elsewhere'), false)).toBe(
      resolve('/elsewhere/sub/plan.hzw'),
    );
  });
});
