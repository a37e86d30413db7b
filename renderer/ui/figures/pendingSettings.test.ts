import { describe, expect, it } from 'vitest';
import { FigureSettingsSchema } from '../../../shared/figures/figureSettings';
import { stillPending } from './pendingSettings';

const stored = FigureSettingsSchema.parse({});

describe('figure settings pending in the composer', () => {
  it('keep a change until the stored settings carry it, then leave', () => {
    const pending = { dpi: 150 as const, paper: 'A1' as const };
    // The store has the dpi but not yet the paper: only the paper is still pending.
    expect(stillPending(pending, { ...stored, dpi: 150 })).toEqual({ paper: 'A1' });
    expect(stillPending(pending, { ...stored, dpi: 150, paper: 'A1' })).toEqual({});
  });

  it('compare nested values by content, and return the same object when nothing left', () => {
    const titleBlock = { ...stored.titleBlock, organisation: '某某规划设计研究院' };
    const pending = { titleBlock };
    expect(stillPending(pending, stored)).toBe(pending);
    expect(stillPending(pending, { ...stored, titleBlock: { ...titleBlock } })).toEqual({});
  });
});
