import { z } from 'zod';
import type { Bilingual, Lang } from './labels';
import { boundaryPlace, issueWording } from './issueWording';
import { TEMPLATE_PROBLEMS } from '../tiles/templateProblems';

/**
 * Messages for the rules our schema and validators add, by code. Parameters are filled in from
 * `{name}` placeholders. Zod's own checks (too long, not a number…) use zod's zh-CN / en locales.
 */
export const MESSAGES = {
  name_required: { zh: '名称不能为空', en: 'A name is required' },
  date_format: { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  xzqdm_format: {
    zh: '行政区划代码应为6位、9位或12位数字',
    en: 'The administrative code has 6, 9 or 12 digits',
  },
  xyz_url_format: {
    zh: '在线底图须为不需密钥的 XYZ 瓦片地址（含 {z}、{x}、{y}）；WMTS 或需密钥的服务请在“图层”中添加',
    en: 'The online basemap must be an XYZ tile URL without a key (with {z}, {x}, {y}); add WMTS services and services with keys in the layers panel',
  },
  ...TEMPLATE_PROBLEMS,
  ccz_class_only_for_ccz: {
    zh: '只有建设控制地带可以分类',
    en: 'Only a construction-control zone has a class',
  },
  same_as_range_only_for_ccz: {
    zh: '只有建设控制地带可以“同保护范围”',
    en: 'Only a construction-control zone can be “same as the protection range”',
  },
  category_only_for_relics: {
    zh: '文物类别只适用于文物保护单位',
    en: 'A relic category applies to cultural relic units only',
  },
  control_characters: { zh: '文字中不能含控制字符', en: 'Text may not contain control characters' },
  thread_root_parents: {
    zh: '只有意见的第一条没有上级条目',
    en: 'Only the first entry of a thread has no parents',
  },
  thread_root_anchor: {
    zh: '意见的第一条须有位置，回复不能有',
    en: 'The first entry of a thread is pinned; replies are not',
  },
  comment_text_required: { zh: '意见内容不能为空', en: 'A comment needs text' },
} satisfies Record<string, Bilingual>;
export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export interface FieldProblem {
  /** Dotted path of the field, e.g. `approval.date`; empty for the whole record. */
  path: string;
  message: string;
  /** The place in a planner's words when the path is inside a boundary ("ring 1, vertex 3"). */
  place?: string;
}

const locales: Record<Lang, () => { localeError: z.core.$ZodErrorMap }> = {
  zh: z.locales.zhCN,
  en: z.locales.en,
};

/**
 * Turn a zod error into field problems worded in the UI language: our rules by code, then the
 * planner's wording (issueWording.ts), zod's locale only for what neither covers.
 */
export function describeIssues(error: z.ZodError, lang: Lang): FieldProblem[] {
  const localeError = locales[lang]().localeError;
  return error.issues.map((issue) => {
    const params = (issue as { params?: Record<string, string> }).params ?? {};
    const code = params.code;
    const plain = issueWording(issue);
    const text =
      code && code in MESSAGES
        ? message(code as MessageCode, lang, params)
        : plain
          ? plain[lang]
          : String(localeError(issue as unknown as Parameters<typeof localeError>[0]) ?? issue.message);
    const place = boundaryPlace(issue.path)?.[lang];
    return {
      path: issue.path.join('.'),
      message: typeof text === 'string' ? text : issue.message,
      ...(place && { place }),
    };
  });
}
