import type { Bilingual } from '../../../shared/domain/labels';
import type { MergePlan } from '../../../shared/review/mergePlan';
import { planSize } from '../../../shared/review/mergePlan';

/** What the planner reads about a merge of a returned review (合并审查意见). */

export const REVIEW_COPY_REFUSAL: Bilingual = {
  zh: '审阅副本不能合并审查意见，请在自己的项目（或工作副本）中合并',
  en: 'A review copy cannot take in a review; merge it into your own project (or a working copy)',
};

const short = (uid: string | null) => (uid ? uid.slice(0, 8) : '—');

/** A file of another project (or a version 2 file, which names none): nothing is merged. */
export function notOurProject(
  fileName: string,
  names: { file: string; ours: string },
  fileUid: string | null,
  ourUid: string,
): Bilingual {
  if (fileUid === null)
    return {
      zh: `${fileName} 未记录项目标识（旧版项目文件），无法确认属于本项目，未合并任何内容；可将其以审阅副本打开并比较`,
      en: `${fileName} records no project id (an older project file), so it cannot be matched to this project; nothing was merged. Open it as a review copy and compare instead`,
    };
  return {
    zh: `此审查文件不是本项目的（项目标识不符），未合并任何内容：${fileName} 属于“${names.file}”（${short(fileUid)}），当前项目为“${names.ours}”（${short(ourUid)}）`,
    en: `This review file belongs to another project (the project ids differ); nothing was merged: ${fileName} is “${names.file}” (${short(fileUid)}), the open project is “${names.ours}” (${short(ourUid)})`,
  };
}

export function mergeNotice(fileName: string, plan: MergePlan): Bilingual {
  if (planSize(plan) === 0 && plan.conflicts.length === 0)
    return { zh: `${fileName}：没有新的审查内容`, en: `${fileName}: nothing new in this review` };
  const { comments, decisions, signoffs } = plan.add;
  const n = { c: comments.length, d: decisions.length, s: signoffs.length, x: plan.conflicts.length };
  const changed = plan.changedSince.length;
  const detached = plan.detached.length;
  return {
    zh:
      `已合并 ${fileName}：新增意见 ${n.c}、结论 ${n.d}、签署 ${n.s}；冲突 ${n.x}；已修改区划上的意见 ${changed}` +
      (detached ? `；区划已删除 ${detached}` : ''),
    en:
      `Merged ${fileName}: ${n.c} comment entries, ${n.d} decisions, ${n.s} sign-offs added; ${n.x} conflicts; ${changed} on zones changed since review` +
      (detached ? `; ${detached} on deleted zones` : ''),
  };
}
