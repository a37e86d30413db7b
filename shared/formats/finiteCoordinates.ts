import type { Bilingual } from '../domain/labels';
import type { InputProblem } from './formatError';
import type { Layer, LayerGeometry, ReadResult } from './layer';

/**
 * The one rule for coordinates, whatever the format: a position is 2 or 3 finite numbers. Nothing
 * else becomes a number by the way (`1e400` is Infinity, not null; `null`, `true` and `"84.7"`
 * are not 0, 1 and 84.7), so a feature holding one is refused with its index and the reason.
 * The GeoJSON reader checks each position as it reads it (isFinitePosition, with the path in the
 * file); every reader's layers pass coordinateProblems in the registry, and hzw checks its layers
 * again after reprojection, so the app's import and `hzw convert` refuse the same features.
 */
export function isFinitePosition(v: unknown): v is number[] {
  if (!Array.isArray(v) || v.length < 2) return false;
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return false;
  }
  return true;
}

/**
 * A coordinate written as text (KML, DXF, coordinate tables): a plain decimal number, else NaN
 * (which the check above refuses). JavaScript's Number() would also take `0x10`, `0b1`, `Infinity`
 * and an empty string (0).
 */
export function decimalNumber(text: string | undefined): number {
  const t = text?.trim() ?? '';
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * Whether every position under `value` is finite numbers, walked without allocating (a county's
 * import has 1.7 million positions); false also when unsure (nesting deeper than any geometry),
 * and coordinateFault's walk then decides and names the fault.
 */
function surelyFinite(value: unknown, depth: number): boolean {
  if (!Array.isArray(value) || depth > 6) return false;
  let lists = false;
  for (let i = 0; i < value.length && !lists; i++) lists = Array.isArray(value[i]);
  if (!lists) return isFinitePosition(value);
  for (let i = 0; i < value.length; i++) if (!surelyFinite(value[i], depth + 1)) return false;
  return true;
}

/** The first position of a geometry that is not finite numbers, by its place (from 1), or null. */
export function coordinateFault(geometry: LayerGeometry): Bilingual | null {
  if (surelyFinite(geometry.coordinates, 0)) return null;
  const stack: { value: unknown; path: number[] }[] = [{ value: geometry.coordinates, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const isList = Array.isArray(value);
    if (isList && value.some(Array.isArray)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    if (isList && isFinitePosition(value)) continue;
    const at = path.map((i) => i + 1).join('.');
    const shown = isList ? `[${value.map(String).join(', ')}]` : String(value);
    return {
      zh: `坐标 ${at || '—'}：${shown} 不是由有限数字组成的坐标`,
      en: `coordinates ${at || '—'}: ${shown} is not a position of finite numbers`,
    };
  }
  return null;
}

/** Every feature of the layers whose geometry breaks the rule, as problems (index in its layer). */
export function coordinateProblems(layers: readonly Layer[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const layer of layers) {
    const field = layers.length > 1 ? `${layer.name}.geometry` : 'geometry';
    layer.features.forEach((feature, index) => {
      const reason = feature.geometry && coordinateFault(feature.geometry);
      if (reason) problems.push({ index, field, reason });
    });
  }
  return problems;
}

/** A reader's result with such features taken out of its layers and listed as refused. */
export function refuseNonFinite(result: ReadResult): ReadResult {
  const problems = coordinateProblems(result.layers);
  if (!problems.length) return result;
  const layers = result.layers.map((layer) => ({
    ...layer,
    features: layer.features.filter((f) => !f.geometry || !coordinateFault(f.geometry)),
  }));
  return { ...result, layers, problems: [...result.problems, ...problems] };
}
