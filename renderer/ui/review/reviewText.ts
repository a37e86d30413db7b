import type { Bilingual, Lang } from '../../../shared/domain/labels';
import { useLang } from '../hooks/useLang';

/** The review panel's wording in both languages; every control's accessible name comes from here. */
export const REVIEW_TEXT = {
  panel: { zh: '审查', en: 'Review' },
  comments: { zh: '审阅意见', en: 'Comments' },
  noComments: {
    zh: '暂无审阅意见。用“批注”工具（N）点击地图添加。',
    en: 'No comments yet. Click the map with the Comment tool (N) to add one.',
  },
  newComment: { zh: '新意见', en: 'New comment' },
  commentText: { zh: '意见内容', en: 'Comment text' },
  send: { zh: '发送', en: 'Send' },
  cancel: { zh: '取消', en: 'Cancel' },
  reply: { zh: '回复', en: 'Reply' },
  replyText: { zh: '回复内容', en: 'Reply text' },
  adoption: { zh: '采纳情况', en: 'Adoption' },
  noAdoption: { zh: '（不表态）', en: '(none)' },
  resolve: { zh: '标为已解决', en: 'Resolve' },
  wontfix: { zh: '不予处理', en: 'Won’t fix' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  filterStatus: { zh: '按状态筛选', en: 'Filter by status' },
  filterAuthor: { zh: '按作者筛选', en: 'Filter by author' },
  filterObject: { zh: '按保护对象筛选', en: 'Filter by object' },
  all: { zh: '全部', en: 'All' },
  conflict: { zh: '冲突', en: 'Conflict' },
  conflictHint: {
    zh: '两处分别作了不同处理（如一处已解决、另一处仍在回复），各分支按时间列出',
    en: 'Handled differently in two places (e.g. resolved on one side, answered on the other); both branches are listed by time',
  },
  targetChanged: { zh: '对象已修改', en: 'Changed since' },
  detached: { zh: '区划已删除', en: 'Zone deleted' },
  thread: { zh: '意见详情', en: 'Comment thread' },
  decisions: { zh: '审查结论', en: 'Verdicts' },
  verdict: { zh: '结论', en: 'Verdict' },
  reason: { zh: '理由', en: 'Reason' },
  decide: { zh: '提交结论', en: 'Give verdict' },
  decisionFor: { zh: '结论：', en: 'Verdict on ' },
  noVerdict: { zh: '尚无结论', en: 'No verdict yet' },
  signoff: { zh: '签署', en: 'Sign off' },
  signoffState: { zh: '签署状态', en: 'Sign-off' },
  notSigned: { zh: '未签署', en: 'Not signed' },
  signoffTitle: { zh: '签署审查意见', en: 'Sign off the review' },
  opinion: { zh: '审查意见（总体）', en: 'Overall opinion' },
  sign: { zh: '签署', en: 'Sign' },
  showChanges: { zh: '查看变化', en: 'Show changes' },
  changesSince: { zh: '签署后的变化', en: 'Changes since the sign-off' },
  identityTitle: { zh: '审阅人信息', en: 'Reviewer' },
  identityHint: {
    zh: '意见与结论会署上此姓名和单位（只需设置一次，保存在本机）',
    en: 'Comments and verdicts carry this name and organisation (set once, kept on this computer)',
  },
  reviewerName: { zh: '姓名', en: 'Name' },
  reviewerOrganisation: { zh: '单位', en: 'Organisation' },
  save: { zh: '确定', en: 'OK' },
  editIdentity: { zh: '审阅人…', en: 'Reviewer…' },
  mergeReview: { zh: '合并审查意见', en: 'Merge review' },
  commentOnObject: { zh: '对此保护对象批注', en: 'Comment on this object' },
  commentOnProject: { zh: '对整个项目批注', en: 'Comment on the project' },
  position: { zh: '地图位置', en: 'Map position' },
  project: { zh: '整个项目', en: 'Whole project' },
  vertex: { zh: '节点', en: 'vertex' },
  edge: { zh: '边', en: 'edge' },
  zone: { zh: '区划', en: 'Zone' },
  object: { zh: '保护对象', en: 'Object' },
} satisfies Record<string, Bilingual>;
export type ReviewTextKey = keyof typeof REVIEW_TEXT;

/** "name（organisation）" in Chinese, "name (organisation)" in English; just the name without one. */
export function withOrganisation(name: string, organisation: string, lang: Lang): string {
  if (!organisation) return name;
  return lang === 'zh' ? `${name}（${organisation}）` : `${name} (${organisation})`;
}

/** "label：value" / "label: value". */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`;
}

/** The review wording in the UI language. */
export function useReviewText(): { lang: Lang; r: (key: ReviewTextKey) => string } {
  const { lang } = useLang();
  return { lang, r: (key) => REVIEW_TEXT[key][lang] };
}
