import { useMemo, useState } from 'react';
import { compareNames } from '../../shared/domain/collation';
import type { ProtectedObject } from '../../shared/domain/schema';
import type { Lang } from '../../shared/domain/labels';
import { objectMatches } from './objectMatches';

/** From this many objects on, a search box narrows the list. */
const SEARCH_FROM = 10;

/**
 * Choose one of the project's protected objects. A select lists them by name; a province's project holds
 * 10 000, which no one scrolls through, so past a few a search box narrows the list to the names
 * containing what is typed (the first 200 of them, and the one chosen).
 */
export function ObjectSelect({
  id,
  objects,
  value,
  onChange,
  lang,
}: {
  id: string;
  objects: readonly ProtectedObject[];
  value: string;
  onChange(objectId: string): void;
  lang: Lang;
}) {
  const [query, setQuery] = useState('');
  // In name order, as the object tree lists them (the project holds them in key order).
  const byName = useMemo(
    () => [...objects].sort((a, b) => compareNames(a.attributes.name, b.attributes.name)),
    [objects],
  );
  const { listed, matching, more } = objectMatches(byName, query, value);
  // Narrowing away the chosen object chooses the first that matches; nothing matching keeps it.
  const narrow = (text: string) => {
    setQuery(text);
    const next = objectMatches(byName, text, value);
    if (!next.chosenMatches && next.firstMatch) onChange(next.firstMatch.id);
  };
  return (
    <>
      {objects.length >= SEARCH_FROM && (
        <input
          type="search"
          aria-label={lang === 'zh' ? '按名称查找保护对象' : 'Find an object by name'}
          placeholder={lang === 'zh' ? '输入名称的一部分' : 'Part of the name'}
          value={query}
          onChange={(e) => narrow(e.target.value)}
        />
      )}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {listed.map((o) => (
          <option key={o.id} value={o.id}>
            {o.attributes.name}
          </option>
        ))}
      </select>
      {more > 0 && (
        <p className="hint" role="status">
          {lang === 'zh'
            ? `另有 ${more} 个，输入名称缩小范围`
            : `${more} more: type part of a name to narrow`}
        </p>
      )}
      {query.trim() && matching === 0 && (
        <p className="hint" role="status">
          {lang === 'zh' ? '没有名称包含此文字的保护对象' : 'No object has this in its name'}
        </p>
      )}
    </>
  );
}
