import type { Bilingual } from '../../domain/labels';
import type { Adoption, CommentStatus, SignoffState, Verdict } from '../model';

/** The words the reports use for review states (the panel's words, design §2). */
export const VERDICT_LABELS: Record<Verdict, Bilingual> = {
  approve: { zh: '同意', en: 'Approved' },
  approve_with_changes: { zh: '修改后同意', en: 'Approved with changes' },
  reject: { zh: '不同意', en: 'Rejected' },
};

export const STATUS_LABELS: Record<CommentStatus, Bilingual> = {
  open: { zh: '未解决', en: 'Open' },
  resolved: { zh: '已解决', en: 'Resolved' },
  wontfix: { zh: '不予修改', en: "Won't fix" },
};

export const ADOPTION_LABELS: Record<Adoption, Bilingual> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '不采纳', en: 'Not adopted' },
};

export const SIGNOFF_STATE_LABELS: Record<SignoffState, Bilingual> = {
  valid: { zh: '有效', en: 'Valid' },
  superseded: { zh: '已失效：内容已修改', en: 'Superseded: the content has changed' },
  unverifiable: { zh: '签署依据无法核对', en: 'Cannot be verified against any known content' },
  invalid: { zh: '无效：签署记录被改动', en: 'Invalid: the sign-off record was altered' },
};

export const CONFLICT_LABEL: Bilingual = { zh: '存在冲突', en: 'Conflict' };
export const CHANGED_SINCE_LABEL: Bilingual = { zh: '对象已修改', en: 'Changed since' };
