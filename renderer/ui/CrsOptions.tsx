import type { Lang } from '../../shared/domain/labels';
import { crsGroups, crsLabel } from '../editor/transferCrs';

/**
 * The option groups of a CRS select: every bundled system as a planner looks for them, the
 * project's zone first. Exports leave out the old datums, which would need a datum transformation.
 */
export function CrsOptions({
  projectZone,
  lang,
  oldDatums,
}: {
  projectZone: number;
  lang: Lang;
  oldDatums: boolean;
}) {
  return (
    <>
      {crsGroups(projectZone, { oldDatums }).map((group) => (
        <optgroup key={group.label.en} label={group.label[lang]}>
          {group.codes.map((code) => (
            <option key={code} value={code}>
              {crsLabel(code, lang)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
