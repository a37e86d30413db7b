import type { ProtectedObject } from '../../shared/domain/schema';

/** At most this many objects are listed in a picker; typing part of a name narrows the rest. */
export const LISTED_AT_MOST = 200;

export interface ObjectMatches {
  /** The matching objects a picker lists, in the project's order; the chosen one first if it does not match. */
  listed: ProtectedObject[];
  /** Objects whose name contains what was typed; `more` of them are not listed. */
  matching: number;
  more: number;
  firstMatch: ProtectedObject | undefined;
  /** Whether the chosen object is among those matching. */
  chosenMatches: boolean;
}

/**
 * The objects a picker lists for what was typed: those whose name contains it (letters in either
 * case, spaces at the ends ignored), the first `limit` of them, and the chosen object whatever
 * was typed (a select shows its value only among its options).
 */
export function objectMatches(
  objects: readonly ProtectedObject[],
  query: string,
  chosenId: string,
  limit = LISTED_AT_MOST,
): ObjectMatches {
  const wanted = query.trim().toLowerCase();
  const listed: ProtectedObject[] = [];
  let matching = 0;
  let chosen: ProtectedObject | undefined;
  let chosenMatches = false;
  for (const object of objects) {
    const isChosen = object.id === chosenId;
    if (isChosen) chosen = object;
    if (wanted && !object.attributes.name.toLowerCase().includes(wanted)) continue;
    matching++;
    if (isChosen) chosenMatches = true;
    if (listed.length < limit) listed.push(object);
  }
  const firstMatch = listed[0];
  if (chosen && !listed.includes(chosen)) listed.unshift(chosen);
  return { listed, matching, more: Math.max(0, matching - limit), firstMatch, chosenMatches };
}
