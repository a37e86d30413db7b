import { describe, expect, it } from 'vitest';
import { NOTICE_LINES, noticeLines } from './notices';

const problem = (i: number) => ({ zh: `第 ${i} 行：坐标不是数字`, en: `line ${i}: not a number` });

describe('a notice’s problem list', () => {
  it('lists a few problems in full', () => {
    const four = [1, 2, 3, 4].map(problem);
    expect(noticeLines(four)).toEqual({ shown: four, folded: [], count: null, more: null });
  });

  it('caps a long list: the count, the first lines, the rest folded but kept', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => problem(i + 1));
    const lines = noticeLines(twelve);
    expect(lines.shown).toHaveLength(NOTICE_LINES);
    expect([...lines.shown, ...lines.folded]).toEqual(twelve);
    expect(lines.count).toEqual({ zh: '共 12 处问题', en: '12 problems' });
    expect(lines.more?.en).toBe(`Show ${12 - NOTICE_LINES} more`);
  });
});
