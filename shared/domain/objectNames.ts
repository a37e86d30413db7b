import type { Bilingual } from './labels';
import type { ProtectedObject } from './schema';

/**
 * Two protected objects may legitimately share a name (关帝庙 in two townships), so a duplicate is
 * warned about, never refused. Names compare as people write them: full- and half-width forms
 * alike (NFKC), whitespace ignored, Latin letters in any case.
 */
export function objectNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The project's other objects with the same name as `name` (`exceptId`: the object being renamed). */
export function sameNamedObjects(
  objects: readonly ProtectedObject[],
  name: string,
  exceptId?: string,
): ProtectedObject[] {
  const key = objectNameKey(name);
  if (!key) return [];
  return objects.filter((o) => o.id !== exceptId && objectNameKey(o.attributes.name) === key);
}

/** Where the same-named objects are, so the planner can tell them apart: address, else code. */
function whereabouts(others: readonly ProtectedObject[]): Bilingual {
  const places = others.slice(0, 3).map((o) => o.attributes.address.trim() || o.attributes.xzqdm.trim());
  const more = others.length > 3 ? others.length - 3 : 0;
  const list = (sep: string, none: string, rest: string) =>
    places.map((p) => p || none).join(sep) + (more ? `${sep}${rest}` : '');
  return {
    zh: list('；', '未填写地址', `另有 ${more} 个`),
    en: list('; ', 'no address given', `${more} more`),
  };
}

/** The warning shown before creating, or after renaming to, a name the project already has. */
export function duplicateNameWarning(
  name: string,
  others: readonly ProtectedObject[],
  when: 'create' | 'rename',
): Bilingual {
  const where = whereabouts(others);
  const existing = others[0]!.attributes.name;
  if (when === 'create') {
    return {
      zh: `本项目中已有同名保护对象“${existing}”（${where.zh}）。不同乡镇的文物可能同名；若确为另一处，请点击“仍然创建”。`,
      en: `This project already has a protected object named “${existing}” (${where.en}). Sites in different townships may share a name; if this is another site, choose “Create anyway”.`,
    };
  }
  return {
    zh: `已改名为“${name}”；本项目中另有同名保护对象（${where.zh}）。若是同一处文物，请撤销。`,
    en: `Renamed to “${name}”; another object in this project has the same name (${where.en}). If it is the same site, undo.`,
  };
}
