import { ZONE_TYPE_LABELS } from '../domain/taxonomy';
import { contentHash, signoffState } from '../review/contentHash';
import {
  ADOPTION_LABELS,
  COMMENT_STATUS_LABELS,
  SIGNOFF_STATE_LABELS,
  VERDICT_LABELS,
  anchorTarget,
  type FileVersion,
  type ReviewContent,
} from '../review/model';
import { summarizeThread, threadsOf } from '../review/threads';
import { createProperties, setProperty, type FieldDef, type Layer, type Properties } from './layer';
import type { ProjectDocument } from './projectDocument';

/**
 * The readable side of the review records (project file v3): `review_comments` (points at the
 * thread's pin, one row per entry), `review_decisions`, `review_signoffs`, `review_versions`.
 * Written for QGIS and GDAL, never read back.
 */
const text = (name: string): FieldDef => ({ name, type: 'string' });
const integer = (name: string): FieldDef => ({ name, type: 'integer' });

function properties(values: Record<string, string | number | null>): Properties {
  const out = createProperties();
  for (const [key, value] of Object.entries(values)) setProperty(out, key, value);
  return out;
}

/** Object name and zone-type label of an anchored or decided record. */
function describer(document: ProjectDocument) {
  const zones = new Map(document.zones.map((z) => [z.id, z]));
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  return (target: { kind: 'zone' | 'object'; id: string } | null) => {
    const zone = target?.kind === 'zone' ? zones.get(target.id) : undefined;
    const objectId = zone?.objectId ?? (target?.kind === 'object' ? target.id : '');
    return {
      object_name: objects.get(objectId)?.attributes.name ?? null,
      zone_type_label: zone ? ZONE_TYPE_LABELS[zone.attributes.zoneType].zh : null,
    };
  };
}

export function reviewCommentsLayer(document: ProjectDocument, review: ReviewContent): Layer {
  const describe = describer(document);
  const features: Layer['features'] = [];
  for (const entries of threadsOf(review.comments).values()) {
    const thread = summarizeThread(entries);
    const anchor = thread.root?.anchor;
    const target = anchor ? anchorTarget(anchor) : null;
    for (const entry of entries) {
      features.push({
        geometry: anchor?.at ? { type: 'Point', coordinates: [...anchor.at] } : null,
        properties: properties({
          comment_id: entry.entryId,
          thread_id: entry.threadId,
          parent_id: entry.parents.join(';') || null,
          entry_kind: entry.kind,
          thread_status: thread.status,
          status_label: COMMENT_STATUS_LABELS[thread.status].zh,
          entry_status: entry.status,
          conflict: thread.conflict ? 1 : 0,
          anchor_kind: anchor?.kind ?? null,
          target_id: target?.id ?? entry.detachedFrom?.id ?? null,
          ...describe(target),
          author: entry.author.name,
          organisation: entry.author.organisation,
          created_at: entry.createdAt,
          text: entry.text,
          adoption: entry.adoption ? ADOPTION_LABELS[entry.adoption].zh : null,
        }),
      });
    }
  }
  return {
    name: 'review_comments',
    epsg: 4490,
    fields: [
      ...['comment_id', 'thread_id', 'parent_id', 'entry_kind', 'thread_status', 'status_label'].map(text),
      text('entry_status'),
      integer('conflict'),
      ...['anchor_kind', 'target_id', 'object_name', 'zone_type_label', 'author', 'organisation'].map(text),
      ...['created_at', 'text', 'adoption'].map(text),
    ],
    features,
  };
}

export function reviewDecisionsLayer(document: ProjectDocument, review: ReviewContent): Layer {
  const describe = describer(document);
  return {
    name: 'review_decisions',
    epsg: null,
    fields: [
      'decision_id',
      'target_kind',
      'target_id',
      'object_name',
      'zone_type_label',
      'verdict',
      'verdict_label',
      'reason',
      'author',
      'organisation',
      'created_at',
    ].map(text),
    features: review.decisions.map((d) => ({
      geometry: null,
      properties: properties({
        decision_id: d.entryId,
        target_kind: d.target.kind,
        target_id: d.target.id,
        ...describe(d.target),
        verdict: d.verdict,
        verdict_label: VERDICT_LABELS[d.verdict].zh,
        reason: d.reason,
        author: d.author.name,
        organisation: d.author.organisation,
        created_at: d.createdAt,
      }),
    })),
  };
}

/** Sign-offs with their state as saved (valid, superseded, unverifiable, invalid). */
export async function reviewSignoffsLayer(
  document: ProjectDocument,
  review: ReviewContent,
  versions: readonly FileVersion[],
): Promise<Layer> {
  const current = review.signoffs.length ? await contentHash(document) : '';
  const headers = versions.map((v) => v.header);
  const features = await Promise.all(
    review.signoffs.map(async (s) => {
      const { state } = await signoffState(s, current, headers);
      return {
        geometry: null,
        properties: properties({
          signoff_id: s.entryId,
          reviewer: s.reviewer,
          organisation: s.organisation,
          signed_at: s.signedAt,
          verdict_label: VERDICT_LABELS[s.verdict].zh,
          opinion: s.opinion,
          content_hash: s.contentHash,
          state_at_save: state,
          state_label: SIGNOFF_STATE_LABELS[state].zh,
        }),
      };
    }),
  );
  return {
    name: 'review_signoffs',
    epsg: null,
    fields: [
      'signoff_id',
      'reviewer',
      'organisation',
      'signed_at',
      'verdict_label',
      'opinion',
      'content_hash',
      'state_at_save',
      'state_label',
    ].map(text),
    features,
  };
}

export function reviewVersionsLayer(versions: readonly FileVersion[]): Layer {
  return {
    name: 'review_versions',
    epsg: null,
    fields: [
      ...['version_id', 'name', 'note', 'created_at', 'author', 'origin', 'content_hash'].map(text),
      ...['objects', 'zones', 'records_stored'].map(integer),
    ],
    features: versions.map(({ header, records }) => ({
      geometry: null,
      properties: properties({
        version_id: header.versionId,
        name: header.name,
        note: header.note,
        created_at: header.createdAt,
        author: header.author ? header.author.name : null,
        origin: header.origin,
        content_hash: header.contentHash,
        objects: header.counts.objects,
        zones: header.counts.zones,
        records_stored: records.length,
      }),
    })),
  };
}
