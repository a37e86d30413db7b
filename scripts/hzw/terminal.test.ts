import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalJson, terminalSafe } from './terminal';

const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });

/** What a terminal would obey: C0 other than the line feed, DEL, C1, bidirectional controls. */
const OBEYED = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const obeyed = (text: string) => OBEYED.test(text.replaceAll('\n', ''));

const TITLE = '\u001b]0;pwned\u0007\u001b[2J';
const CSI = '\u009b31m';
const FIELD = `long_field_\u001b[31m`;
const RLO = 'zone\u202etxt.exe';

let dir = '';
let input = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-term-'));
  input = join(dir, `in\u001b[2J.geojson`);
  const feature = {
    type: 'Feature',
    properties: { [FIELD]: `value${CSI}`, [RLO]: 1 },
    geometry: { type: 'Point', coordinates: [84.7, 44.4] },
  };
  writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', name: TITLE, features: [feature] }));
  expect(hzw('--help').status).toBe(0);
}, 180_000);

describe('terminalSafe', () => {
  it('shows every control and bidirectional character as an escape', () => {
    expect(terminalSafe(`a${TITLE}`)).toBe('a\\x1b]0;pwned\\x07\\x1b[2J');
    expect(terminalSafe(`${CSI}\u007f\n\t`)).toBe('\\x9b31m\\x7f\\x0a\\x09');
    expect(terminalSafe(RLO)).toBe('zone\\u202etxt.exe');
    expect(terminalSafe('乌苏文庙 保护范围 → ok')).toBe('乌苏文庙 保护范围 → ok');
  });

  it('keeps JSON valid and its values unchanged', () => {
    const value = { name: `${TITLE}${CSI}\u007f${RLO}\u2066` };
    const text = terminalJson(value);
    expect(obeyed(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('hzw prints names from the input without letting the terminal obey them', () => {
  it('info: layer, field and file names', () => {
    const run = hzw('info', input);
    expect(run.status).toBe(0);
    expect(obeyed(run.stdout)).toBe(false);
    expect(run.stdout).toContain('Layer:    \\x1b]0;pwned\\x07\\x1b[2J');
    expect(run.stdout).toContain('long_field_\\x1b[31m');
    expect(run.stdout).toContain('zone\\u202etxt.exe');
  });

  it('info --json: valid JSON with the names as they are', () => {
    const run = hzw('info', input, '--json');
    expect(run.status).toBe(0);
    expect(obeyed(run.stdout)).toBe(false);
    const [report] = JSON.parse(run.stdout) as { layers: { name: string; fields: { name: string }[] }[] }[];
    expect(report!.layers[0]!.name).toBe(TITLE);
    expect(report!.layers[0]!.fields.map((f) => f.name)).toEqual([FIELD, RLO]);
  });

  it('convert: renamed fields and refusals on stderr', () => {
    const renamed = hzw('convert', input, join(dir, 'out.shp'));
    expect(renamed.status).toBe(0);
    expect(renamed.stderr).toContain('field renamed');
    expect(obeyed(renamed.stderr)).toBe(false);
    const broken = join(dir, `broken\u001b]0;x\u0007.geojson`);
    writeFileSync(broken, '{"type":"Topology"}');
    const refused = hzw('convert', broken, join(dir, 'never.geojson'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('broken\\x1b]0;x\\x07');
    expect(obeyed(refused.stderr)).toBe(false);
  });
});
