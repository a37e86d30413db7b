import type { Lang } from '../../../shared/domain/labels';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import type { Anchor } from '../../../shared/review/model';
import type { DocIds } from '../../editor/review/docIds';
import type { ProjectData } from '../hooks/useProjectData';
import { REVIEW_TEXT } from './reviewText';

/** A zone by document id, as "object · zone type" (null when the project no longer has it). */
export function zoneLabel(data: ProjectData, ids: DocIds, docId: string, lang: Lang): string | null {
  const zone = data.zones.find((z) => z.id === ids.toStore(docId));
  if (!zone) return null;
  const object = data.objects.find((o) => o.id === zone.objectId);
  return `${object?.attributes.name ?? '?'} · ${ZONE_TYPE_LABELS[zone.attributes.zoneType][lang]}`;
}

export function objectLabel(data: ProjectData, ids: DocIds, docId: string): string | null {
  return data.objects.find((o) => o.id === ids.toStore(docId))?.attributes.name ?? null;
}

/** The store id of the object a thread is about (its zone's object, or the object), or null. */
export function anchorObject(data: ProjectData, ids: DocIds, anchor: Anchor): string | null {
  if (anchor.kind === 'object') return ids.toStore(anchor.objectId);
  if (anchor.kind === 'zone' || anchor.kind === 'vertex' || anchor.kind === 'edge')
    return data.zones.find((z) => z.id === ids.toStore(anchor.zoneId))?.objectId ?? null;
  return null;
}

const lonLat = (at: readonly number[]) => `${at[0]!.toFixed(6)}, ${at[1]!.toFixed(6)}`;

/** Where a thread is pinned, in words: the zone (and vertex or edge number), the object, or the place. */
export function anchorText(data: ProjectData, ids: DocIds, anchor: Anchor, lang: Lang): string {
  const T = (key: keyof typeof REVIEW_TEXT) => REVIEW_TEXT[key][lang];
  switch (anchor.kind) {
    case 'project':
      return T('project');
    case 'position':
      return `${T('position')} ${lonLat(anchor.at)}`;
    case 'object':
      return objectLabel(data, ids, anchor.objectId) ?? `${T('object')} ${anchor.objectId}`;
    default: {
      const zone = zoneLabel(data, ids, anchor.zoneId, lang) ?? `${T('detached')} ${lonLat(anchor.at)}`;
      if (anchor.kind === 'zone') return zone;
      const n = anchor.index + 1;
      return `${zone} · ${T(anchor.kind)} ${n}`;
    }
  }
}
