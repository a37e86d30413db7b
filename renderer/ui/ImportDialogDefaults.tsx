import { useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import type { ImportOptions } from '../../shared/formats/mapping/types';
import { rereadImport } from '../editor/transfer';
import { text } from './i18n';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * What features lacking a name or a zone type become (drawings and KML rarely carry them);
 * without a choice they are refused and listed.
 */
export function ImportDialogDefaults({
  options,
  lang,
  disabled,
}: {
  options: ImportOptions;
  lang: Lang;
  disabled: boolean;
}) {
  const { workbench } = useWorkbench();
  const [name, setName] = useState(options.defaultObjectName ?? '');
  const commitName = () => {
    const value = name.trim() || undefined;
    if (value !== options.defaultObjectName) void rereadImport(workbench, { defaultObjectName: value });
  };
  return (
    <div className="import-defaults">
      <label className="field">
        <span>{text('importObjectName', lang)}</span>
        <input
          type="text"
          aria-label={text('importObjectName', lang)}
          value={name}
          disabled={disabled}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === 'Enter' && commitName()}
        />
      </label>
      <label className="field">
        <span>{text('importDefaultZoneType', lang)}</span>
        <select
          aria-label={text('importDefaultZoneType', lang)}
          value={options.defaultZoneType ?? ''}
          disabled={disabled}
          onChange={(e) =>
            void rereadImport(workbench, {
              defaultZoneType: (e.target.value || undefined) as ZoneType | undefined,
            })
          }
        >
          <option value="">{text('importRefuseFeature', lang)}</option>
          {ZONE_TYPES.map((type) => (
            <option key={type} value={type}>
              {ZONE_TYPE_LABELS[type][lang]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
