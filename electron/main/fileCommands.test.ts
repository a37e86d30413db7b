import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomicWrite';
import { createFileCommands, type Dialogs } from './fileCommands';
import { FileHandles } from './fileHandles';
import { PickedFiles } from './pickedFiles';
import { readFileCapped } from './readFileCapped';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const PROJECT_FILTERS = [{ name: 'Project', extensions: ['hzw'] }];

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-files-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function setup(answers: { open?: string[]; save?: string | null } = {}) {
  let recent: string[] = [];
  const dialogs: Dialogs = {
    chooseFiles: vi.fn(async () => answers.open ?? []),
    chooseSaveTarget: vi.fn(async () => answers.save ?? null),
  };
  const recentChanged = vi.fn();
  const handles = new FileHandles();
  const commands = createFileCommands({
    dialogs,
    handles,
    picked: new PickedFiles(),
    recent: {
      list: () => recent,
      add: async (p) => void (recent = [p, ...recent.filter((r) => r !== p)]),
      remove: async (p) => void (recent = recent.filter((r) => r !== p)),
    },
    readFile: (p) => readFileCapped(p),
    writeFile: (p, b) => writeFileAtomic(p, b),
    exists: (p) =>
      access(p).then(
        () => true,
        () => false,
      ),
    lang: () => 'en',
    startFolder: () => folder,
    recentChanged,
  });
  return { commands, dialogs, handles, recentChanged, recent: () => recent };
}

describe('file commands', () => {
  it('opens a project chosen in the dialog, grants a handle and remembers it as recent', async () => {
    const path = join(folder, 'plan.hzw');
    await writeFile(path, 'project');
    const { commands, handles, recent, recentChanged } = setup({ open: [path] });
    const opened = await commands.openProject();
    expect(opened && text(opened.bytes)).toBe('project');
    expect(opened?.name).toBe('plan.hzw');
    expect(handles.pathOf(opened!.handle!)).toBe(path);
    expect(recent()).toEqual([path]);
    expect(recentChanged).toHaveBeenCalled();
  });

  it('returns null when the dialog is cancelled', async () => {
    const { commands } = setup();
    expect(await commands.openProject()).toBeNull();
    expect(
      await commands.saveProject({ handle: null, suggestedName: 'x.hzw', bytes: bytes('x'), filters: [] }),
    ).toBeNull();
  });

  it('saves back through the handle without asking, keeping a backup', async () => {
    const path = join(folder, 'plan.hzw');
    await writeFile(path, 'v1');
    const { commands, dialogs } = setup({ open: [path] });
    const opened = await commands.openProject();
    const saved = await commands.saveProject({
      handle: opened!.handle,
      suggestedName: 'ignored',
      bytes: bytes('v2'),
      filters: [],
    });
    expect(saved).toEqual({ handle: opened!.handle, name: 'plan.hzw' });
    expect(dialogs.chooseSaveTarget).not.toHaveBeenCalled();
    expect(await readFile(path, 'utf8')).toBe('v2');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('v1');
  });

  it('refuses a handle main never granted', async () => {
    const { commands } = setup();
    const handle = '00000000-0000-4000-8000-000000000000';
    await expect(
      commands.saveProject({ handle, suggestedName: 'a.hzw', bytes: bytes('x'), filters: [] }),
    ).rejects.toThrow(/no longer available/);
    await expect(commands.openRecent(handle)).rejects.toThrow(/no longer available/);
  });

  it('suggests only a plain file name in the last folder, whatever the renderer sends', async () => {
    const { commands, dialogs } = setup({ save: null });
    await commands.saveProject({
      handle: null,
      suggestedName: '../../etc/passwd',
      bytes: bytes('x'),
      filters: PROJECT_FILTERS,
    });
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(folder, 'passwd.hzw') }),
    );
  });

  it('adds the extension a Linux dialog left off, but never replaces a file the user did not confirm', async () => {
    const { commands } = setup({ save: join(folder, 'plan') });
    const saved = await commands.saveProject({
      handle: null,
      suggestedName: 'plan',
      bytes: bytes('new'),
      filters: PROJECT_FILTERS,
    });
    expect(saved?.name).toBe('plan.hzw');

    const other = setup({ save: join(folder, 'plan') });
    const again = await other.commands.saveProject({
      handle: null,
      suggestedName: 'plan',
      bytes: bytes('newer'),
      filters: PROJECT_FILTERS,
    });
    expect(again?.name).toBe('plan');
    expect(await readFile(join(folder, 'plan.hzw'), 'utf8')).toBe('new');
  });

  it('exports without granting a handle or touching the recent list', async () => {
    const { commands, recent } = setup({ save: join(folder, 'zones.geojson') });
    const saved = await commands.exportFile({
      handle: null,
      suggestedName: 'zones.geojson',
      bytes: bytes('{}'),
      filters: [{ name: 'GeoJSON', extensions: ['geojson'] }],
    });
    expect(saved).toEqual({ handle: null, name: 'zones.geojson' });
    expect(recent()).toEqual([]);
  });

  it('opens files the OS hands over; only projects get a handle', async () => {
    await writeFile(join(folder, 'a.geojson'), '{}');
    await writeFile(join(folder, 'b.hzw'), '{}');
    const { commands, recent } = setup();
    expect((await commands.openPath(join(folder, 'a.geojson'))).handle).toBeNull();
    expect((await commands.openPath(join(folder, 'b.hzw'))).handle).not.toBeNull();
    expect(recent()).toEqual([join(folder, 'b.hzw')]);
  });

  it('lists recent files with handles and drops one that has disappeared when opened', async () => {
    const path = join(folder, 'gone.hzw');
    await writeFile(path, 'x');
    const { commands, recent } = setup({ open: [path] });
    await commands.openProject();
    const [entry] = commands.listRecent();
    expect(entry).toMatchObject({ name: 'gone.hzw', path });
    await rm(path);
    await expect(commands.openRecent(entry!.handle)).rejects.toThrow(/was not found/);
    expect(recent()).toEqual([]);
  });

  it('reads every picked file for an import', async () => {
    await writeFile(join(folder, 'a.shp'), 'shp');
    await writeFile(join(folder, 'a.dbf'), 'dbf');
    const { commands } = setup({ open: [join(folder, 'a.shp'), join(folder, 'a.dbf')] });
    const files = await commands.pickFiles({ title: 'Import', filters: [], multiple: true });
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['a.shp', 3],
      ['a.dbf', 3],
    ]);
    const chunks = await Promise.all(
      files.map((f) => commands.readPicked({ token: f.token, offset: 0, length: f.size })),
    );
    expect(chunks.map(text)).toEqual(['shp', 'dbf']);
  });
});
