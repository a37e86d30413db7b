import {
  ObjectAttributesSchema,
  type ObjectAttributesInput,
  type ProtectedObject,
} from '../../../shared/domain/schema';
import { commitError } from '../../storage/commitError';
import type { Put } from '../../storage/records';
import { sameRecord } from '../../storage/sameRecord';
import { mergePatch } from './mergePatch';
import { newId, now, type Command } from './command';

export function createObject(
  projectId: string,
  input: ObjectAttributesInput,
  id = newId(),
): Command & { id: string } {
  return {
    id,
    label: { zh: `新建保护对象“${input.name}”`, en: `New protected object “${input.name}”` },
    undo: 'record',
    async build(read) {
      if (!(await read.project(projectId))) {
        throw commitError(`projects/${projectId}`, { zh: '项目不存在', en: 'The project does not exist' });
      }
      const at = now();
      const object: ProtectedObject = {
        id,
        projectId,
        attributes: ObjectAttributesSchema.parse(input),
        createdAt: at,
        updatedAt: at,
      };
      return [{ table: 'objects', key: id, value: object }];
    },
  };
}

export function updateObjectAttributes(id: string, patch: Partial<ObjectAttributesInput>): Command {
  return {
    label: { zh: '修改保护对象属性', en: 'Edit object attributes' },
    undo: 'record',
    async build(read) {
      const object = await read.object(id);
      if (!object)
        throw commitError(`objects/${id}`, { zh: '保护对象已不存在', en: 'The object no longer exists' });
      const attributes = mergePatch(object.attributes, patch as Record<string, unknown>);
      if (sameRecord(attributes, object.attributes)) return [];
      return [{ table: 'objects', key: id, value: { ...object, attributes, updatedAt: now() } }];
    },
  };
}

/** Deleting an object deletes its zones in the same step, so undo brings back both. */
export function deleteObject(id: string): Command {
  return {
    label: { zh: '删除保护对象及其区划', en: 'Delete object and its zones' },
    undo: 'record',
    async build(read) {
      const zones = await read.zonesOfObject(id);
      const puts: Put[] = zones.map((zone) => ({ table: 'zones', key: zone.id, value: null }));
      if (await read.object(id)) puts.push({ table: 'objects', key: id, value: null });
      return puts;
    },
  };
}
