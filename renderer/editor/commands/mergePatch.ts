/**
 * Apply a form patch to stored attributes: plain nested objects (approval, provenance) merge one
 * level deep, everything else is replaced. Only keys already in the record's schema are expected;
 * dangerous keys are ignored so a patch can never reach an object's prototype.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergePatch<T extends object>(base: T, patch: Record<string, unknown>): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN.has(key) || value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? mergePatch(current, value) : value;
  }
  return result as T;
}
