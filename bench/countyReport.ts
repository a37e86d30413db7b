import { fmt, machine } from './report';

/** What bench/county.bench.ts measures, and its table in docs/benchmarks.md. */
export interface Gesture {
  moves: number;
  frameMedian: number;
  longest: number;
  mainPerMove: number;
  /** Per move after the gesture's mark (a drag's moves after its press and first two moves). */
  steadyPerMove?: number;
  rendersPerMove: number;
  statusBarPerMove: number;
}

/** The import's steps (ms, the page's clock; bench/countyImport.ts, the app's hzw:import-* marks). */
export interface ImportSteps {
  /** File set in the chooser → the page holds its bytes and starts the import. */
  chosenToFiles: number;
  /** → the preview is shown, its accept button enabled (the worker parsed and mapped the file). */
  filesToPreview: number;
  /** → accept clicked (the bench's own latency). */
  previewToAccept: number;
  /** → the worker's commit is durable (one IndexedDB transaction). */
  acceptToCommitted: number;
  /** → the map's data-zones counts every zone (the mirror read the commit back, the map drew). */
  committedToListed: number;
}

export interface Result {
  /** The machine's 1-minute load average when the scenario ended (2 cores: above 2 means waiting). */
  load: number;
  bytes: number;
  zones: number;
  read?: number;
  drawn?: number;
  listed?: number;
  openLongest?: number;
  /** Elements in the page once the project is open (closed dialogs and unvirtualised lists show here). */
  elements?: number;
  pan?: Gesture;
  hover?: Gesture;
  drag?: Gesture;
  /** File chosen in the import dialog → every zone on the map (ms), preview and accept included. */
  importMs?: number;
  importSteps?: ImportSteps;
  /** References in the same page: JSON.parse of the file, one IndexedDB transaction of its features. */
  parseMs?: number;
  writeMs?: number;
  editMain?: number;
  mapPatch?: number;
  heapMB?: number;
  /** JS heap after GC of the same page with the new, empty project, before the import. */
  baseHeapMB?: number;
}

const STEPS: [keyof ImportSteps, string][] = [
  ['chosenToFiles', 'file chosen → bytes in the page'],
  ['filesToPreview', '→ preview shown (worker parsed and mapped)'],
  ['previewToAccept', '→ accept clicked'],
  ['acceptToCommitted', '→ committed in the worker (IndexedDB)'],
  ['committedToListed', '→ every zone on the map (mirror read-back, draw)'],
];

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : fmt(v));
const perMove = (g: Gesture | undefined, key: keyof Gesture) => (g ? ms(g[key]) : '—');

/** The county bench's table: one column per scenario measured so far. */
export function report(results: Result[], names: readonly string[], large: number): string {
  const scenarios = names.slice(0, results.length).map((name) => ({ name }));
  const cols = (f: (r: Result) => string) => results.map(f).join(' | ');
  const head = `| measure | goal | ${scenarios.map((s) => s.name).join(' | ')} |`;
  const rows = [
    head,
    `|---|---|${scenarios.map(() => '---').join('|')}|`,
    `| GeoJSON imported | | ${cols((r) => (r.bytes ? `${(r.bytes / 1e6).toFixed(1)} MB` : '—'))} |`,
    `| import: file chosen → preview → accepted → every zone on the map | | ${cols((r) => ms(r.importMs))} |`,
    ...STEPS.map(([key, label]) => `| import step: ${label} | | ${cols((r) => ms(r.importSteps?.[key]))} |`),
    `| reference: JSON.parse of the file in the page | | ${cols((r) => ms(r.parseMs))} |`,
    `| reference: IndexedDB write of its features (one transaction) | | ${cols((r) => ms(r.writeMs))} |`,
    `| import ÷ (parse + write) | ≤ 2× | ${cols((r) => (r.importMs && r.parseMs !== undefined && r.writeMs !== undefined ? `${(r.importMs / (r.parseMs + r.writeMs)).toFixed(2)}×` : '—'))} |`,
    `| reload → project read from IndexedDB (mirror filled) | | ${cols((r) => ms(r.read))} |`,
    `| store read → zones drawn (first complete render) | ≤ 1 s | ${cols((r) => ms(r.drawn! - r.read!))} |`,
    `| reload → object tree lists rows | | ${cols((r) => ms(r.listed))} |`,
    `| longest main-thread task while opening | | ${cols((r) => ms(r.openLongest))} |`,
    `| DOM elements in the page once open | | ${cols((r) => (r.elements === undefined ? '—' : r.elements.toLocaleString('en')))} |`,
    `| pan: frame interval, median | ≤ 16 ms | ${cols((r) => perMove(r.pan, 'frameMedian'))} |`,
    `| pan: renderer CPU time per pointer move (CDP TaskDuration) | | ${cols((r) => perMove(r.pan, 'mainPerMove'))} |`,
    `| pan: longest task | ≤ 50 ms | ${cols((r) => perMove(r.pan, 'longest'))} |`,
    `| hover: frame interval, median | ≤ 16 ms | ${cols((r) => perMove(r.hover, 'frameMedian'))} |`,
    `| hover: renderer CPU time per pointer move (CDP TaskDuration) | | ${cols((r) => perMove(r.hover, 'mainPerMove'))} |`,
    `| hover: longest task | ≤ 50 ms | ${cols((r) => perMove(r.hover, 'longest'))} |`,
    `| vertex drag on a ${large}-vertex zone: renderer CPU time per pointer move (CDP TaskDuration) | ≤ 8 ms | ${cols((r) => perMove(r.drag, 'mainPerMove'))} |`,
    `| vertex drag: renderer CPU time per pointer move after the first two (press and start left out) | | ${cols((r) => perMove(r.drag, 'steadyPerMove'))} |`,
    `| vertex drag: frame interval, median | ≤ 16 ms | ${cols((r) => perMove(r.drag, 'frameMedian'))} |`,
    `| vertex drag: longest task | ≤ 50 ms | ${cols((r) => perMove(r.drag, 'longest'))} |`,
    `| edit → map: the map's patch of the committed zone (main thread) | ≤ 16 ms | ${cols((r) => ms(r.mapPatch))} |`,
    `| edit → map: renderer CPU time from release to patched (commit on the page, read-back, patch) | | ${cols((r) => ms(r.editMain))} |`,
    `| React renders of panels per pointer move (pan / hover / drag) | 0 | ${cols((r) => [r.pan, r.hover, r.drag].map((g) => (g ? g.rendersPerMove.toFixed(2) : '—')).join(' / '))} |`,
    `| status-bar renders per pointer move (pan / hover) | | ${cols((r) => [r.pan, r.hover].map((g) => (g ? g.statusBarPerMove.toFixed(2) : '—')).join(' / '))} |`,
    `| machine load (1-minute load average at the end; the machine has 2 cores) | | ${cols((r) => r.load.toFixed(1))} |`,
    `| JS heap after GC, array buffers included | | ${cols((r) => `${r.heapMB!.toFixed(0)} MB`)} |`,
    `| JS heap (array buffers included) of the same page with the new, empty project (before the import) | | ${cols((r) => (r.baseHeapMB === undefined ? '—' : `${r.baseHeapMB.toFixed(0)} MB`))} |`,
    `| heap above the empty project ÷ GeoJSON size | ≤ 2.5× | ${cols((r) => (r.bytes ? `${((r.heapMB! - r.baseHeapMB!) / (r.bytes / 1024 / 1024)).toFixed(2)}×` : '—'))} |`,
  ];
  const text = [
    `Command: \`npm run bench\` (Playwright, \`bench/county.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; one run per scenario, each in a fresh headless Chromium (software rendering, no GPU) with an on-disk profile, 1400×900; the project is imported through the import dialog, then the page is reloaded and reopens it.`,
    `Machine: ${machine()}.`,
    '',
    ...rows,
  ].join('\n');
  return text;
}
