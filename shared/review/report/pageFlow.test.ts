import { describe, expect, it } from 'vitest';
import { textWidthMm } from '../../figures/font/textMetrics';
import { figureFont } from '../../figures/font/testFont.test';
import { A4, PageFlow } from './pageFlow';

const measure = (str: string, sizePt: number) => textWidthMm(figureFont(), str, sizePt);

describe('PageFlow', () => {
  it('keeps every line of a very long table cell on a page and within the margins', () => {
    const reason = '东侧边界应沿现状道路中线调整并补充依据。'.repeat(100); // 2 000 characters
    const flow = new PageFlow(measure, '审查意见');
    flow.heading('二、审查结论');
    flow.table(
      [
        { title: '对象', weight: 4 },
        { title: '理由', weight: 1 },
      ],
      [['巴音沟承化寺', reason]],
    );
    const pages = flow.pages();
    expect(pages.length).toBeGreaterThan(2);
    let shown = '';
    for (const page of pages)
      for (const op of page.ops) {
        if (op.op !== 'text') continue;
        expect(op.yMm).toBeGreaterThan(5);
        expect(op.yMm).toBeLessThan(A4.heightMm - 10);
        expect(op.xMm + (op.anchor === 'start' ? measure(op.str, op.sizePt) : 0)).toBeLessThanOrEqual(
          A4.widthMm - 15 + 0.01,
        );
        // The reason column starts 4/5 of the way across the text width.
        if (op.xMm > 15 + 0.8 * (A4.widthMm - 30) - 0.01 && op.anchor === 'start' && op.str !== '理由')
          shown += op.str;
      }
    expect(shown).toContain(reason);
    expect(
      pages
        .at(-1)!
        .ops.some((op) => op.op === 'text' && op.str === `第 ${pages.length} 页 / 共 ${pages.length} 页`),
    ).toBe(true);
  });
});
