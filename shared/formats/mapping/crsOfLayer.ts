import type { Bilingual } from '../../domain/labels';
import { guessCrsFromCoordinates } from '../../crs/guessFromCoordinates';
import { swapLayerAxes, transformLayer, UnknownCrsError } from '../../crs/transformLayer';
import { FormatError, fileProblem } from '../formatError';
import type { Coordinates, Layer, LayerGeometry } from '../layer';
import type { ImportOptions } from './types';

/** The CRS taken from the size of the numbers, reported so the import dialog preselects it. */
export interface GuessedCrs {
  epsg: number;
  source: 'magnitude';
  note: Bilingual;
}

function* positionsOf(geometry: LayerGeometry | null): Generator<Coordinates> {
  if (!geometry) return;
  const c = geometry.coordinates as unknown;
  const walk = function* (value: unknown): Generator<Coordinates> {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') yield value as Coordinates;
    else for (const v of value) yield* walk(v);
  };
  yield* walk(c);
}

function* layerPositions(layer: Layer): Generator<Coordinates> {
  for (const f of layer.features) yield* positionsOf(f.geometry);
}

/**
 * Bring a layer to lon/lat EPSG:4490. The source CRS is the user's choice, else the file's, else
 * a guess from the size of the numbers (with a warning); with none the file is refused, since a
 * wrong guess would put every zone in the wrong place.
 */
export function layerToLonLat(
  layer: Layer,
  fileName: string,
  options: ImportOptions,
): { layer: Layer; warnings: Bilingual[]; guessed: GuessedCrs | null } {
  const warnings: Bilingual[] = [];
  let guessed: GuessedCrs | null = null;
  let epsg = options.epsg ?? layer.epsg;
  let swap = options.swapXY ?? false;
  if (epsg === null) {
    const guess = guessCrsFromCoordinates(layerPositions(layer), { gkZone: options.gkZone });
    if (guess.epsg === null) {
      throw new FormatError(fileName, [
        fileProblem('crs', {
          zh: `图层 ${layer.name} 未声明坐标系，且无法从坐标判断：${guess.note.zh}。请指定源坐标系`,
          en: `Layer ${layer.name} declares no CRS and none can be told from the numbers: ${guess.note.en}. Please choose the source CRS`,
        }),
      ]);
    }
    epsg = guess.epsg;
    swap = options.swapXY ?? guess.swapped;
    guessed = { epsg, source: 'magnitude', note: guess.note };
    warnings.push({
      zh: `图层 ${layer.name} 未声明坐标系，按坐标判断为 EPSG:${epsg}：${guess.note.zh}`,
      en: `Layer ${layer.name} declares no CRS; taken as EPSG:${epsg} from the numbers: ${guess.note.en}`,
    });
  }
  const source = swap ? swapLayerAxes({ ...layer, epsg }) : { ...layer, epsg };
  try {
    return { layer: transformLayer(source, 4490), warnings, guessed };
  } catch (error) {
    if (error instanceof UnknownCrsError) throw new FormatError(fileName, [fileProblem('crs', error.reason)]);
    throw error;
  }
}
