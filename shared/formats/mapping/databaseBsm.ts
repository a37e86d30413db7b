import type { DocumentZone } from '../projectDocument';

/**
 * The BSM of each feature of a planning-database export. A zone imported from the database keeps
 * the BSM it came with (zone attribute `bsm`, matched again on re-import), on its first part;
 * every other feature gets a new number from the export's sequence, skipping the numbers stored
 * ones already use, so no two features share a BSM. Returns one entry per piece, undefined where
 * the profile's own sequence applies.
 */
export function piecesBsm(
  pieces: readonly { zone: DocumentZone }[],
  /** The 6-digit county code a zone's BSM starts with. */
  countyOf: (zone: DocumentZone) => string,
  startSequence: number,
): (string | undefined)[] {
  const stored = new Set<string>();
  for (const { zone } of pieces) {
    const bsm = zone.attributes.bsm?.trim();
    if (bsm && /^\d{18}$/.test(bsm)) stored.add(bsm);
  }
  const seen = new Set<string>();
  let sequence = startSequence;
  const next = (zone: DocumentZone) => {
    for (;;) {
      const bsm = `${countyOf(zone)}0000${String(sequence++).padStart(8, '0')}`;
      if (!stored.has(bsm)) return bsm;
    }
  };
  return pieces.map(({ zone }) => {
    const bsm = zone.attributes.bsm?.trim();
    if (bsm && stored.has(bsm) && !seen.has(bsm)) {
      seen.add(bsm);
      return bsm;
    }
    return stored.size > 0 ? next(zone) : undefined;
  });
}
