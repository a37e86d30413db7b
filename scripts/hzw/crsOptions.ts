import { readFileSync } from 'node:fs';
import { DatumShiftParseError, parseDatumShift, type DatumShift } from '../../shared/crs/datumShift';
import { crsInfoOf, resolveLayer } from '../../shared/crs/placeLayer';
import type { CrsChoice } from '../../shared/crs/resolveCrs';
import { parseEpsg } from '../../shared/crs/transformLayer';
import { FormatError, fileProblem } from '../../shared/formats/formatError';
import type { CrsInfo, Layer } from '../../shared/formats/layer';
import type { ImportOptions } from '../../shared/formats/mapping/types';
import type { Bilingual } from '../../shared/domain/labels';
import { UsageError, type CliOptions } from './args';

/** `@path` → the file's text (a .prj, a parameter file); anything else as given. */
function valueOrFile(value: string, option: string): string {
  if (!value.startsWith('@')) return value;
  try {
    return readFileSync(value.slice(1), 'utf8');
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${value.slice(1)}: ${(error as Error).message}`);
  }
}

/** The planner's CRS choices from the command line (--from-crs, --gk-zone, --axis-order). */
export function crsChoiceOf(o: CliOptions): CrsChoice {
  const choice: CrsChoice = {};
  if (o.fromCrs !== undefined) {
    const epsg = parseEpsg(o.fromCrs);
    choice.crs = epsg ?? valueOrFile(o.fromCrs, '--from-crs');
  }
  if (o.gkZone !== undefined) {
    const zone = Number(o.gkZone);
    if (!Number.isInteger(zone) || zone < 25 || zone > 45)
      throw new UsageError(`--gk-zone: not a 3° zone number (25–45): ${o.gkZone}`);
    choice.gkZone = zone;
  }
  if (o.axisOrder !== undefined) {
    if (o.axisOrder !== 'en' && o.axisOrder !== 'ne') throw new UsageError('--axis-order: en or ne');
    choice.axisOrder = o.axisOrder;
  }
  return choice;
}

/** --datum-shift none | dx,dy,dz[,rx,ry,rz,ds] | @file, with --datum-convention. */
export function datumShiftOf(o: CliOptions): DatumShift | undefined {
  if (o.datumShift === undefined) return undefined;
  const convention = o.datumConvention ?? 'position-vector';
  if (convention !== 'position-vector' && convention !== 'coordinate-frame')
    throw new UsageError('--datum-convention: position-vector or coordinate-frame');
  try {
    const shift = parseDatumShift(
      valueOrFile(o.datumShift, '--datum-shift'),
      o.datumShift.startsWith('@') ? o.datumShift.slice(1) : undefined,
    );
    if (shift.method === 'helmert' && o.datumConvention !== undefined)
      return {
        ...shift,
        convention: convention === 'coordinate-frame' ? 'coordinate_frame' : 'position_vector',
      };
    return shift;
  } catch (error) {
    if (error instanceof DatumShiftParseError) throw new UsageError(`--datum-shift: ${error.reason.en}`);
    throw error;
  }
}

/**
 * Decide a layer's CRS as the app does (shared/crs/resolveCrs.ts); a layer whose system cannot be
 * told is refused with what to give on the command line.
 */
export function placeOrRefuse(
  layer: Layer,
  fileName: string,
  choice: CrsChoice,
): { layer: Layer; crs: CrsInfo; warnings: Bilingual[] } {
  const { layer: placed, resolution } = resolveLayer(layer, choice);
  if (!resolution.crs) {
    const reason = resolution.refusal!;
    throw new FormatError(fileName, [
      fileProblem('crs', {
        zh: `图层 ${layer.name}：${reason.zh}（用 --from-crs 或 --gk-zone 指定）`,
        en: `Layer ${layer.name}: ${reason.en} (give --from-crs or --gk-zone)`,
      }),
    ]);
  }
  return { layer: placed, crs: crsInfoOf(resolution), warnings: resolution.warnings };
}

/** What the readers take: the attribute encoding only (the CRS is decided after reading). */
export function readOptions(o: CliOptions) {
  return o.encoding ? { encoding: o.encoding } : {};
}

/** The import options of `layerToImport` from the command line (CRS choices, datum shift). */
export function importOptions(o: CliOptions): ImportOptions {
  const choice = crsChoiceOf(o);
  const datumShift = datumShiftOf(o);
  return {
    ...(choice.crs !== undefined
      ? typeof choice.crs === 'number'
        ? { epsg: choice.crs }
        : { crs: choice.crs }
      : {}),
    ...(choice.gkZone !== undefined ? { gkZone: choice.gkZone } : {}),
    ...(choice.axisOrder ? { axisOrder: choice.axisOrder } : {}),
    ...(datumShift ? { datumShift } : {}),
  };
}
