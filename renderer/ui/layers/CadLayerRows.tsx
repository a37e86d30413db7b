import type { Background } from '../../../shared/domain/backgrounds';
import { cadRgb, cssOf } from '../../../shared/formats/dxf/cadPack';
import { useLang } from '../hooks/useLang';
import { useWorkbench } from '../hooks/useWorkbench';

/**
 * A CAD drawing's layers under its row: a colour swatch (the layer's ACI as the map draws it)
 * and a checkbox each. Switching one stores the background record (`source.cadLayers`), and the
 * map shows the sheet again without that layer's lines and text (the sheet is not read again).
 */
export function CadLayerRows({ background }: { background: Background | undefined }) {
  const { workbench } = useWorkbench();
  const { lang } = useLang();
  const source = background?.source;
  if (!background || source?.kind !== 'cad' || !source.cadLayers?.length) return null;
  const layers = source.cadLayers;
  const toggle = (name: string, visible: boolean) =>
    void workbench.store.backgrounds
      .update({
        ...background,
        source: { ...source, cadLayers: layers.map((l) => (l.name === name ? { ...l, visible } : l)) },
      })
      .catch((error: unknown) => workbench.reportError(error));
  const title = lang === 'zh' ? `CAD 图层（${layers.length}）` : `CAD layers (${layers.length})`;
  return (
    <details className="cad-layers">
      <summary>{title}</summary>
      <ul aria-label={`${title} ${background.name}`}>
        {layers.map((l) => (
          <li key={l.name}>
            <label>
              <input
                type="checkbox"
                checked={l.visible}
                aria-label={lang === 'zh' ? `显示 CAD 图层 ${l.name}` : `Show CAD layer ${l.name}`}
                onChange={(e) => toggle(l.name, e.target.checked)}
              />
              <span
                className="cad-swatch"
                aria-hidden="true"
                style={{ background: cssOf(cadRgb(l.aci ?? 7)) }}
              />
              {l.name}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
