import type { ZoneGeometry } from '../../../shared/domain/geometry';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { ZoneAttributesSchema, type Zone } from '../../../shared/domain/schema';
import { derivationRecord } from '../../../shared/derive/record';
import { geometryHash } from '../../../shared/derive/geometryHash';
import { type DeriveRequest, type DerivedShape } from '../../../shared/derive/types';
import { commitError } from '../../storage/commitError';
import type { Put } from '../../storage/records';
import { newId, now, type Command } from './command';

export interface CreateDerivedInput {
  projectId: string;
  objectId: string;
  zoneType: ZoneType;
  request: DeriveRequest;
  /** The shapes computed (in the worker) for `request`. */
  shapes: DerivedShape[];
  /** The verbatim 四至 text as the planner typed it; empty: each zone gets its generated draft. */
  boundaryText: string;
}

/** The source zone must still be what the shapes were computed from. */
async function checkSource(read: Parameters<Command['build']>[0], request: DeriveRequest): Promise<void> {
  if (request.source.kind !== 'zone') return;
  const source = await read.zone(request.source.zoneId);
  if (!source || geometryHash(source.geometry) !== geometryHash(request.source.geometry)) {
    throw commitError(`zones/${request.source.zoneId}`, {
      zh: '源区划在计算期间已被修改，请重试',
      en: 'The source zone changed while deriving; try again',
    });
  }
}

/** Create the derived zone(s) of one request — graded rings give several — as one undo step. */
export function createDerivedZones(input: CreateDerivedInput): Command & { ids: string[] } {
  const ids = input.shapes.map(() => newId());
  const label = ZONE_TYPE_LABELS[input.zoneType];
  return {
    ids,
    label: { zh: `派生${label.zh}`, en: `Derive ${label.en.toLowerCase()}` },
    undo: 'record',
    async build(read) {
      const owner = await read.object(input.objectId);
      if (!owner || owner.projectId !== input.projectId) {
        throw commitError(`objects/${input.objectId}`, {
          zh: '保护对象已不存在',
          en: 'The protected object no longer exists',
        });
      }
      await checkSource(read, input.request);
      const at = now();
      const isCcz = input.zoneType === 'construction_control_zone';
      return input.shapes.map((shape, i): Put => {
        const zone: Zone = {
          id: ids[i]!,
          projectId: input.projectId,
          objectId: input.objectId,
          attributes: ZoneAttributesSchema.parse({
            zoneType: input.zoneType,
            cczClass: isCcz ? shape.cczClass : null,
            sameAsRange: isCcz && shape.sameAsRange,
            // The 四至 field is never left empty: what was typed, else the draft the dialog showed.
            boundaryText: input.boundaryText.trim() ? input.boundaryText : shape.draft.zh,
            status: 'provisional_derived',
            provenance: { method: 'derived_from_text', date: at.slice(0, 10) },
            derivation: derivationRecord(input.request, shape, at),
          }),
          geometry: shape.geometry,
          createdAt: at,
          updatedAt: at,
        };
        return { table: 'zones', key: zone.id, value: zone };
      });
    },
  };
}

export interface Regenerated {
  zoneId: string;
  request: DeriveRequest;
  shape: DerivedShape;
}

/** New geometries for stale derived zones, recomputed from their sources: one undo step for all. */
export function regenerateDerivedZones(updates: readonly Regenerated[]): Command {
  return {
    label: { zh: `重新生成${updates.length}个派生区划`, en: `Regenerate ${updates.length} derived zone(s)` },
    undo: 'record',
    async build(read) {
      const at = now();
      const puts: Put[] = [];
      for (const u of updates) {
        const zone = await read.zone(u.zoneId);
        if (!zone) continue;
        await checkSource(read, u.request);
        const geometry: ZoneGeometry = u.shape.geometry;
        // The draft keeps its wording (it may name the source zone); only the geometry is new.
        const record = derivationRecord(u.request, u.shape, at);
        const draft = zone.attributes.derivation?.draft || record.draft;
        const attributes = { ...zone.attributes, derivation: { ...record, draft } };
        puts.push({ table: 'zones', key: zone.id, value: { ...zone, attributes, geometry, updatedAt: at } });
      }
      return puts;
    },
  };
}
