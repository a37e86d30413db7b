import { get as getProjection } from 'ol/proj';
import type { BackgroundCrs } from '../../../shared/domain/backgrounds';
import { defineCrs } from '../../../shared/crs/proj4Registry';
import { crsDefOfEpsg, crsDefOfText, needsDatumShift, type CrsDef } from '../../../shared/crs/crsDef';
import type { DatumShift } from '../../../shared/crs/datumShift';
import { DATUMS } from '../../../shared/crs/datums';
import { shiftedDefinition } from '../../../shared/crs/shiftedDefinition';
import type { Bilingual } from '../../../shared/domain/labels';
import { connectProjection } from '../projections';

/** The full description of a background's coordinate system (datum, ellipsoid), or null when unknown. */
export function backgroundCrsDef(crs: BackgroundCrs): CrsDef | null {
  if ('epsg' in crs) return crsDefOfEpsg(crs.epsg);
  try {
    return crsDefOfText(crs.definition);
  } catch {
    return null;
  }
}

/**
 * What a background on an old datum shown without a transformation tells the planner (its
 * layer status): the error it keeps. Null when the system needs no transformation or has one.
 */
export function unshiftedWarning(crs: BackgroundCrs, shift: DatumShift | undefined): Bilingual | null {
  const def = backgroundCrsDef(crs);
  if (!def || !needsDatumShift(def) || shiftedDefinition(def, shift)) return null;
  const datum = DATUMS[def.datum];
  const error = datum.noShiftError ?? { zh: '未知', en: 'unknown' };
  return {
    zh: `${datum.label.zh}坐标，未做基准转换，位置误差约${error.zh}`,
    en: `${datum.label.en} coordinates shown without a datum transformation; position error about ${error.en}`,
  };
}

/**
 * The OpenLayers projection code of a background's coordinate system (with the planner's datum
 * transformation attached for an old datum, under its own code): a bundled EPSG code as-is
 * (EPSG:4516 …), a definition under its `HZW:<hash>` code after registering it with proj4 (through
 * shared/crs, proj4's one owner) and telling OpenLayers (projections.ts). Null when OpenLayers
 * cannot know the system (an EPSG code that is not bundled).
 */
export function projectionCode(crs: BackgroundCrs, shift?: DatumShift): string | null {
  const def = shift ? backgroundCrsDef(crs) : null;
  const shifted = def ? shiftedDefinition(def, shift) : null;
  const code =
    !shifted && 'epsg' in crs
      ? `EPSG:${crs.epsg}`
      : defineCrs(shifted ?? (crs as { definition: string }).definition);
  // A background's own system is connected to every other, so any view can draw it.
  connectProjection(code);
  return getProjection(code) ? code : null;
}
