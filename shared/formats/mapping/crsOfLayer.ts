import type { Bilingual } from '../../domain/labels';
import { crsInfoOf, resolveLayer } from '../../crs/placeLayer';
import type { CrsChoice } from '../../crs/resolveCrs';
import {
  DatumShiftRequiredError,
  datumShiftNote,
  layerCrs,
  transformLayer,
  UnknownCrsError,
} from '../../crs/transformLayer';
import { crsDefOfEpsg } from '../../crs/crsDef';
import { FormatError, fileProblem } from '../formatError';
import type { CrsInfo, Layer } from '../layer';
import type { ImportOptions } from './types';

/** A layer that cannot be placed with these options; `crs` says what was decided and what to choose. */
export class CrsRefusal extends FormatError {
  constructor(
    fileName: string,
    readonly layer: string,
    reason: Bilingual,
    readonly crs: CrsInfo,
  ) {
    super(fileName, [fileProblem('crs', reason)]);
  }
}

/** The planner's CRS choices in an import's options. */
export function crsChoiceOf(options: ImportOptions): CrsChoice {
  return {
    ...(options.crs !== undefined
      ? { crs: options.crs }
      : options.epsg !== undefined
        ? { crs: options.epsg }
        : {}),
    ...(options.axisOrder ? { axisOrder: options.axisOrder } : {}),
    ...(options.gkZone !== undefined ? { gkZone: options.gkZone } : {}),
  };
}

/**
 * Bring a layer to lon/lat EPSG:4490: the CRS and axis order decided once (shared/crs/resolveCrs.ts)
 * from the file's evidence and the planner's choices, then reprojected — through the chosen datum
 * transformation when the datum is not CGCS2000's. A layer that cannot be placed (no CRS, or an old
 * datum and no transformation chosen) throws CrsRefusal, since a wrong guess would put every zone
 * in the wrong place.
 */
export function layerToLonLat(
  layer: Layer,
  fileName: string,
  options: ImportOptions,
): { layer: Layer; warnings: Bilingual[]; crs: CrsInfo } {
  const { layer: placed, resolution } = resolveLayer(layer, crsChoiceOf(options));
  const info = crsInfoOf(resolution);
  const warnings = [...resolution.warnings];
  const named = (reason: Bilingual): Bilingual => ({
    zh: `图层 ${layer.name}：${reason.zh}`,
    en: `Layer ${layer.name}: ${reason.en}`,
  });
  if (!resolution.crs) throw new CrsRefusal(fileName, layer.name, named(resolution.refusal!), info);
  const key = resolution.crs.datumKey;
  const stored =
    options.datumShifts && Object.hasOwn(options.datumShifts, key) ? options.datumShifts[key] : undefined;
  const datumShift = options.datumShift ?? stored;
  try {
    const lonLat = transformLayer(placed, 4490, datumShift ? { datumShift } : {});
    const note = datumShiftNote(layerCrs(placed)!, crsDefOfEpsg(4490)!, datumShift);
    if (note) {
      info.datumShift = note;
      info.datumShiftUsed = datumShift ?? null;
      if (datumShift?.method !== 'helmert') warnings.push(note);
    }
    return { layer: lonLat, warnings, crs: info };
  } catch (error) {
    if (error instanceof DatumShiftRequiredError)
      throw new CrsRefusal(fileName, layer.name, named(error.reason), info);
    if (error instanceof UnknownCrsError)
      throw new CrsRefusal(fileName, layer.name, named(error.reason), info);
    throw error;
  }
}
