import type { Bilingual } from '../../shared/domain/labels';
import { DATUMS } from '../../shared/crs/datums';
import type { DatumShift } from '../../shared/crs/datumShift';
import { bundledEpsgCodes, crsName, gaussKrugerCrs } from '../../shared/crs/definitions';
import { gkCodes, gkSystem, type GkSystem } from '../../shared/crs/gkFamilies';
import type { ImportOptions, LayerSummary } from '../../shared/formats/mapping/types';

export interface CrsGroup {
  label: Bilingual;
  codes: number[];
}

/** Order GK codes so the project's zone comes first, then its neighbours, then the rest. */
function byDistanceToZone(codes: number[], zone: number, centralMeridian: number): number[] {
  const distance = (code: number) => {
    const gk = gaussKrugerCrs(code)!;
    return gk.width === 3 ? Math.abs(gk.zone - zone) : Math.abs(gk.centralMeridian - centralMeridian);
  };
  return [...codes].sort((a, b) => distance(a) - distance(b) || a - b);
}

/**
 * Every bundled coordinate system, grouped the way a planner looks for them: CGCS2000 lon/lat,
 * 3° Gauss-Krüger with and without the zone prefix (the project's zone first), 6° zones, WGS84,
 * web Mercator, UTM.
 */
export function crsGroups(
  projectZone: number,
  { oldDatums = true }: { oldDatums?: boolean } = {},
): CrsGroup[] {
  const codes = bundledEpsgCodes();
  const cm = projectZone * 3;
  const gk = (width: 3 | 6, prefixed: boolean) =>
    byDistanceToZone(
      codes.filter((c) => {
        const g = gaussKrugerCrs(c);
        return g !== null && g.width === width && g.prefixed === prefixed;
      }),
      projectZone,
      cm,
    );
  return [
    { label: { zh: 'CGCS2000 经纬度', en: 'CGCS2000 geographic' }, codes: [4490] },
    { label: { zh: '3°带高斯-克吕格（带号前缀）', en: '3° Gauss-Krüger, zone prefix' }, codes: gk(3, true) },
    {
      label: { zh: '3°带高斯-克吕格（无带号）', en: '3° Gauss-Krüger, no zone prefix' },
      codes: gk(3, false),
    },
    {
      label: { zh: '6°带高斯-克吕格', en: '6° Gauss-Krüger' },
      codes: [...gk(6, true), ...gk(6, false)],
    },
    { label: { zh: 'WGS 84 经纬度', en: 'WGS 84 geographic' }, codes: [4326] },
    { label: { zh: '网络墨卡托', en: 'Web Mercator' }, codes: [3857] },
    {
      label: { zh: 'WGS 84 UTM', en: 'WGS 84 UTM' },
      codes: codes.filter((c) => (c > 32600 && c <= 32660) || (c > 32700 && c <= 32760)),
    },
    ...(oldDatums ? OLD_DATUMS : []).map((datum) => ({
      label: {
        zh: `${DATUMS[datum].label.zh}（需选择基准转换）`,
        en: `${DATUMS[datum].label.en} (needs a datum transformation)`,
      },
      codes: [DATUMS[datum].geographicEpsg!, ...oldDatumCodes(datum, projectZone)],
    })),
  ];
}

const OLD_DATUMS = ['xian1980', 'beijing1954', 'new_beijing'] as const;

/** A datum's Gauss-Krüger codes: 3° prefixed, 3° by meridian, then 6°, nearest the project zone first. */
function oldDatumCodes(datum: (typeof OLD_DATUMS)[number], zone: number): number[] {
  const systems = gkCodes(datum).map((c) => gkSystem(c)!);
  const rank = (g: GkSystem) => (g.width === 3 ? (g.prefixed ? 0 : 1) : 2);
  const distance = (g: GkSystem) =>
    g.width === 3 ? Math.abs(g.zone - zone) : Math.abs(g.centralMeridian - zone * 3);
  return systems
    .sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b) || a.epsg - b.epsg)
    .map((g) => g.epsg);
}

/**
 * The datum transformations the planner chose in this import preview, by datum key, to store
 * with the project on accepting (only explicit choices; stored ones are already there).
 */
export function chosenDatumShifts(
  options: ImportOptions,
  layers: readonly LayerSummary[],
): Record<string, DatumShift> {
  const shift = options.datumShift;
  if (!shift) return {};
  const keys = new Set(
    layers
      .map((l) => l.info.crs)
      .filter((c) => c?.needsDatumShift && c.datumKey)
      .map((c) => c!.datumKey!),
  );
  return Object.fromEntries([...keys].map((key) => [key, shift]));
}

/** "EPSG:4516 CGCS2000 / 3-degree Gauss-Kruger zone 28" in the UI language. */
export function crsLabel(epsg: number, lang: 'zh' | 'en'): string {
  const name = crsName(epsg);
  return name ? `EPSG:${epsg} ${name[lang]}` : `EPSG:${epsg}`;
}
