import type { z } from 'zod';
import type { Bilingual } from './labels';

/**
 * Zod's issues in a planner's words: where (a vertex of a boundary, not `coordinates.0.1.0`), what
 * is wrong, and what to do. The one place that words a refused value; messages.ts uses it.
 */

const TYPES: Partial<Record<string, Bilingual>> = {
  string: { zh: '文本', en: 'a text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '一组字段', en: 'a group of fields' },
};

/** A value kind zod expects (string, number …) in both languages. */
export function typeName(expected: string): Bilingual {
  return TYPES[expected] ?? { zh: expected, en: expected };
}

/** Rules of the boundary checks, by their zod message (shared/domain/geometry.ts). */
const GEOMETRY_RULES: Record<string, Bilingual> = {
  'not a finite number': {
    zh: '坐标不是有效数字：请在源文件中改正该顶点',
    en: 'the coordinate is not a valid number; correct this vertex in the source file',
  },
  'longitude outside −180…180': {
    zh: '经度超出 −180…180：请检查坐标系是否选对，或改正该顶点',
    en: 'the longitude is outside −180…180; check the coordinate system chosen, or correct this vertex',
  },
  'latitude outside −90…90': {
    zh: '纬度超出 −90…90：请检查坐标系和 X/Y 顺序，或改正该顶点',
    en: 'the latitude is outside −90…90; check the coordinate system and the X/Y order, or correct this vertex',
  },
};

const AXES: Bilingual[] = [
  { zh: '经度', en: 'longitude' },
  { zh: '纬度', en: 'latitude' },
];

/**
 * A boundary's place from a zod path: `coordinates.0.2.1` → "ring 1, vertex 3, latitude". Null
 * when the path is not inside a geometry's coordinates.
 */
export function boundaryPlace(path: readonly PropertyKey[]): Bilingual | null {
  const at = path.indexOf('coordinates');
  if (at < 0) return null;
  const steps = path.slice(at + 1).map(Number);
  if (steps.some((n) => !Number.isInteger(n))) return null;
  // Polygon: ring, vertex, axis; MultiPolygon: part, ring, vertex, axis. A vertex has 2 axes.
  const multi = steps.length === 4 || (steps.length === 3 && steps[2]! > 1);
  const [part, ring, vertex, axis]: (number | undefined)[] = multi ? steps : [undefined, ...steps];
  const zh: string[] = [];
  const en: string[] = [];
  if (part !== undefined) {
    zh.push(`第 ${part + 1} 部分`);
    en.push(`part ${part + 1}`);
  }
  if (ring !== undefined) {
    zh.push(ring === 0 ? '外环' : `第 ${ring} 个内环`);
    en.push(ring === 0 ? 'outer ring' : `hole ${ring}`);
  }
  if (vertex !== undefined) {
    zh.push(`第 ${vertex + 1} 个顶点`);
    en.push(`vertex ${vertex + 1}`);
  }
  if (axis !== undefined && AXES[axis]) {
    zh.push(`的${AXES[axis].zh}`);
    en.push(AXES[axis].en);
  }
  return { zh: `边界${zh.join('')}`, en: `boundary ${en.join(', ')}` };
}

type Issue = z.core.$ZodIssue;

/** What is wrong with the value and what to do, or null to leave the wording to zod's locale. */
export function issueWording(issue: Issue): Bilingual | null {
  switch (issue.code) {
    case 'custom':
      return GEOMETRY_RULES[issue.message] ?? null;
    case 'invalid_type': {
      const type = typeName(issue.expected);
      return {
        zh: `缺少或不是${type.zh}：请填写${type.zh}`,
        en: `missing or not ${type.en}; enter ${type.en}`,
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      return {
        zh: `不是可用的取值：请改为 ${values.join('、')} 之一`,
        en: `not an accepted value; use one of ${values.join(', ')}`,
      };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : (issue as { maximum: number | bigint }).maximum);
      if (issue.origin === 'array' && small && boundaryPlace(issue.path)) {
        return {
          zh: `环只有不到 ${limit} 个坐标点（至少 3 个角点加 1 个闭合点）：请补全该环或删除它`,
          en: `the ring has fewer than ${limit} positions (3 corners and the closing one); complete or remove it`,
        };
      }
      if (issue.origin !== 'number') return null;
      const strict = !issue.inclusive;
      if (small)
        return {
          zh: strict ? `应大于 ${limit}：请改正该值` : `不能小于 ${limit}：请改正该值`,
          en: strict
            ? `must be more than ${limit}; correct the value`
            : `must be at least ${limit}; correct the value`,
        };
      return {
        zh: strict ? `应小于 ${limit}：请改正该值` : `不能大于 ${limit}：请改正该值`,
        en: strict
          ? `must be less than ${limit}; correct the value`
          : `must be at most ${limit}; correct the value`,
      };
    }
    default:
      return null;
  }
}
