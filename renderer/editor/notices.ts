import type { Bilingual } from '../../shared/domain/labels';

/** How many of a notice's problems are listed before the rest folds into "N more". */
export const NOTICE_LINES = 3;

export interface NoticeLines {
  /** The problems listed right away. */
  shown: Bilingual[];
  /** The rest, behind an expandable "N more" (empty when everything fits). */
  folded: Bilingual[];
  /** "12 处问题 / 12 problems" when the list is long enough to fold, else null. */
  count: Bilingual | null;
  /** The label of the fold, e.g. "另 9 处 / 9 more". */
  more: Bilingual | null;
}

/**
 * A notice's problem list, capped: one line per bad input line must not cover the window, so a
 * long list shows its count and first lines, the rest on demand.
 */
export function noticeLines(details: readonly Bilingual[] = []): NoticeLines {
  if (details.length <= NOTICE_LINES + 1) return { shown: [...details], folded: [], count: null, more: null };
  const folded = details.slice(NOTICE_LINES);
  return {
    shown: details.slice(0, NOTICE_LINES),
    folded,
    count: { zh: `共 ${details.length} 处问题`, en: `${details.length} problems` },
    more: { zh: `展开其余 ${folded.length} 处`, en: `Show ${folded.length} more` },
  };
}
