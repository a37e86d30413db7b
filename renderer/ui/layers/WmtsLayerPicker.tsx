import { useId, useState } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { checkTileTemplate } from '../../../shared/tiles/tileTemplate';
import {
  ServiceProblem,
  chooseLayer,
  choiceTemplates,
  fetchCapabilities,
  offeredLayers,
  type OfferedLayer,
} from '../../map/tiles/wmtsCapabilities';
import { useLang } from '../hooks/useLang';

export interface WmtsPick {
  layer: string;
  title: string;
  matrixSet: string;
  format: string;
  style: string;
  tileTemplates: string[];
}

interface Props {
  url: string;
  setUrl(url: string): void;
  keyValue: string;
  onPick(pick: WmtsPick | null): void;
  allowOrigins(origins: string[]): Promise<boolean>;
}

/** The capabilities URL of a county 一张图 WMTS service, read to list its layers and matrix sets. */
export function WmtsLayerPicker({ url, setUrl, keyValue, onPick, allowOrigins }: Props) {
  const { lang } = useLang();
  const id = useId();
  const z = (text: Bilingual) => text[lang];
  const [caps, setCaps] = useState<unknown>(null);
  const [layers, setLayers] = useState<OfferedLayer[]>([]);
  const [layer, setLayer] = useState('');
  const [problem, setProblem] = useState<Bilingual | null>(null);

  const choose = (capabilities: unknown, layerId: string, matrixSet: string) => {
    const offered = offeredLayers(capabilities).find((l) => l.id === layerId);
    if (!offered) return onPick(null);
    try {
      const choice = chooseLayer(capabilities, layerId, matrixSet);
      onPick({
        layer: layerId,
        title: offered.title,
        matrixSet: choice.matrixSet,
        format: choice.format,
        style: choice.style,
        tileTemplates: choiceTemplates(choice, layerId),
      });
      setProblem(null);
    } catch (error) {
      onPick(null);
      setProblem(error instanceof ServiceProblem ? error.reason : { zh: String(error), en: String(error) });
    }
  };

  const read = async () => {
    setProblem(null);
    const check = checkTileTemplate(url, { requireTiles: false });
    if (!check.ok) return setProblem(check.problem.cause);
    const key = keyValue.trim() || check.value.pastedKey || '';
    if (!(await allowOrigins(check.value.origins))) return;
    try {
      const capabilities = await fetchCapabilities(
        check.value.template.replace(/\{key\}/g, encodeURIComponent(key)),
      );
      const offered = offeredLayers(capabilities);
      setCaps(capabilities);
      setLayers(offered);
      const first = offered[0];
      setLayer(first?.id ?? '');
      if (first) choose(capabilities, first.id, first.matrixSets[0] ?? '');
    } catch (error) {
      setProblem(error instanceof ServiceProblem ? error.reason : { zh: String(error), en: String(error) });
    }
  };

  const current = layers.find((l) => l.id === layer);
  return (
    <>
      <label htmlFor={`${id}-caps`}>
        {z({ zh: '能力文档地址（GetCapabilities）', en: 'Capabilities URL (GetCapabilities)' })}
      </label>
      <input
        id={`${id}-caps`}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        spellCheck={false}
        placeholder="https://…/WMTSCapabilities.xml"
      />
      <button type="button" onClick={() => void read()}>
        {z({ zh: '读取图层', en: 'Read layers' })}
      </button>
      {problem && (
        <p role="alert" className="error">
          {z(problem)}
        </p>
      )}
      {layers.length > 0 && (
        <>
          <label htmlFor={`${id}-layer`}>{z({ zh: '图层', en: 'Layer' })}</label>
          <select
            id={`${id}-layer`}
            value={layer}
            onChange={(e) => {
              setLayer(e.target.value);
              const next = layers.find((l) => l.id === e.target.value);
              choose(caps, e.target.value, next?.matrixSets[0] ?? '');
            }}
          >
            {layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-matrix`}>{z({ zh: '矩阵集', en: 'Matrix set' })}</label>
          <select id={`${id}-matrix`} onChange={(e) => choose(caps, layer, e.target.value)}>
            {current?.matrixSets.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  );
}
