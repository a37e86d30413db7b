import { GENERIC_NAMES } from '../profiles/generic';
import { FIELD_SYNONYMS } from './fieldSynonyms';
import { TARGET_FIELDS } from './targetFields';

/**
 * Field names compared the way people write them: full-width and half-width forms alike (NFKC),
 * any case, without spaces, underscores, hyphens or brackets (限高（米） = 限高(米) = 限高米,
 * ZONE_TYPE = zone type = zonetype).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—·.,:;()[\]{}【】「」《》<>"'`]/g, '');
}

/** Names a property is known by, most specific first: ours, then other tools', then the labels. */
function namesOf(property: string): string[] {
  const target = TARGET_FIELDS.find((t) => t.property === property)!;
  return [
    property,
    ...(GENERIC_NAMES[property] ? [GENERIC_NAMES[property]] : []),
    ...(FIELD_SYNONYMS[property] ?? []),
    target.label.zh,
    target.label.en,
  ];
}

interface Known {
  property: string;
  rank: number;
}

/** Normalised name → the property it names; the first property to claim a name keeps it. */
const KNOWN = new Map<string, Known>();
for (const { property } of TARGET_FIELDS)
  namesOf(property).forEach((name, rank) => {
    const key = normalizeName(name);
    if (key && !KNOWN.has(key)) KNOWN.set(key, { property, rank });
  });

/** Every normalised name and the properties claiming it, for the table's own tests. */
export function synonymClaims(): Map<string, string[]> {
  const claims = new Map<string, string[]>();
  for (const { property } of TARGET_FIELDS)
    for (const name of new Set(namesOf(property).map(normalizeName)))
      claims.set(name, [...(claims.get(name) ?? []), property]);
  return claims;
}

/** A DBF keeps 10 bytes of a name: 10 ASCII letters, 5 GBK or 3 UTF-8 Chinese characters. */
function looksCut(name: string): boolean {
  const utf8 = new TextEncoder().encode(name).length;
  const gbk = [...name].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0);
  return [utf8, gbk].some((bytes) => bytes === 9 || bytes === 10);
}

/** The property a name cut short by a DBF writer stands for, when only one fits (object_nam does not). */
function cutMatch(key: string): Known | null {
  let found: Known | null = null;
  for (const [name, known] of KNOWN) {
    if (!name.startsWith(key) || name === key) continue;
    if (found && found.property !== known.property) return null;
    found = { property: known.property, rank: 1000 };
  }
  return found;
}

/**
 * The source field each schema property reads, matched by name: our `full` and `generic` names,
 * the LSWHBHX codes, Chinese and English names in use, and names cut to 10 bytes by DBF writers.
 * A source field serves one property; when several fields name the same property, the more
 * specific name wins (保护对象名称 before 名称). Returns property → source field name.
 */
export function matchFields(sourceFields: readonly string[]): Record<string, string> {
  const best = new Map<string, { source: string; rank: number }>();
  for (const source of sourceFields) {
    const key = normalizeName(source);
    if (!key) continue;
    const known = KNOWN.get(key) ?? (looksCut(source) ? cutMatch(key) : null);
    if (!known) continue;
    const current = best.get(known.property);
    if (!current || known.rank < current.rank) best.set(known.property, { source, rank: known.rank });
  }
  const out: Record<string, string> = {};
  for (const { property } of TARGET_FIELDS) {
    const match = best.get(property);
    if (match) out[property] = match.source;
  }
  return out;
}
