import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js on sources placed at real paths in renderer/editor and
// renderer/storage: the linted text is the probe, the rest of the graph is the files on disk.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'hzw/no-cycle' });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: ROOT + filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const onDisk = (file: string) => fs.readFileSync(ROOT + file, 'utf8');

describe('no import cycles in editor and storage', () => {
  it('refuses the workbench ↔ regenerateDerived cycle, even through a type-only import', async () => {
    const file = 'renderer/editor/regenerateDerived.ts';
    const code = `import type { Workbench } from './workbench';\nexport type W = Workbench;\n${onDisk(file)}`;
    expect(await problems(file, code)).toEqual([
      expect.stringContaining(
        'Import cycle: renderer/editor/regenerateDerived.ts → renderer/editor/workbench.ts → renderer/editor/regenerateDerived.ts',
      ),
    ]);
  });

  it('refuses a longer cycle through three storage modules', async () => {
    const file = 'renderer/storage/records.ts';
    const code = `import type { WorkbenchDb } from './database';\nexport type D = WorkbenchDb;\n${onDisk(file)}`;
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('renderer/storage/records.ts → renderer/storage/database.ts');
  });

  it.each([
    ['renderer/editor/probe.ts', "import { a } from '../storage/../editor/workbench';"],
    ['renderer/storage/probe.ts', "export { commit } from './commit';"],
  ])('%s: %s imports without a cycle', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('finds a cycle written through a dynamic import and a path that leaves and re-enters the folder', async () => {
    const file = 'renderer/editor/regenerateDerived.ts';
    const code = `const w = await import('../editor/./workbench');\n${onDisk(file)}`;
    expect(await problems(file, code)).toEqual([expect.stringContaining('Import cycle')]);
  });

  it('holds for every file of the project today', async () => {
    const results = await eslint.lintFiles(['renderer/editor', 'renderer/storage']);
    expect(results.length).toBeGreaterThan(40);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
