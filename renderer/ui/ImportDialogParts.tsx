import type { Bilingual, Lang } from '../../shared/domain/labels';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import type { ImportProblem, LayerSummary } from '../../shared/formats/mapping/types';
import type { Properties, ReadInfo } from '../../shared/formats/layer';
import { ENCODING_CANDIDATES } from '../../shared/formats/text/encoding';
import { text, inParens } from './i18n';

type Encoding = NonNullable<ReadInfo['encoding']>;

const ENCODING_SOURCE: Record<Encoding['source'], Bilingual> = {
  header: { zh: '文件头声明', en: 'declared in the file header' },
  cpg: { zh: '.cpg 文件声明', en: 'declared by the .cpg file' },
  detected: { zh: '按内容识别', en: 'detected from the content' },
  user: { zh: '您的选择', en: 'your choice' },
  fixed: { zh: '格式规定', en: 'fixed by the format' },
};

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  gbk: 'GBK',
  gb18030: 'GB18030',
  big5: 'Big5',
  'windows-1252': 'Windows-1252',
};

/** Text encoding used, how it was chosen, and a select that re-reads with another one. */
export function EncodingField({
  encoding,
  lang,
  disabled,
  onChange,
}: {
  encoding: Encoding;
  lang: Lang;
  disabled: boolean;
  onChange(encoding: string): void;
}) {
  const choices = [...new Set([...ENCODING_CANDIDATES, ...encoding.candidates, encoding.used])];
  const source = ENCODING_SOURCE[encoding.source][lang];
  if (encoding.source === 'fixed')
    return (
      <p>
        {text('importEncoding', lang)}: {ENCODING_LABELS[encoding.used] ?? encoding.used}
        {inParens(source, lang)}
      </p>
    );
  return (
    <label className="field">
      <span>{text('importEncoding', lang)}</span>
      <select
        aria-label={text('importEncoding', lang)}
        value={encoding.used}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {ENCODING_LABELS[c] ?? c}
          </option>
        ))}
      </select>
      <span className="hint" data-testid="encoding-source">
        {source}
      </span>
    </label>
  );
}

/** The first rows' attributes as decoded now, so garbled text shows before anything is stored. */
export function PreviewTable({ layer, rows, lang }: { layer: LayerSummary; rows: Properties[]; lang: Lang }) {
  const fields = layer.fields.length > 0 ? layer.fields.map((f) => f.name) : Object.keys(rows[0] ?? {});
  const shown = rows.slice(0, 8);
  return (
    <div className="preview-scroll">
      <table className="preview" aria-label={`${text('importPreviewTable', lang)}: ${layer.name}`}>
        <thead>
          <tr>
            <th scope="col">#</th>
            {fields.map((f) => (
              <th key={f} scope="col">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              <td>{i}</td>
              {fields.map((f) => (
                <td key={f}>{formatValue(Object.prototype.hasOwnProperty.call(row, f) ? row[f] : null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** One select per CAD layer (or KML folder): which zone type its closed polylines become. */
export function CadMappingTable({
  layers,
  mapping,
  lang,
  disabled,
  onChange,
}: {
  layers: { name: string; count: number }[];
  mapping: Record<string, ZoneType>;
  lang: Lang;
  disabled: boolean;
  onChange(mapping: Record<string, ZoneType>): void;
}) {
  const set = (name: string, value: string) => {
    // fromEntries defines own properties, so a layer called "__proto__" stays a plain key.
    const entries = Object.entries(mapping).filter(([k]) => k !== name);
    if (value) entries.push([name, value as ZoneType]);
    onChange(Object.fromEntries(entries) as Record<string, ZoneType>);
  };
  return (
    <table className="preview" aria-label={text('importCadMapping', lang)}>
      <thead>
        <tr>
          <th scope="col">{lang === 'zh' ? 'CAD 图层' : 'CAD layer'}</th>
          <th scope="col">{lang === 'zh' ? '图形数' : 'Shapes'}</th>
          <th scope="col">{lang === 'zh' ? '区划类型' : 'Zone type'}</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((layer) => (
          <tr key={layer.name}>
            <td>{layer.name}</td>
            <td>{layer.count}</td>
            <td>
              <select
                aria-label={`${lang === 'zh' ? 'CAD 图层' : 'CAD layer'} ${layer.name}`}
                value={Object.prototype.hasOwnProperty.call(mapping, layer.name) ? mapping[layer.name] : ''}
                disabled={disabled}
                onChange={(e) => set(layer.name, e.target.value)}
              >
                <option value="">{text('importSkipLayer', lang)}</option>
                {ZONE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {ZONE_TYPE_LABELS[type][lang]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every refused feature: layer, index, field and reason. */
/** Fields of a refusal named in words rather than by their key. */
const FIELD_WORDS: Partial<Record<string, Bilingual>> = { geometry: { zh: '几何', en: 'geometry' } };

export function RefusedList({ problems, lang }: { problems: readonly ImportProblem[]; lang: Lang }) {
  return (
    <ul className="rejections" aria-label={text('importRefused', lang)}>
      {problems.map((problem, i) => (
        <li key={i}>
          {problem.layer ? `${problem.layer} ` : ''}
          {problem.index === null
            ? ''
            : lang === 'zh'
              ? `要素 #${problem.index}`
              : `Feature #${problem.index}`}
          {/* "feature" names the whole feature: the number above says that already. */}
          {problem.field && problem.field !== 'feature'
            ? inParens(FIELD_WORDS[problem.field]?.[lang] ?? problem.field, lang)
            : ''}
          {lang === 'zh' ? '：' : ': '}
          {problem.reason[lang]}
        </li>
      ))}
    </ul>
  );
}
