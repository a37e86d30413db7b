import { z } from 'zod';
import { CommentEntrySchema, DecisionSchema, SignoffSchema } from '../../shared/review/model';
import { describeIssues } from '../../shared/domain/messages';
import { ProjectSchema, ProtectedObjectSchema, ZoneSchema, type Zone } from '../../shared/domain/schema';
import { polygonProblemMessage, validateGeometry } from '../../shared/geometry/validatePolygon';
import { CommitError } from './commitError';
import { reviewRecordKey, type Put, type TableName, type TableRecords } from './records';

/**
 * A review record is its model entry (shared/review/model.ts, loose: a newer version's fields are
 * kept) plus where the store keeps it: the project, and the key `<projectId>/<entryId>`.
 */
function reviewRecord(
  entry: z.ZodType,
  extra: (record: Record<string, unknown>) => string | null = () => null,
) {
  return z
    .looseObject({ id: z.string(), projectId: z.string().min(1) })
    .superRefine((record, ctx) => {
      if (record.id !== reviewRecordKey(record.projectId, String(record.entryId)))
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: 'the key of a review record is <projectId>/<entryId>',
        });
      const problem = extra(record);
      if (problem) ctx.addIssue({ code: 'custom', path: [], message: problem });
    })
    .pipe(entry as z.ZodType<unknown, { id: string; projectId: string }>);
}

const SCHEMAS: Record<TableName, z.ZodType> = {
  projects: ProjectSchema,
  objects: ProtectedObjectSchema,
  zones: ZoneSchema,
  comments: reviewRecord(CommentEntrySchema),
  decisions: reviewRecord(DecisionSchema, (d) =>
    d.targetId === (d.target as { id?: unknown } | undefined)?.id ? null : 'targetId repeats target.id',
  ),
  signoffs: reviewRecord(SignoffSchema),
};

/**
 * Every record passes the domain schema — and every zone the polygon validity rules — before it
 * is written: the store never holds a record the forms or exports would refuse. Returns the
 * parsed record (defaults filled in).
 */
export function validatePut<T extends TableName>(
  table: T,
  key: string,
  value: TableRecords[T],
): TableRecords[T] {
  const result = SCHEMAS[table].safeParse(value);
  if (!result.success) {
    const zh = describeIssues(result.error, 'zh');
    const en = describeIssues(result.error, 'en');
    throw new CommitError(
      zh.map((problem, i) => ({
        subject: `${table}/${key}${problem.path ? ` ${problem.path}` : ''}`,
        message: { zh: problem.message, en: en[i]?.message ?? problem.message },
      })),
    );
  }
  const record = result.data as TableRecords[T] & { id: string };
  if (record.id !== key) throw new Error(`record key ${key} does not match its id ${record.id}`);
  if (table === 'zones') {
    const { errors } = validateGeometry((record as unknown as Zone).geometry);
    if (errors.length) {
      throw new CommitError(
        errors.slice(0, 5).map((e) => ({ subject: '', message: polygonProblemMessage(e) })),
        { zh: '边界无效，未保存', en: 'Invalid boundary: not saved' },
      );
    }
  }
  return record;
}

export function validatePuts(puts: readonly Put[]): Put[] {
  return puts.map((put) =>
    put.value === null ? put : ({ ...put, value: validatePut(put.table, put.key, put.value) } as Put),
  );
}
