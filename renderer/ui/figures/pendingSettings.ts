import type { FigureSettings } from '../../../shared/figures/figureSettings';

/**
 * Figure settings changed in the composer but not yet back from the store: the composer shows and
 * exports `{ ...stored, ...pending }`, so a dpi picked a moment before 导出 PNG is the dpi written
 * (the stored settings follow the commit a few frames later). A review copy stores nothing, so its
 * changes stay pending for as long as the composer is open.
 */
export type PendingSettings = Partial<FigureSettings>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The pending changes the stored settings do not carry yet. */
export function stillPending(pending: PendingSettings, stored: FigureSettings): PendingSettings {
  const left = Object.entries(pending).filter(
    ([key, value]) => !same(stored[key as keyof FigureSettings], value),
  );
  return left.length === Object.keys(pending).length
    ? pending
    : (Object.fromEntries(left) as PendingSettings);
}
