import { z } from 'zod';
import type { Bilingual } from '../domain/labels';
import type { HelmertParameters } from './helmert';

/**
 * How positions on an old datum (Xian 1980, Beijing 1954, New Beijing, or any other) become
 * CGCS2000 — always the planner's choice, never assumed:
 * - `none`: "ballpark, no shift" — latitude and longitude on the old ellipsoid are taken as CGCS2000
 *   (the projection is still undone on the file's own ellipsoid); the error stays, and is named;
 * - `helmert`: 3 or 7 parameters from old datum to CGCS2000, entered or loaded from a file, as
 *   published per province or project (position-vector convention unless stated).
 * A choice is stored with the project (ProjectSettings.datumShifts, keyed by CrsDef.datumKey).
 */
export const DatumShiftSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('helmert'),
    values: z
      .array(z.number().finite())
      .refine((v) => v.length === 3 || v.length === 7, { message: '3 or 7 parameters' }),
    convention: z.enum(['position_vector', 'coordinate_frame']).default('position_vector'),
    /** Where the parameters come from (a file name, a document number). */
    source: z.string().max(200).optional(),
  }),
]);

export type DatumShift = z.infer<typeof DatumShiftSchema>;

export function helmertOf(shift: Extract<DatumShift, { method: 'helmert' }>): HelmertParameters {
  return { values: shift.values, convention: shift.convention };
}

export class DatumShiftParseError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'DatumShiftParseError';
  }
}

/**
 * Parameters from text: "none", or 3 or 7 numbers (dx dy dz [rx ry rz ds]) separated by commas,
 * spaces or new lines — the layout of the parameter files provinces publish, where a label may
 * stand before each number ("DX=15.8", "ΔX: 15.8 m"). The words "coordinate frame"/"坐标框架" (or
 * "position vector"/"位置矢量") anywhere choose the rotation convention.
 */
export function parseDatumShift(text: string, source?: string): DatumShift {
  const trimmed = text.trim();
  if (/^(none|no[-_ ]?shift|不转换)$/i.test(trimmed)) return { method: 'none' };
  const convention = /coordinate[-_ ]?frame|坐标框架/i.test(trimmed) ? 'coordinate_frame' : 'position_vector';
  // Numbers that are not part of a label like "DX" or "7参数".
  const numbers = [
    ...trimmed.matchAll(/(?<![A-Za-z0-9_.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![0-9]*参数)/g),
  ].map((m) => Number(m[0]));
  if (numbers.length !== 3 && numbers.length !== 7) {
    throw new DatumShiftParseError({
      zh: `基准转换参数应为 3 个或 7 个数（dx dy dz [rx ry rz ds]），实际读到 ${numbers.length} 个`,
      en: `Datum transformation parameters must be 3 or 7 numbers (dx dy dz [rx ry rz ds]); found ${numbers.length}`,
    });
  }
  if (!numbers.every(Number.isFinite)) {
    throw new DatumShiftParseError({ zh: '参数不是有限数', en: 'A parameter is not a finite number' });
  }
  return { method: 'helmert', values: numbers, convention, ...(source ? { source } : {}) };
}

/** "dx=15.8 m, dy=…" for notes and reports. */
export function describeDatumShift(shift: DatumShift): Bilingual {
  if (shift.method === 'none') return { zh: '不做基准转换（粗略）', en: 'no datum shift (ballpark)' };
  const names = ['dx', 'dy', 'dz', 'rx', 'ry', 'rz', 'ds'];
  const units = ['m', 'm', 'm', '″', '″', '″', 'ppm'];
  const list = shift.values.map((v, i) => `${names[i]}=${v}${units[i]}`).join(', ');
  const kind =
    shift.values.length === 7 ? { zh: '七参数', en: '7-parameter' } : { zh: '三参数', en: '3-parameter' };
  const convention =
    shift.convention === 'coordinate_frame'
      ? { zh: '坐标框架旋转', en: 'coordinate frame' }
      : { zh: '位置矢量', en: 'position vector' };
  return {
    zh: `${kind.zh}转换（${convention.zh}）：${list}`,
    en: `${kind.en} transformation (${convention.en}): ${list}`,
  };
}
