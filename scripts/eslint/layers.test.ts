import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on small sources placed at real project paths (the files
// need not exist: the rule resolves paths, it does not read them).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'hzw/layers' });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: ROOT + filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const EDITOR_RULE = 'editor rules know nothing of OpenLayers or React';
const WRITE_DOOR = 'one write door';

describe('layer rules on resolved paths', () => {
  it.each([
    ['renderer/editor/commands/deep/probe.ts', "import { a } from '../../../map/x';"],
    ['renderer/editor/probe.ts', "import { a } from './../map/x';"],
    ['renderer/editor/probe.ts', "import { a } from '../editor/../map/x';"],
    ['renderer/editor/probe.ts', "import { a } from '../map/x.ts';"],
    ['renderer/editor/probe.ts', "import { a } from '../map';"],
    ['renderer/editor/probe.ts', "const m = await import('../map/x');"],
    ['renderer/editor/probe.ts', 'const m = await import(`../map/x`);'],
    ['renderer/editor/probe.ts', "export * from '../map/x';"],
    ['renderer/editor/probe.ts', "export { a } from '../map/x';"],
    ['renderer/editor/probe.ts', "export type { A } from '../map/x';"],
    ['renderer/editor/probe.ts', "import type { A } from '../map/x';"],
    ['renderer/editor/probe.ts', "type M = typeof import('../map/x');"],
    ['renderer/editor/probe.ts', "const w = new Worker(new URL('../map/worker.ts', import.meta.url));"],
  ])('%s: %s is refused with the editor rule', async (file, code) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('hzw/layers');
    expect(found[0]).toContain('may not import renderer/map');
    expect(found[0]).toContain(EDITOR_RULE);
  });

  it.each([
    ['renderer/platform/probe.ts', "import '../jobs/runJob';", 'bottom of the renderer'],
    ['renderer/storage/probe.ts', "import '../editor/workbench';", 'storage sits below'],
    ['renderer/map/tools/probe.ts', "import '../../ui/App';", 'map sits below ui'],
    ['shared/formats/probe.ts', "import '../../renderer/editor/workbench';", 'shared/ is pure'],
    ['shared/probe.ts', "import './../electron/main/atomicWrite';", 'shared/ is pure'],
    ['electron/main/probe.ts', "import '../preload/index';", 'electron/main imports only shared/'],
    ['electron/preload/probe.ts', "import '../main/ipcHandlers';", 'The preload imports only shared/'],
    ['scripts/hzw/probe.ts', "import '../../electron/main/ipcHandlers';", 'electron/main/atomicWrite.ts'],
    ['scripts/hzw/probe.ts', "import '../../renderer/editor/x';", 'never the renderer'],
    ['e2e/probe.spec.ts', "import '../renderer/ui/App';", 'never renderer/'],
    ['renderer/ui/probe.tsx', "import '../../electron/preload/index';", 'never electron/'],
    [
      'renderer/editor/probe.ts',
      "import { x } from '../testing/memoryStore';",
      'editor imports storage, platform, jobs and shared/',
    ],
  ])('%s: %s breaks its layer', async (file, code, why) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(why);
  });

  it.each([
    ['renderer/ui/probe.tsx', "import { commit } from '../storage/commit';"],
    ['renderer/ui/probe.tsx', "import { commit } from '../storage/./commit.ts';"],
    ['renderer/ui/hooks/probe.ts', "import type { ChangeSet } from '../../storage/changeSet';"],
    ['renderer/map/probe.ts', "import { WorkbenchDb } from '../storage/database';"],
    ['renderer/probe.ts', "import { bulkGet } from './ui/../storage/storedChanges';"],
    ['renderer/ui/probe.test.tsx', "import { CommitError } from '../storage/commitError';"],
  ])("%s: %s reaches storage's write path", async (file, code) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(WRITE_DOOR);
  });

  it.each([
    ['shared/formats/kml/probe.ts', "import { unzipSync } from 'fflate';", 'shared/formats/zip'],
    [
      'renderer/jobs/probe.ts',
      "import initSqlJs from 'sql.js/dist/sql-wasm.js';",
      'shared/formats/geopackage',
    ],
    ['shared/formats/dxf/probe.ts', "import { XMLParser } from 'fast-xml-parser';", 'shared/formats/kml'],
    [
      'shared/geometry/ops/probe.ts',
      "import X from 'jsts/org/locationtech/jts/geom/Coordinate.js';",
      'shared/geometry/jsts',
    ],
    ['shared/geometry/probe.ts', "import Flatbush from 'flatbush';", 'shared/geometry/spatialIndex'],
    ['shared/formats/probe.ts', "import proj4 from 'proj4';", 'shared/crs'],
    ['renderer/ui/probe.tsx', "import Map from 'ol/Map';", 'renderer/map'],
    ['renderer/map/probe.ts', "import Dexie from 'ol/../dexie';", 'renderer/storage'],
    ['renderer/map/probe.tsx', "import { useState } from 'react';", 'renderer/ui'],
  ])('%s: %s is not the library owner', async (file, code, owner) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`Only ${owner}`);
    expect(found[0]).toContain('one owner per library');
  });

  it('resolves absolute paths and file: URLs as the same modules', async () => {
    for (const specifier of [`${ROOT}renderer/map/x`, `file://${ROOT}renderer/map/x.ts`]) {
      const found = await problems('renderer/editor/probe.ts', `import '${specifier}';`);
      expect(found).toEqual([expect.stringContaining(EDITOR_RULE)]);
    }
  });

  it('refuses a path into node_modules and one leaving the project', async () => {
    expect(await problems('renderer/ui/probe.ts', "import Map from '../../node_modules/ol/Map.js';")).toEqual(
      [expect.stringContaining('not by a path into node_modules')],
    );
    expect(await problems('shared/probe.ts', "import x from '../../outside/x';")).toEqual([
      expect.stringContaining('outside the project'),
    ]);
  });

  it.each([
    ['renderer/map/probe.ts', "import { Workbench } from '../editor/workbench';"],
    ['renderer/map/tools/probe.ts', "import { Workbench } from '../../editor/../editor/workbench';"],
    ['renderer/ui/probe.tsx', "import { openStore } from '../storage/store'; import M from '../map/x';"],
    ['renderer/editor/probe.ts', "import { commit } from '../storage/commit'; export * from '../jobs/x';"],
    ['renderer/editor/probe.test.ts', "import { squareAround } from '../testing/memoryStore';"],
    ['renderer/editor/probe.test.ts', "import readme from '../../README.md?raw';"],
    ['renderer/storage/probe.ts', "import { changeSet } from './changeSet'; import Dexie from 'dexie';"],
    ['renderer/main.tsx', "import './bootstrap'; import { createRoot } from 'react-dom/client';"],
    ['shared/formats/zip/probe.ts', "import { zipSync } from 'fflate'; import { a } from '../../domain/x';"],
    ['shared/geometry/spatialIndex.test.ts', "import Flatbush from 'flatbush';"],
    ['scripts/hzw/probe.ts', "import { writeFileAtomic } from '../../electron/main/atomicWrite';"],
    ['bench/probe.ts', "import base from '../playwright.config'; import '../scripts/chromiumArgs.mjs';"],
    ['renderer/jobs/probe.ts', "const w = new Worker(new URL('./jobWorker.ts', import.meta.url));"],
    ['renderer/ui/probe.tsx', "import z from 'zod'; const m = await import(name);"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('the project', () => {
  it('respects its layers and library owners everywhere', { timeout: 300_000 }, async () => {
    const results = await eslint.lintFiles(['.']);
    const found = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(500);
  });
});
