import { describeIssues } from '../../shared/domain/messages';
import { REVIEW_LIMITS, ReviewIdSchema, VersionHeaderSchema, plainText } from '../../shared/review/model';
import { ProtectedObjectSchema, ZoneSchema } from '../../shared/domain/schema';
import { commitError } from './commitError';
import type { VersionHeader } from '../../shared/review/model';
import type { VersionDelta } from './reviewStoreTypes';
import { valuesOf } from './versionStore';

/**
 * What the version writes (outsideHistory.ts) refuse before anything is written: a version needs
 * a name (plain text, at most 200 characters) and a note of at most 2 000; an imported one a valid
 * header and records the document schema accepts.
 */
const NameSchema = plainText(REVIEW_LIMITS.versionName, 1);
const NoteSchema = plainText(REVIEW_LIMITS.versionNote);

export function checkVersionText(
  kind: string,
  projectId: string,
  versionId: string,
  name: string,
  note: string,
) {
  if (!projectId || !ReviewIdSchema.safeParse(versionId).success)
    throw commitError(kind, { zh: '缺少项目或版本编号', en: 'Which project or version is missing' });
  if (!NameSchema.safeParse(name).success)
    throw commitError(kind, {
      zh: `版本名称须为 1–${REVIEW_LIMITS.versionName} 个字符的纯文本`,
      en: `A version name is plain text of 1–${REVIEW_LIMITS.versionName} characters`,
    });
  if (!NoteSchema.safeParse(note).success)
    throw commitError(kind, {
      zh: `版本说明须为不超过 ${REVIEW_LIMITS.versionNote} 个字符的纯文本`,
      en: `A version note is plain text of at most ${REVIEW_LIMITS.versionNote} characters`,
    });
}

export function checkImportedVersion(projectId: string, header: VersionHeader, overlay: VersionDelta) {
  const parsed = VersionHeaderSchema.safeParse(header);
  if (!projectId || !parsed.success) {
    const problem = parsed.success ? null : describeIssues(parsed.error, 'zh')[0];
    const en = parsed.success ? null : describeIssues(parsed.error, 'en')[0];
    throw commitError('importVersion', {
      zh: `版本记录无效${problem ? `：${problem.path} ${problem.message}` : ''}`,
      en: `Invalid version header${en ? `: ${en.path} ${en.message}` : ''}`,
    });
  }
  for (const { table, key, value } of valuesOf(overlay)) {
    const schema = table === 'objects' ? ProtectedObjectSchema : ZoneSchema;
    if (value !== null && (value.id !== key || !schema.safeParse(value).success))
      throw commitError('importVersion', {
        zh: `版本“${header.name}”中的记录 ${table}/${key} 无效`,
        en: `Record ${table}/${key} of version “${header.name}” is invalid`,
      });
  }
}
