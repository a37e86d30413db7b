import { setAttributeTableOpen, useAttributeTableOpen } from './attributeTableOpen';
import { tableText } from './attributeTableText';
import { Icon } from './Icon';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';

/** Toolbar toggle of the 属性表 / Attribute table dock (reading, so offered in a review copy too). */
export function AttributeTableButton() {
  const { lang } = useLang();
  const open = useAttributeTableOpen();
  const projectId = useEditorState((s) => s.projectId);
  return (
    <button
      type="button"
      aria-label={tableText('open', lang)}
      title={tableText('open', lang)}
      aria-pressed={open}
      onClick={() => setAttributeTableOpen(!open)}
      disabled={!projectId}
    >
      <Icon name="attributeTable" />
    </button>
  );
}
