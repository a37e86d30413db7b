import type { Position, ZoneGeometry } from '../../../shared/domain/geometry';
import type { Bilingual } from '../../../shared/domain/labels';
import type { ZoneAttributesInput } from '../../../shared/domain/schema';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { POLYGON_PROBLEM_TEXT, validateGeometry } from '../../../shared/geometry/validatePolygon';
import { CommitError, commitError } from '../../storage/commitError';
import { now, type Command } from './command';
import {
  applyVertexEdit,
  geometryOfRings,
  insertedAfter,
  pointName,
  ringLabel,
  type VertexEdit,
} from './vertexEdits';
import { createZone } from './zoneCommands';

/**
 * The vertex table's edits as commands: one edit, one undo step. The write door validates every
 * zone it stores; these commands first ask the same decision (validateGeometry, whose answer the
 * door reuses for the same object) so a refusal can name the table's point (J3) rather than the
 * stored vertex index.
 */
function refuseInvalid(
  geometry: ZoneGeometry,
  title: Bilingual,
  gkZone: number,
  // A moved vertex keeps its index: name points as the table showed them before the edit.
  namedBy: ZoneGeometry = geometry,
): void {
  const { errors } = validateGeometry(geometry);
  if (errors.length === 0) return;
  throw new CommitError(
    errors.slice(0, 5).map((e) => {
      const text = POLYGON_PROBLEM_TEXT[e.code];
      const ring = ringLabel(geometry, { part: e.polygon, ring: e.ring });
      const point =
        e.vertex === undefined
          ? null
          : pointName(namedBy, { part: e.polygon, ring: e.ring, index: e.vertex }, gkZone);
      return {
        subject: '',
        message: point
          ? { zh: `${ring.zh} ${point} 附近${text.zh}`, en: `${text.en} near ${point} (${ring.en})` }
          : { zh: `${ring.zh}：${text.zh}`, en: `${ring.en}: ${text.en}` },
      };
    }),
    title,
  );
}

/** What an edit does, in the history and in a refusal: "修改 J3" / "Edit J3". */
export function describeVertexEdit(geometry: ZoneGeometry, edit: VertexEdit, gkZone: number): Bilingual {
  switch (edit.kind) {
    case 'move': {
      const p = pointName(geometry, edit.at, gkZone);
      return { zh: `修改界址点 ${p}`, en: `Edit vertex ${p}` };
    }
    case 'insert': {
      const n = edit.positions.length;
      const p = insertedAfter(geometry, edit, gkZone);
      return { zh: `在 ${p} 后插入 ${n} 个界址点`, en: `Insert ${n} vertex(es) after ${p}` };
    }
    case 'remove': {
      const names = edit.indices
        .map((index) => pointName(geometry, { ...edit.at, index }, gkZone))
        .join(', ');
      return { zh: `删除界址点 ${names}`, en: `Delete vertex ${names}` };
    }
    case 'replace': {
      const ring = ringLabel(geometry, edit.at);
      return {
        zh: `粘贴${ring.zh}的 ${edit.positions.length} 个界址点`,
        en: `Paste ${edit.positions.length} vertices into the ${ring.en}`,
      };
    }
  }
}

/** One vertex-table edit of a stored zone; the label names the point as the table shows it. */
export function editZoneVertices(
  zoneId: string,
  edit: VertexEdit,
  shown: ZoneGeometry,
  gkZone: number,
): Command {
  const label = describeVertexEdit(shown, edit, gkZone);
  return {
    label,
    undo: 'record',
    async build(read) {
      const zone = await read.zone(zoneId);
      if (!zone)
        throw commitError(`zones/${zoneId}`, { zh: '区划已不存在', en: 'The zone no longer exists' });
      let geometry: ZoneGeometry;
      try {
        geometry = applyVertexEdit(zone.geometry, edit);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw commitError(`zones/${zoneId}`, {
          zh: '该界址点已不存在（边界已被修改）',
          en: 'That vertex no longer exists (the boundary was changed)',
        });
      }
      refuseInvalid(
        geometry,
        {
          zh: `${label.zh}：边界将无效，未保存`,
          en: `${label.en}: the boundary would be invalid; not saved`,
        },
        gkZone,
        edit.kind === 'move' ? zone.geometry : geometry,
      );
      return [{ table: 'zones', key: zoneId, value: { ...zone, geometry, updatedAt: now() } }];
    },
  };
}

/** A zone typed or pasted as coordinates (lon/lat rings: the outer boundary, then holes). */
export function createZoneFromCoordinates(input: {
  projectId: string;
  objectId: string;
  attributes: ZoneAttributesInput;
  rings: readonly (readonly Position[])[];
  /** The project's zone, for point names in a refusal. */
  gkZone: number;
}): Command & { id: string } {
  const geometry = geometryOfRings(input.rings);
  const base = createZone({ ...input, geometry });
  const type = ZONE_TYPE_LABELS[input.attributes.zoneType];
  const label = { zh: `按坐标新建${type.zh}`, en: `New ${type.en.toLowerCase()} from coordinates` };
  return {
    ...base,
    label,
    async build(read) {
      refuseInvalid(
        geometry,
        { zh: `${label.zh}：边界无效，未保存`, en: `${label.en}: invalid boundary; not saved` },
        input.gkZone,
      );
      return base.build(read);
    },
  };
}
