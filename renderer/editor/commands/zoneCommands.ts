import type { ZoneGeometry } from '../../../shared/domain/geometry';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import {
  ZoneAttributesSchema,
  type Zone,
  type ZoneAttributes,
  type ZoneAttributesInput,
} from '../../../shared/domain/schema';
import { commitError } from '../../storage/commitError';
import type { Reader } from '../../storage/reader';
import type { Put } from '../../storage/records';
import { sameRecord } from '../../storage/sameRecord';
import { mergePatch } from './mergePatch';
import { newId, now, type Command } from './command';

async function requireZone(read: Reader, id: string): Promise<Zone> {
  const zone = await read.zone(id);
  if (!zone) throw commitError(`zones/${id}`, { zh: '区划已不存在', en: 'The zone no longer exists' });
  return zone;
}

/** A new zone of an object, e.g. the protection range just drawn. Resolves the zone's id via `id`. */
export function createZone(input: {
  id?: string;
  projectId: string;
  objectId: string;
  attributes: ZoneAttributesInput;
  geometry: ZoneGeometry;
}): Command & { id: string } {
  const id = input.id ?? newId();
  const typeLabel = ZONE_TYPE_LABELS[input.attributes.zoneType];
  return {
    id,
    label: { zh: `绘制${typeLabel.zh}`, en: `Draw ${typeLabel.en.toLowerCase()}` },
    undo: 'record',
    async build(read) {
      const owner = await read.object(input.objectId);
      if (!owner || owner.projectId !== input.projectId) {
        throw commitError(`objects/${input.objectId}`, {
          zh: '请先选择或新建一个保护对象',
          en: 'Choose or create a protected object first',
        });
      }
      const at = now();
      const attributes: ZoneAttributes = ZoneAttributesSchema.parse(input.attributes);
      const zone: Zone = {
        id,
        projectId: input.projectId,
        objectId: input.objectId,
        attributes,
        geometry: input.geometry,
        createdAt: at,
        updatedAt: at,
      };
      return [{ table: 'zones', key: id, value: zone }];
    },
  };
}

/** Attribute edits from the form: one undo step per applied change. */
export function updateZoneAttributes(id: string, patch: Partial<ZoneAttributesInput>): Command {
  return {
    label: { zh: '修改区划属性', en: 'Edit zone attributes' },
    undo: 'record',
    async build(read) {
      const zone = await requireZone(read, id);
      const attributes = mergePatch(zone.attributes, patch as Record<string, unknown>);
      if (sameRecord(attributes, zone.attributes)) return [];
      return [{ table: 'zones', key: id, value: { ...zone, attributes, updatedAt: now() } }];
    },
  };
}

/** New geometries for one or more zones (a vertex drag, a move of the selection, a new hole). */
export function setZoneGeometries(
  geometries: ReadonlyMap<string, ZoneGeometry>,
  label = { zh: '编辑边界', en: 'Edit boundary' },
): Command {
  return {
    label,
    undo: 'record',
    async build(read) {
      const puts: Put[] = [];
      const at = now();
      for (const [id, geometry] of geometries) {
        const zone = await requireZone(read, id);
        if (sameRecord(zone.geometry, geometry)) continue;
        puts.push({ table: 'zones', key: id, value: { ...zone, geometry, updatedAt: at } });
      }
      return puts;
    },
  };
}

export function deleteZones(ids: readonly string[]): Command {
  return {
    label: { zh: `删除${ids.length}个区划`, en: `Delete ${ids.length} zone${ids.length === 1 ? '' : 's'}` },
    undo: 'record',
    async build(read) {
      const zones = await read.zones(ids);
      return zones.map((zone): Put => ({ table: 'zones', key: zone.id, value: null }));
    },
  };
}
