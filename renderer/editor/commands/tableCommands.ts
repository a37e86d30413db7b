import type { ObjectAttributesInput, ZoneAttributesInput } from '../../../shared/domain/schema';
import { commitError } from '../../storage/commitError';
import type { Put } from '../../storage/records';
import { sameRecord } from '../../storage/sameRecord';
import { mergePatch } from './mergePatch';
import { now, type Command } from './command';

/** The same attribute change for many rows of the attribute table. */
export interface RowsEdit {
  /** Zone attributes to set, per zone id. */
  zones?: ReadonlyMap<string, Partial<ZoneAttributesInput>>;
  /** Object attributes to set, per object id (a zone row's object columns edit its object). */
  objects?: ReadonlyMap<string, Partial<ObjectAttributesInput>>;
}

/**
 * Edit attributes of many zones and objects at once — a cell, or a column for every selected row
 * — as ONE change set: one undo step, validated as a whole by the write door (one invalid record
 * refuses the lot). Records that would not change are left out; a row deleted meanwhile refuses it.
 */
export function editRows(edit: RowsEdit, label: { zh: string; en: string }): Command {
  return {
    label,
    undo: 'record',
    async build(read) {
      const puts: Put[] = [];
      const at = now();
      const zonePatches = edit.zones ?? new Map();
      const zones = await read.zones([...zonePatches.keys()]);
      const foundZones = new Map(zones.map((z) => [z.id, z]));
      for (const [id, patch] of zonePatches) {
        const zone = foundZones.get(id);
        if (!zone) throw commitError(`zones/${id}`, { zh: '区划已不存在', en: 'The zone no longer exists' });
        const attributes = mergePatch(zone.attributes, patch as Record<string, unknown>);
        if (sameRecord(attributes, zone.attributes)) continue;
        puts.push({ table: 'zones', key: id, value: { ...zone, attributes, updatedAt: at } });
      }
      const objectPatches = edit.objects ?? new Map();
      // Read together: the reads queue in the one commit transaction instead of one after another.
      const objects = await Promise.all([...objectPatches.keys()].map((id) => read.object(id)));
      for (const [i, [id, patch]] of [...objectPatches].entries()) {
        const object = objects[i];
        if (!object)
          throw commitError(`objects/${id}`, { zh: '保护对象已不存在', en: 'The object no longer exists' });
        const attributes = mergePatch(object.attributes, patch as Record<string, unknown>);
        if (sameRecord(attributes, object.attributes)) continue;
        puts.push({ table: 'objects', key: id, value: { ...object, attributes, updatedAt: at } });
      }
      return puts;
    },
  };
}
