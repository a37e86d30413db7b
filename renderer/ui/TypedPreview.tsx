import type { Lang } from '../../shared/domain/labels';
import { say, type Typed } from './coordinateUi';

/** What typed or pasted rows were read as: the point count and how the system was told, or why not. */
export function TypedPreview({ typed, lang }: { typed: Typed; lang: Lang }) {
  if ('problems' in typed) {
    return (
      <ul className="field-error typed-preview" role="alert">
        {typed.problems.slice(0, 5).map((p, i) => (
          <li key={i}>{say(p, lang)}</li>
        ))}
        {typed.problems.length > 5 && (
          <li>
            {lang === 'zh'
              ? `另有 ${typed.problems.length - 5} 处问题`
              : `and ${typed.problems.length - 5} more`}
          </li>
        )}
      </ul>
    );
  }
  const count = typed.rings.reduce((n, r) => n + r.length, 0);
  return (
    <ul className="typed-preview" aria-live="polite">
      <li>
        {lang === 'zh'
          ? `读到 ${count} 个点，${typed.rings.length} 个环`
          : `Read ${count} point(s) in ${typed.rings.length} ring(s)`}
      </li>
      {[...typed.reasons, ...typed.warnings].map((r, i) => (
        <li key={i}>{say(r, lang)}</li>
      ))}
    </ul>
  );
}
