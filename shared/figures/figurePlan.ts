import type { Projected } from '../crs/gaussKruger';
import type { ZoneGeometry } from '../domain/geometry';
import { DEFAULT_SYMBOLS } from '../domain/symbology';
import type { ZoneStatus, ZoneType } from '../domain/taxonomy';
import type { FigureSettings } from './figureSettings';
import type { ReferenceLayerData } from '../analysis/overlapsReferenceLayer';
import { groundFrame, pageFrame } from './frame';
import { referencesInFrame } from './referencesOnPage';
import type { FigureRequest } from './layoutFigure';
import { fitScale } from './paper';
import { gkBox, zoneToGk, type FigureZone, type GkBox } from './zonesOnPage';

/** What a figure is of: one protected object (its zones centred) or the whole project. */
export type FigureTarget = { kind: 'project' } | { kind: 'object'; objectId: string };

/** The parts of a project document a figure reads. */
export interface FigureSource {
  settings: { name: string; gkZone: number };
  objects: readonly { id: string; attributes: { name: string } }[];
  zones: readonly {
    objectId: string;
    attributes: { zoneType: ZoneType; status: ZoneStatus };
    geometry: ZoneGeometry;
  }[];
  /** The reference layers shown on the map, bottom first (hidden ones left out by the caller). */
  references?: readonly ReferenceLayerData[];
}

/** A page to lay out: everything but the text measure and the rasters, which the caller adds. */
export type FigurePlan = Omit<FigureRequest, 'measure' | 'inset' | 'background'> & { target: FigureTarget };

/**
 * The zones drawn (superseded versions and the types hidden in the layer list are not), the
 * frame centred on the target's zones, the title from the object or project name, and each
 * object's name above its innermost zone. Null when the target has no zones to centre on.
 */
export function planFigure(
  source: FigureSource,
  target: FigureTarget,
  settings: FigureSettings,
  hiddenTypes: ReadonlySet<ZoneType> = new Set(),
): FigurePlan | null {
  const gkZone = source.settings.gkZone;
  const zones: FigureZone[] = source.zones
    .filter((z) => z.attributes.status !== 'superseded' && !hiddenTypes.has(z.attributes.zoneType))
    .map((z) => ({ objectId: z.objectId, zoneType: z.attributes.zoneType, geometry: z.geometry }));
  const targetZones = target.kind === 'object' ? zones.filter((z) => z.objectId === target.objectId) : zones;
  const box = gkBox(targetZones.map((z) => zoneToGk(z.geometry, gkZone)));
  if (!box) return null;
  const centre: Projected = [(box.minE + box.maxE) / 2, (box.minN + box.maxN) / 2];
  const names = new Map(source.objects.map((o) => [o.id, o.attributes.name]));
  const defaultTitle =
    target.kind === 'object'
      ? `${names.get(target.objectId) ?? ''}保护区划图`
      : `${source.settings.name}文物保护区划图`;
  const ground = groundFrame(pageFrame(settings).map, centre, settings.scale);
  const references = referencesInFrame(source.references ?? [], gkZone, ground);
  return {
    target,
    settings,
    gkZone,
    zones,
    centre,
    defaultTitle,
    labels: objectLabels(zones, names, gkZone),
    ...(references.length > 0 && { references }),
  };
}

/**
 * One page per protected object with zones, in the project's object order: at the chosen scale
 * when the object's zones fit the frame, else at the largest standard scale that holds them.
 */
export function planAtlas(
  source: FigureSource,
  settings: FigureSettings,
  hiddenTypes: ReadonlySet<ZoneType> = new Set(),
): FigurePlan[] {
  const { map } = pageFrame(settings);
  const plans: FigurePlan[] = [];
  for (const object of source.objects) {
    const plan = planFigure(source, { kind: 'object', objectId: object.id }, settings, hiddenTypes);
    if (!plan) continue;
    const box = gkBox(
      plan.zones.filter((z) => z.objectId === object.id).map((z) => zoneToGk(z.geometry, plan.gkZone)),
    )!;
    const scale = fits(box, settings.scale, map.wMm, map.hMm)
      ? settings.scale
      : fitScale(box.maxE - box.minE, box.maxN - box.minN, map.wMm, map.hMm);
    // Another scale is another ground frame: planned again, so the reference layers cut to it.
    const target = { kind: 'object', objectId: object.id } as const;
    plans.push(
      scale === settings.scale ? plan : planFigure(source, target, { ...settings, scale }, hiddenTypes)!,
    );
  }
  return plans;
}

function fits(box: GkBox, scale: number, wMm: number, hMm: number): boolean {
  return ((box.maxE - box.minE) * 1100) / scale <= wMm && ((box.maxN - box.minN) * 1100) / scale <= hMm;
}

/** Each object's name just north of its innermost zone (body first, then key area, range …). */
function objectLabels(
  zones: readonly FigureZone[],
  names: ReadonlyMap<string, string>,
  gkZone: number,
): { text: string; at: Projected }[] {
  const inner = new Map<string, FigureZone>();
  for (const zone of zones) {
    const best = inner.get(zone.objectId);
    if (!best || DEFAULT_SYMBOLS[zone.zoneType].order > DEFAULT_SYMBOLS[best.zoneType].order)
      inner.set(zone.objectId, zone);
  }
  const labels: { text: string; at: Projected }[] = [];
  for (const [objectId, zone] of inner) {
    const name = names.get(objectId);
    const box = gkBox([zoneToGk(zone.geometry, gkZone)]);
    if (name && box) labels.push({ text: name, at: [(box.minE + box.maxE) / 2, box.maxN] });
  }
  return labels;
}
