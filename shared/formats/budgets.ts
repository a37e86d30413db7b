import type { Bilingual } from '../domain/labels';
import { FormatError, fileProblem } from './formatError';

/**
 * How much work one input file may make, decided here and nowhere else (docs/formats.md,
 * "Budgets"). A small hostile file must not buy unbounded memory or time: readers count what
 * they build against these numbers and refuse the file with a BudgetError naming the budget, so
 * the worker never reaches its own memory or time limit. Real planning data stays far below each
 * number (the largest real inputs we know hold ~100 000 features; a drawing's arcs at 5 cm make a few
 * hundred thousand vertices).
 */
export const BUDGETS = {
  /** Records, rows or features one file may hold (a .shp, a GeoPackage table…). */
  recordsPerFile: 1_000_000,
  /** Vertices curves (bulges, arcs, circles, ellipses, splines, curved WKB) may become, per file. */
  curveVerticesPerFile: 2_000_000,
  /** Point-against-edge tests ring assembly may spend per file (shells and holes by containment). */
  ringTestsPerFile: 50_000_000,
  /** Bytes SQLite may allocate while a GeoPackage or project file is read (PRAGMA hard_heap_limit). */
  sqliteHeapBytes: 512 * 1024 * 1024,
  /**
   * Memory (resident set) of the `hzw` process at which its worker is stopped, polled from the
   * main thread: it counts buffers and SQLite's wasm memory too, and stops a worker cleanly
   * before V8 reaches the heap limit below (which can end the whole process instead).
   */
  cliMemoryBytes: 1.75 * 1024 ** 3,
  /** Heap of the `hzw` command line's worker (node:worker_threads resourceLimits), MB. */
  cliWorkerHeapMb: 2048,
  /** Longest a `hzw` command's worker may run before it is stopped, ms. */
  cliWorkerDeadlineMs: 10 * 60 * 1000,
  /** Bytes the web-mode job worker's page may use before the job is stopped (where measurable). */
  webJobMemoryBytes: 3 * 1024 * 1024 * 1024,
} as const;

export type BudgetName = 'records' | 'curveVertices' | 'ringTests';

const TEXT: Record<BudgetName, (limit: number) => Bilingual> = {
  records: (n) => ({
    zh: `记录数超过每个文件 ${n.toLocaleString('en')} 条的上限，已停止读取`,
    en: `holds more than ${n.toLocaleString('en')} records, the limit per file; reading stopped`,
  }),
  curveVertices: (n) => ({
    zh: `曲线（圆弧、圆、椭圆、样条）加密后超过每个文件 ${n.toLocaleString('en')} 个顶点的上限，已停止读取`,
    en: `its curves (arcs, circles, ellipses, splines) densify past ${n.toLocaleString('en')} vertices, the limit per file; reading stopped`,
  }),
  ringTests: (n) => ({
    zh: `环的内外关系判断超过每个文件 ${n.toLocaleString('en')} 次的上限（大量环的外包框重叠），已停止读取`,
    en: `sorting its rings into shells and holes takes more than ${n.toLocaleString('en')} tests, the limit per file (many rings share one extent); reading stopped`,
  }),
};

/** A file refused because reading it would cost more than a budget allows. */
export class BudgetError extends FormatError {
  constructor(
    file: string,
    readonly budget: BudgetName,
  ) {
    const limit = LIMITS[budget];
    const reason = TEXT[budget](limit);
    super(file, [fileProblem('', { zh: `${file}：${reason.zh}`, en: `${file}: ${reason.en}` })]);
    this.name = 'BudgetError';
  }
}

const LIMITS: Record<BudgetName, number> = {
  records: BUDGETS.recordsPerFile,
  curveVertices: BUDGETS.curveVerticesPerFile,
  ringTests: BUDGETS.ringTestsPerFile,
};

/** What one file's read has spent so far; `spend` throws a BudgetError past a limit. */
export class FileBudget {
  private readonly spent: Record<BudgetName, number> = { records: 0, curveVertices: 0, ringTests: 0 };
  constructor(readonly file: string) {}

  spend(budget: BudgetName, amount: number): void {
    this.spent[budget] += amount;
    if (this.spent[budget] > LIMITS[budget]) throw new BudgetError(this.file, budget);
  }

  /** Refuse a count that by itself exceeds a limit (a second pass over what was already spent). */
  check(budget: BudgetName, total: number): void {
    if (total > LIMITS[budget]) throw new BudgetError(this.file, budget);
  }
}

/**
 * The budget of the file being read. Readers are synchronous, so one active budget at a time is
 * exact; code deep in geometry (arc densification) spends from it without every caller passing
 * it along. Outside a read (editing, buffers) nothing is active and nothing is counted.
 */
let active: FileBudget | null = null;

export function withFileBudget<T>(file: string, read: (budget: FileBudget) => T): T {
  const outer = active;
  const budget = new FileBudget(file);
  active = budget;
  try {
    return read(budget);
  } finally {
    active = outer;
  }
}

/** Spend from the active file budget, if any. */
export function spendActive(budget: BudgetName, amount: number): void {
  active?.spend(budget, amount);
}
