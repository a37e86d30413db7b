import type { Bilingual } from '../domain/labels';

/**
 * Per-feature notes (a feature read without geometry, a ring closed) go into a file's warnings:
 * every one when there are few, the first ones and a count when a file holds thousands.
 */
export const LISTED_NOTES = 20;

export function listNotes(notes: readonly Bilingual[], max = LISTED_NOTES): Bilingual[] {
  if (notes.length <= max) return [...notes];
  const more = notes.length - max;
  return [...notes.slice(0, max), { zh: `……另有 ${more} 条同样处理`, en: `…and ${more} more the same way` }];
}
