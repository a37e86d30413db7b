import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { ProjectSettingsSchema } from '../domain/schema';
import { FigureSettingsSchema } from './figureSettings';
import { planAtlas, planFigure } from './figurePlan';
import { layoutFigure } from './layoutFigure';
import { pageFrame } from './frame';
import { gkBox, zoneToGk } from './zonesOnPage';

const sample = buildTekesSample();
const source = { ...sample, settings: ProjectSettingsSchema.parse(sample.settings) };
const settings = FigureSettingsSchema.parse({});

describe('figure plans', () => {
  it('centre an object figure on that object and title it with its name', () => {
    const object = sample.objects.find((o) => sample.zones.some((z) => z.objectId === o.id))!;
    const plan = planFigure(source, { kind: 'object', objectId: object.id }, settings)!;
    const box = gkBox(
      sample.zones
        .filter((z) => z.objectId === object.id)
        .map((z) => zoneToGk(z.geometry, source.settings.gkZone)),
    )!;
    expect(plan.centre[0]).toBeCloseTo((box.minE + box.maxE) / 2, 6);
    expect(plan.centre[1]).toBeCloseTo((box.minN + box.maxN) / 2, 6);
    expect(plan.defaultTitle).toBe(`${object.attributes.name}保护区划图`);
    expect(planFigure(source, { kind: 'object', objectId: 'no-such-object' }, settings)).toBeNull();
  });

  it('give the atlas one page per object with zones, each showing all of its zones', () => {
    const withZones = sample.objects.filter((o) => sample.zones.some((z) => z.objectId === o.id));
    const plans = planAtlas(source, settings);
    expect(plans.map((p) => p.target)).toEqual(withZones.map((o) => ({ kind: 'object', objectId: o.id })));
    const { map } = pageFrame(settings);
    for (const plan of plans) {
      const { ground } = layoutFigure({ ...plan });
      const objectId = plan.target.kind === 'object' ? plan.target.objectId : '';
      const box = gkBox(
        plan.zones.filter((z) => z.objectId === objectId).map((z) => zoneToGk(z.geometry, plan.gkZone)),
      )!;
      expect(box.minE).toBeGreaterThanOrEqual(ground.minE);
      expect(box.maxE).toBeLessThanOrEqual(ground.maxE);
      expect(box.minN).toBeGreaterThanOrEqual(ground.minN);
      expect(box.maxN).toBeLessThanOrEqual(ground.maxN);
      // Never smaller than the chosen scale, and the standard one when it had to change.
      expect(plan.settings.scale).toBeGreaterThanOrEqual(settings.scale);
      expect(map.wMm).toBeGreaterThan(0);
    }
  });

  it('leave out the zone types hidden in the layer list, so the legend does not show them', () => {
    const types = new Set(sample.zones.map((z) => z.attributes.zoneType));
    const hidden = [...types][0]!;
    const plan = planFigure(source, { kind: 'project' }, settings, new Set([hidden]))!;
    expect(plan.zones.length).toBe(sample.zones.filter((z) => z.attributes.zoneType !== hidden).length);
    const { legendTypes } = layoutFigure({ ...plan, settings: { ...settings, scale: 1_000_000 } });
    expect(legendTypes).not.toContain(hidden);
    const shown = layoutFigure({
      ...planFigure(source, { kind: 'project' }, settings)!,
      settings: { ...settings, scale: 1_000_000 },
    });
    expect(shown.legendTypes).toContain(hidden);
  });
});
