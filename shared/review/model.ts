import { z } from 'zod';
import { ProjectSettingsSchema } from '../domain/schema';
import type { Position } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import type { DocumentObject, DocumentZone } from '../formats/projectDocument';

/**
 * The review loop's records (审查): comment entries, decisions, sign-offs and named-version
 * headers, as the project file and the store hold them, in document ids. One schema per record;
 * every file, merge and store write checks against these limits.
 */

/** Limits on what a review record may hold (design §2). */
export const REVIEW_LIMITS = {
  text: 10_000,
  reason: 2_000,
  opinion: 10_000,
  name: 100,
  organisation: 200,
  versionName: 200,
  versionNote: 2_000,
  /** Heads an entry may name; more means a damaged or hostile file. */
  parents: 64,
  /** Review rows one project file may hold (comments + decisions + sign-offs + versions). */
  rows: 100_000,
} as const;

/** The preference (store `pref:<name>`) holding the reviewer's identity as JSON. */
export const REVIEWER_PREFERENCE = 'reviewer';

/** C0 controls other than tab, line feed and carriage return, and DEL: never in review text. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Plain text of at most `max` characters (code units) without control characters. */
export function plainText(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !FORBIDDEN_CONTROLS.test(s), { params: { code: 'control_characters' } });
}

const timestamp = z.string().datetime({ offset: true });
/** Entry, thread, record and version ids: opaque, short, printable. */
export const ReviewIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7E]+$/, 'ids are printable ASCII without spaces');
/** A record hash (recordHash, contentHash): 64 lowercase hex digits. */
export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lowercase hex');

const lon = z
  .number()
  .refine((v) => Number.isFinite(v) && v >= -180 && v <= 180, 'longitude outside −180…180');
const lat = z.number().refine((v) => Number.isFinite(v) && v >= -90 && v <= 90, 'latitude outside −90…90');
export const LonLatSchema = z.tuple([lon, lat]).transform((p): Position => [p[0], p[1]]);

export const ReviewerIdentitySchema = z.object({
  name: plainText(REVIEW_LIMITS.name, 1),
  organisation: plainText(REVIEW_LIMITS.organisation),
});
export type ReviewerIdentity = z.output<typeof ReviewerIdentitySchema>;

const part = z.number().int().min(0).max(1_000_000);
/**
 * Where a thread is pinned (root entry only). `at` is the pin's lon/lat: the clicked position, a
 * zone's interior point, an object's representative point, the vertex itself, or the point on the
 * edge at `t`. A project-wide remark has no pin.
 */
export const AnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('position'), at: LonLatSchema }),
  z.object({ kind: z.literal('zone'), zoneId: ReviewIdSchema, at: LonLatSchema }),
  z.object({ kind: z.literal('object'), objectId: ReviewIdSchema, at: LonLatSchema }),
  z.object({
    kind: z.literal('vertex'),
    zoneId: ReviewIdSchema,
    part,
    ring: part,
    index: part,
    at: LonLatSchema,
  }),
  z.object({
    kind: z.literal('edge'),
    zoneId: ReviewIdSchema,
    part,
    ring: part,
    index: part,
    t: z.number().gt(0).lt(1),
    at: LonLatSchema,
  }),
  z.object({ kind: z.literal('project'), at: z.null() }),
]);
export type Anchor = z.output<typeof AnchorSchema>;
export type AnchorKind = Anchor['kind'];

/** The record an anchor points at (null for a position or the project). */
export function anchorTarget(anchor: Anchor): { kind: 'zone' | 'object'; id: string } | null {
  switch (anchor.kind) {
    case 'zone':
    case 'vertex':
    case 'edge':
      return { kind: 'zone', id: anchor.zoneId };
    case 'object':
      return { kind: 'object', id: anchor.objectId };
    default:
      return null;
  }
}

export const COMMENT_STATUSES = ['open', 'resolved', 'wontfix'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
/** The planner's answer to a remark: 采纳 / 部分采纳 / 不采纳. */
export const ADOPTIONS = ['adopted', 'partly', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];

export const DetachedFromSchema = z.object({ kind: z.enum(['zone', 'object']), id: ReviewIdSchema });

/**
 * One immutable entry of a comment thread. The root has `entryId = threadId`, `parents []` and an
 * anchor; a reply or status change names the heads its author saw. Threads are grow-only sets of
 * entries: merging is a union by `entryId`. Loose: fields a newer version adds are kept.
 */
export const CommentEntrySchema = z
  .looseObject({
    entryId: ReviewIdSchema,
    threadId: ReviewIdSchema,
    kind: z.enum(['comment', 'status']),
    parents: z.array(ReviewIdSchema).max(REVIEW_LIMITS.parents),
    text: plainText(REVIEW_LIMITS.text),
    status: z.enum(COMMENT_STATUSES),
    adoption: z.enum(ADOPTIONS).optional(),
    author: ReviewerIdentitySchema,
    createdAt: timestamp,
    anchor: AnchorSchema.optional(),
    /** recordHash of the anchored zone or object when the entry was written. */
    targetHash: HashSchema.optional(),
    /** Where the thread pointed before its zone or object was deleted (anchor is then a position). */
    detachedFrom: DetachedFromSchema.optional(),
    /** Migrated from a version 2 file's review comment. */
    legacy: z.boolean().optional(),
  })
  .superRefine((entry, ctx) => {
    const root = entry.parents.length === 0;
    const issue = (path: string, code: string) =>
      ctx.addIssue({ code: 'custom', path: [path], params: { code } });
    if (root !== (entry.entryId === entry.threadId)) issue('parents', 'thread_root_parents');
    if (root !== Boolean(entry.anchor)) issue('anchor', 'thread_root_anchor');
    if (entry.kind === 'comment' && entry.text.length === 0) issue('text', 'comment_text_required');
  });
export type CommentEntry = z.output<typeof CommentEntrySchema>;

export const VERDICTS = ['approve', 'approve_with_changes', 'reject'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A verdict on one object or zone (同意 / 修改后同意 / 不同意). Append-only; the current verdict
 * per target is the newest per organisation. `parents`: the decisions on this target its author saw.
 */
export const DecisionSchema = z.looseObject({
  entryId: ReviewIdSchema,
  target: z.object({ kind: z.enum(['object', 'zone']), id: ReviewIdSchema }),
  verdict: z.enum(VERDICTS),
  reason: plainText(REVIEW_LIMITS.reason),
  author: ReviewerIdentitySchema,
  createdAt: timestamp,
  parents: z.array(ReviewIdSchema).max(REVIEW_LIMITS.parents).default([]),
  targetHash: HashSchema,
});
export type Decision = z.output<typeof DecisionSchema>;

export const CONTENT_HASH_ALGORITHM = 'hzw-content/1';

/** A whole-file sign-off bound to the content hash of the reviewed objects and zones, sealed. */
const SignoffBodySchema = z.looseObject({
  entryId: ReviewIdSchema,
  reviewer: plainText(REVIEW_LIMITS.name, 1),
  organisation: plainText(REVIEW_LIMITS.organisation),
  signedAt: timestamp,
  verdict: z.enum(VERDICTS),
  opinion: plainText(REVIEW_LIMITS.opinion),
  contentHash: HashSchema,
  algorithm: z.literal(CONTENT_HASH_ALGORITHM),
  objects: z.number().int().min(0),
  zones: z.number().int().min(0),
});
export const SignoffSchema = SignoffBodySchema.extend({ seal: HashSchema });
export type Signoff = z.output<typeof SignoffSchema>;
/** A sign-off before contentHash.ts#seal adds its seal. */
export type UnsealedSignoff = z.output<typeof SignoffBodySchema>;

/** Derived, never stored: see contentHash.ts#signoffState. */
export type SignoffState = 'valid' | 'superseded' | 'unverifiable' | 'invalid';

export const VERSION_ORIGINS = ['planner', 'review', 'file'] as const;

/** A named version (版本) as the file and the store describe it; its records are stored apart. */
export const VersionHeaderSchema = z.looseObject({
  versionId: ReviewIdSchema,
  seq: z.number().int().min(0),
  name: plainText(REVIEW_LIMITS.versionName, 1),
  note: plainText(REVIEW_LIMITS.versionNote).default(''),
  createdAt: timestamp,
  author: ReviewerIdentitySchema.nullable().default(null),
  contentHash: HashSchema,
  settings: ProjectSettingsSchema.optional(),
  counts: z.object({ objects: z.number().int().min(0), zones: z.number().int().min(0) }),
  origin: z.enum(VERSION_ORIGINS),
});
export type VersionHeader = z.output<typeof VersionHeaderSchema>;

/** What a comment pin on the map shows (PlanMap.setComments). */
export interface CommentPin {
  threadId: string;
  /** The thread's number in the list (1-based), drawn on the pin. */
  number: number;
  at: Position;
  status: CommentStatus;
  conflict: boolean;
  selected: boolean;
}

export const VERDICT_LABELS: Record<Verdict, Bilingual> = {
  approve: { zh: '同意', en: 'Approved' },
  approve_with_changes: { zh: '修改后同意', en: 'Approved with changes' },
  reject: { zh: '不同意', en: 'Rejected' },
};
export const COMMENT_STATUS_LABELS: Record<CommentStatus, Bilingual> = {
  open: { zh: '未解决', en: 'Open' },
  resolved: { zh: '已解决', en: 'Resolved' },
  wontfix: { zh: '不予处理', en: "Won't fix" },
};
export const ADOPTION_LABELS: Record<Adoption, Bilingual> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '不采纳', en: 'Not adopted' },
};
export const SIGNOFF_STATE_LABELS: Record<SignoffState, Bilingual> = {
  valid: { zh: '有效', en: 'Valid' },
  superseded: { zh: '已失效：内容已修改', en: 'Superseded: the content has changed' },
  unverifiable: { zh: '签署依据无法核对', en: 'Cannot be verified' },
  invalid: { zh: '无效：签署记录被改动', en: 'Invalid: the sign-off was altered' },
};

/** The review records a project file or a merge carries, in document ids. */
export interface ReviewContent {
  comments: CommentEntry[];
  decisions: Decision[];
  signoffs: Signoff[];
}
export const NO_REVIEW: ReviewContent = { comments: [], decisions: [], signoffs: [] };

/** One record of a named version where it differs from the file's document; null = absent then. */
export type VersionFileRecord =
  | { table: 'objects'; id: string; value: DocumentObject | null }
  | { table: 'zones'; id: string; value: DocumentZone | null };

/** A named version as a file holds it: header + reverse delta against the file's document. */
export interface FileVersion {
  header: VersionHeader;
  records: VersionFileRecord[];
}
