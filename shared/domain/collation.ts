/**
 * How names are ordered wherever a list is sorted by name (object tree, attribute table, filters,
 * project list): Chinese collation with numbers by value (对象9 before 对象10). One collator,
 * made once: `localeCompare(b, 'zh-CN')` builds one per call, which costs tens of milliseconds
 * when 10 000 names are sorted.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('zh-CN', { numeric: true })
  .compare;
