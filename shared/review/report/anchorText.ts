import { toGaussKruger } from '../../crs/gaussKruger';
import type { Position } from '../../domain/geometry';
import { ZONE_TYPE_LABELS } from '../../domain/taxonomy';
import type { ProjectDocument } from '../../formats/projectDocument';
import type { Anchor, CommentEntry } from '../model';

/**
 * Where a comment thread is, in words a reader of a printed report can find on the ground: the
 * object and zone by name, the vertex or edge by number, a position by lon/lat and Gauss-Krüger
 * easting/northing (zone without prefix, as the figures print it).
 */
export function anchorText(root: CommentEntry, document: ProjectDocument, gkZone: number): string {
  const anchor = root.anchor;
  if (!anchor) return '';
  const detached = root.detachedFrom
    ? `（原${root.detachedFrom.kind === 'zone' ? '区划' : '保护对象'}已删除）`
    : '';
  return describe(anchor, document, gkZone) + detached;
}

function describe(anchor: Anchor, document: ProjectDocument, gkZone: number): string {
  switch (anchor.kind) {
    case 'project':
      return '整个项目';
    case 'position':
      return positionText(anchor.at, gkZone);
    case 'object':
      return `保护对象「${objectName(document, anchor.objectId)}」`;
    case 'zone':
      return zoneText(document, anchor.zoneId);
    case 'vertex':
      return `${zoneText(document, anchor.zoneId)} 第 ${anchor.index + 1} 个节点${partText(anchor)}，${positionText(anchor.at, gkZone)}`;
    case 'edge':
      return `${zoneText(document, anchor.zoneId)} 第 ${anchor.index + 1} 条边${partText(anchor)}，${positionText(anchor.at, gkZone)}`;
  }
}

function partText(anchor: { part: number; ring: number }): string {
  if (anchor.part === 0 && anchor.ring === 0) return '';
  return `（第 ${anchor.part + 1} 部分${anchor.ring > 0 ? `第 ${anchor.ring} 个内环` : '外环'}）`;
}

export function objectName(document: ProjectDocument, objectId: string): string {
  return document.objects.find((o) => o.id === objectId)?.attributes.name ?? `未知对象 ${objectId}`;
}

export function zoneText(document: ProjectDocument, zoneId: string): string {
  const zone = document.zones.find((z) => z.id === zoneId);
  if (!zone) return `区划 ${zoneId}（当前不存在）`;
  const sub = zone.attributes.subZoneNo !== null ? ` ${zone.attributes.subZoneNo} 号` : '';
  return `「${objectName(document, zone.objectId)}」${ZONE_TYPE_LABELS[zone.attributes.zoneType].zh}${sub}`;
}

/** "东经 84.670000°，北纬 44.420000°（高斯-克吕格 28 带 E 500 000.00 m，N 4 920 000.00 m）". */
export function positionText(at: Position, gkZone: number): string {
  const [e, n] = toGaussKruger(at, gkZone, { prefixed: false });
  const lon = `${at[0] >= 0 ? '东经' : '西经'} ${Math.abs(at[0]).toFixed(6)}°`;
  const lat = `${at[1] >= 0 ? '北纬' : '南纬'} ${Math.abs(at[1]).toFixed(6)}°`;
  return `${lon}，${lat}（高斯-克吕格 ${gkZone} 带 E ${e.toFixed(2)} m，N ${n.toFixed(2)} m）`;
}
