import type { Bilingual } from '../../domain/labels';

/** The model's words for verdicts, statuses, 采纳 and sign-off states (one definition each). */
export {
  ADOPTION_LABELS,
  COMMENT_STATUS_LABELS as STATUS_LABELS,
  SIGNOFF_STATE_LABELS,
  VERDICT_LABELS,
} from '../model';

export const CONFLICT_LABEL: Bilingual = { zh: '存在冲突', en: 'Conflict' };
export const CHANGED_SINCE_LABEL: Bilingual = { zh: '对象已修改', en: 'Changed since' };
