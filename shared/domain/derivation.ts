import { z } from 'zod';

/**
 * How a derived zone's geometry was computed from a 四至 rule (docs/geometry.md "Derivations").
 * Stored on the zone so the geometry can be regenerated when its source changes.
 */
export const DERIVATION_METHODS = [
  'buffer',
  'sides',
  'base_point',
  'radius',
  'corridor',
  'rings',
  'same_as_range',
] as const;
export type DerivationMethod = (typeof DERIVATION_METHODS)[number];

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const DerivationSchema = z.object({
  method: z.enum(DERIVATION_METHODS),
  /** The zone the geometry was derived from (body, range, …); null for a point or line source. */
  sourceZoneId: z.string().min(1).max(64).nullable().default(null),
  /** Base point or circle centre (lon/lat) for base_point and radius. */
  sourcePoint: position.nullable().default(null),
  /** Centre line (lon/lat) for corridor. */
  sourceLine: z.array(position).min(2).max(10_000).nullable().default(null),
  /** The method's parameters in metres, as entered (see shared/derive/types.ts). */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Hash of the source zone's geometry when derived: a different hash now means "source changed". */
  sourceHash: z.string().max(64).nullable().default(null),
  derivedAt: z.string().max(40).default(''),
  /** The generated 四至 draft (Chinese) for this geometry; the verbatim text stays in boundaryText. */
  draft: z.string().max(4000).default(''),
});
export type Derivation = z.output<typeof DerivationSchema>;
export type DerivationInput = z.input<typeof DerivationSchema>;
