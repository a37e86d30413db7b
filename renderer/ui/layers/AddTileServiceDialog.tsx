import { useId, useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { TIANDITU_BASES, TIANDITU_KEY_HELP, type TiandituMatrixSet } from '../../../shared/tiles/tianditu';
import { useLang } from '../hooks/useLang';
import { useModalDialog } from '../hooks/useModalDialog';
import { useWorkbench } from '../hooks/useWorkbench';
import { WmtsLayerPicker, type WmtsPick } from './WmtsLayerPicker';
import {
  prepareCapabilities,
  prepareTemplate,
  prepareTianditu,
  type NewTileService,
  type Prepared,
} from './tileServiceForm';

export type TileServiceMode = 'template' | 'tianditu' | 'wmts';

interface Props {
  mode: TileServiceMode | null;
  onClose(): void;
  /** Store the services (the caller puts them on top of the layer list and allows their origins). */
  onAdd(services: NewTileService[]): Promise<void>;
  /** Allow these origins now (desktop reloads; web explains the setting); true when usable at once. */
  allowOrigins(origins: string[]): Promise<boolean>;
}

const TITLES: Record<TileServiceMode, Bilingual> = {
  template: { zh: '添加瓦片服务（XYZ / TMS / WMTS）', en: 'Add tile service (XYZ / TMS / WMTS)' },
  tianditu: { zh: '添加天地图', en: 'Add Tianditu' },
  wmts: { zh: '添加一张图 WMTS 服务', en: 'Add a 一张图 WMTS service' },
};

/**
 * Add a tile service: a template as the service publishes it (a pasted key is moved to the key
 * field and kept on this computer only), a 天地图 preset with the planner's own key, or a county
 * 一张图 WMTS service read from its capabilities.
 */
export function AddTileServiceDialog({ mode, onClose, onAdd, allowOrigins }: Props) {
  const { platform, workbench } = useWorkbench();
  const { lang } = useLang();
  const dialog = useModalDialog(mode !== null);
  const id = useId();
  const z = (text: Bilingual) => text[lang];
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const [tms, setTms] = useState(false);
  const [geographic, setGeographic] = useState(false);
  const [matrixSet, setMatrixSet] = useState('');
  const [key, setKey] = useState('');
  const [base, setBase] = useState(0);
  const [set, setSet] = useState<TiandituMatrixSet>('w');
  const [annotation, setAnnotation] = useState(true);
  const [capsUrl, setCapsUrl] = useState('');
  const [pick, setPick] = useState<WmtsPick | null>(null);
  const [problem, setProblem] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  const prepare = (): Prepared => {
    if (mode === 'tianditu') return prepareTianditu(TIANDITU_BASES[base]!, set, annotation, key, lang);
    if (mode === 'wmts')
      return pick
        ? prepareCapabilities(capsUrl, pick, key)
        : {
            ok: false,
            cause: { zh: '请先读取并选择图层', en: 'Read the capabilities and choose a layer first' },
          };
    const projection = geographic ? 'EPSG:4490' : 'EPSG:3857';
    return prepareTemplate({ name, template, tms, projection, matrixSet, key });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepare();
    if (!prepared.ok) return setProblem(prepared.cause);
    setProblem(null);
    setBusy(true);
    try {
      const { services, key: keep } = prepared.value;
      if (keep) await platform.setServiceKey(keep.keyId, keep.key);
      await onAdd(services);
      onClose();
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const pastedKeyHint =
    mode === 'template' &&
    /[?&](tk|key|token|access_token|apikey|api_key|ak)=(?!\{key\})[^&]+/i.test(template);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="modal tile-service-dialog"
    >
      {mode && (
        <form method="dialog" onSubmit={(e) => void submit(e)}>
          <h2 id={`${id}-title`}>{z(TITLES[mode])}</h2>
          {mode === 'template' && (
            <>
              <label htmlFor={`${id}-name`}>{z({ zh: '名称', en: 'Name' })}</label>
              <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
              <label htmlFor={`${id}-url`}>{z({ zh: '瓦片地址模板', en: 'Tile URL template' })}</label>
              <input
                id={`${id}-url`}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
                placeholder="https://…/{z}/{x}/{y}.png"
                spellCheck={false}
              />
              <p className="muted hint">
                {z({
                  zh: '支持 {z}{x}{y}（任意顺序）、{-y}、{s}/{a-c}/{0-7}、{TileMatrix}{TileRow}{TileCol}；地址中的 tk=/key=/token= 密钥会移到下方，只保存在本机。',
                  en: 'Accepts {z}{x}{y} in any order, {-y}, {s}/{a-c}/{0-7}, {TileMatrix}{TileRow}{TileCol}; a tk=/key=/token= in the URL moves to the key below and stays on this computer.',
                })}
              </p>
              {pastedKeyHint && (
                <p role="status">
                  {z({
                    zh: '地址中的密钥将保存在本机，项目中只记 {key}',
                    en: 'The key in the URL will be kept on this computer; the project keeps only {key}',
                  })}
                </p>
              )}
              <label>
                <input type="checkbox" checked={tms} onChange={(e) => setTms(e.target.checked)} />
                {z({ zh: 'TMS（行号自下而上）', en: 'TMS (rows counted from the bottom)' })}
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={geographic}
                  onChange={(e) => setGeographic(e.target.checked)}
                />
                {z({ zh: 'CGCS2000 经纬度瓦片（天地图 _c）', en: 'CGCS2000 lon/lat tiles (Tianditu _c)' })}
              </label>
              <label htmlFor={`${id}-set`}>
                {z({ zh: '矩阵集（仅 WMTS 模板）', en: 'Matrix set (WMTS templates only)' })}
              </label>
              <select id={`${id}-set`} value={matrixSet} onChange={(e) => setMatrixSet(e.target.value)}>
                <option value="">{z({ zh: '自动', en: 'Automatic' })}</option>
                <option value="w">w (EPSG:3857)</option>
                <option value="c">c (EPSG:4490)</option>
                <option value="GoogleMapsCompatible">GoogleMapsCompatible</option>
              </select>
            </>
          )}
          {mode === 'tianditu' && (
            <>
              <label htmlFor={`${id}-base`}>{z({ zh: '底图', en: 'Base map' })}</label>
              <select id={`${id}-base`} value={base} onChange={(e) => setBase(Number(e.target.value))}>
                {TIANDITU_BASES.map((b, i) => (
                  <option key={b.layer} value={i}>
                    {z(b.label)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-tdset`}>{z({ zh: '坐标系', en: 'Coordinate system' })}</label>
              <select
                id={`${id}-tdset`}
                value={set}
                onChange={(e) => setSet(e.target.value as TiandituMatrixSet)}
              >
                <option value="w">{z({ zh: '球面墨卡托（_w）', en: 'Web Mercator (_w)' })}</option>
                <option value="c">{z({ zh: 'CGCS2000 经纬度（_c）', en: 'CGCS2000 lon/lat (_c)' })}</option>
              </select>
              <label>
                <input
                  type="checkbox"
                  checked={annotation}
                  onChange={(e) => setAnnotation(e.target.checked)}
                />
                {z({ zh: '同时添加注记层', en: 'Add its labels layer too' })}
              </label>
            </>
          )}
          {mode === 'wmts' && (
            <WmtsLayerPicker
              url={capsUrl}
              setUrl={setCapsUrl}
              keyValue={key}
              onPick={setPick}
              allowOrigins={allowOrigins}
            />
          )}
          <label htmlFor={`${id}-key`}>
            {z({ zh: '密钥（只保存在本机）', en: 'Key (kept on this computer only)' })}
          </label>
          <input
            id={`${id}-key`}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          {mode === 'tianditu' && <p className="muted hint">{z(TIANDITU_KEY_HELP)}</p>}
          {problem && (
            <p role="alert" className="error">
              {z(problem)}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {z({ zh: '取消', en: 'Cancel' })}
            </button>
            <button type="submit" disabled={busy}>
              {z({ zh: '添加', en: 'Add' })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
