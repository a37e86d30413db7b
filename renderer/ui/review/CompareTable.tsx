import type { Lang } from '../../../shared/domain/labels';
import { ZONE_TYPE_LABELS, ZONE_TYPES } from '../../../shared/domain/taxonomy';
import { formatAreaValue, type AreaUnit } from '../../../shared/domain/units';
import { targetField } from '../../../shared/formats/mapping/targetFields';
import type { CompareResult, UnitChange, ZoneChange } from '../../../shared/review/compareTypes';
import { COMPARE_TEXT as T, KIND_LABELS } from './compareText';

/** Where a click in the table asks the map to go. */
export type CompareTarget = { kind: 'unit'; unit: UnitChange } | { kind: 'zone'; change: ZoneChange };

const fieldLabels = (fields: readonly string[], lang: Lang) =>
  fields.map((f) => targetField(f)?.label[lang] ?? f).join(lang === 'zh' ? '、' : ', ');

function Area({ m2, unit, testId }: { m2: number; unit: AreaUnit; testId?: string }) {
  return (
    <td className="number" data-testid={testId} data-value={m2}>
      {formatAreaValue(m2, unit)}
    </td>
  );
}

/**
 * The comparison as tables: totals per zone type, then per object and zone type the land gained
 * and lost with areas, then every changed zone with what changed (which fields), then objects.
 * A click on a unit or zone row asks the map to show it.
 */
export function CompareTable({
  result,
  names,
  unit,
  lang,
  onShow,
}: {
  result: CompareResult;
  names: ReadonlyMap<string, string>;
  unit: AreaUnit;
  lang: Lang;
  onShow(target: CompareTarget): void;
}) {
  const types = ZONE_TYPES.filter((t) => result.totals[t]);
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className="compare-tables">
      <table className="area-table" aria-label={T.totals[lang]}>
        <caption>{T.totals[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.zoneType[lang]}</th>
            <th scope="col">{T.counts[lang]}</th>
            <th scope="col">{T.before[lang]}</th>
            <th scope="col">{T.after[lang]}</th>
            <th scope="col">{T.gained[lang]}</th>
            <th scope="col">{T.lost[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => {
            const t = result.totals[type]!;
            return (
              <tr key={type} data-testid={`compare-total-${type}`}>
                <th scope="row">{ZONE_TYPE_LABELS[type][lang]}</th>
                <td>{`${t.added} / ${t.removed} / ${t.changed}`}</td>
                <Area m2={t.beforeM2} unit={unit} />
                <Area m2={t.afterM2} unit={unit} />
                <Area m2={t.gainedM2} unit={unit} testId={`compare-total-${type}-gained`} />
                <Area m2={t.lostM2} unit={unit} testId={`compare-total-${type}-lost`} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="area-table" aria-label={T.units[lang]}>
        <caption>{T.units[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.object[lang]}</th>
            <th scope="col">{T.zoneType[lang]}</th>
            <th scope="col">{T.gained[lang]}</th>
            <th scope="col">{T.lost[lang]}</th>
            <th scope="col">{T.net[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {result.units.map((u) => (
            <tr
              key={`${u.zoneType}/${u.objectId}`}
              data-testid="compare-unit"
              className="clickable"
              onClick={() => onShow({ kind: 'unit', unit: u })}
            >
              <th scope="row">{name(u.objectId)}</th>
              <td>{ZONE_TYPE_LABELS[u.zoneType][lang]}</td>
              <Area m2={u.gainedM2} unit={unit} testId="compare-unit-gained" />
              <Area m2={u.lostM2} unit={unit} testId="compare-unit-lost" />
              <Area m2={u.gainedM2 - u.lostM2} unit={unit} />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="area-table" aria-label={T.zones[lang]}>
        <caption>{T.zones[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.object[lang]}</th>
            <th scope="col">{T.zoneType[lang]}</th>
            <th scope="col">{T.change[lang]}</th>
            <th scope="col">{T.fields[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {result.zones.map((z) => (
            <tr
              key={z.zoneId}
              data-testid="compare-zone"
              data-kind={z.kind}
              className="clickable"
              onClick={() => onShow({ kind: 'zone', change: z })}
            >
              <th scope="row">{name(z.objectId)}</th>
              <td>{ZONE_TYPE_LABELS[z.zoneType][lang]}</td>
              <td>{KIND_LABELS[z.kind][lang]}</td>
              <td>{fieldLabels(z.fields, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.objects.length > 0 && (
        <table className="area-table" aria-label={T.objects[lang]}>
          <caption>{T.objects[lang]}</caption>
          <tbody>
            {result.objects.map((o) => (
              <tr key={o.objectId} data-testid="compare-object" data-kind={o.kind}>
                <th scope="row">{name(o.objectId)}</th>
                <td>{KIND_LABELS[o.kind][lang]}</td>
                <td>{fieldLabels(o.fields, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
