import type { ZoneGeometry } from '../../../shared/domain/geometry';
import type { ObjectAttributesInput, ZoneAttributesInput } from '../../../shared/domain/schema';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { newId, type Command } from './command';
import { createObject } from './objectCommands';
import { createZone } from './zoneCommands';

/**
 * A zone drawn before its object existed, stored together with the new object: one change set,
 * so one undo step takes both away. The records are the ones createObject and createZone make;
 * the zone's owner check reads the object this same change set creates.
 */
export function createObjectWithZone(input: {
  projectId: string;
  object: ObjectAttributesInput;
  zone: { attributes: ZoneAttributesInput; geometry: ZoneGeometry };
}): Command & { objectId: string; zoneId: string } {
  const objectCommand = createObject(input.projectId, input.object, newId());
  const zoneCommand = createZone({
    projectId: input.projectId,
    objectId: objectCommand.id,
    attributes: input.zone.attributes,
    geometry: input.zone.geometry,
  });
  const typeLabel = ZONE_TYPE_LABELS[input.zone.attributes.zoneType];
  return {
    objectId: objectCommand.id,
    zoneId: zoneCommand.id,
    label: {
      zh: `新建保护对象“${input.object.name}”及其${typeLabel.zh}`,
      en: `New protected object “${input.object.name}” with its ${typeLabel.en.toLowerCase()}`,
    },
    undo: 'record',
    async build(read) {
      const objectPuts = await objectCommand.build(read);
      const created = objectPuts[0]!.value as Awaited<ReturnType<typeof read.object>>;
      const zonePuts = await zoneCommand.build({
        ...read,
        object: async (id) => (id === objectCommand.id ? created : read.object(id)),
      });
      return [...objectPuts, ...zonePuts];
    },
  };
}
