import type { Lang } from '../../shared/domain/labels';
import type { TableData } from '../../shared/formats/tableExport';
import { COLUMNS, type TableRow } from './attributeTableColumns';

/** The shown rows as a table to copy or export: the shown labels, numbers kept as numbers. */
export function viewTable(view: readonly TableRow[], lang: Lang, name: string): TableData {
  return {
    name,
    header: COLUMNS.map((c) => c.label[lang]),
    rows: view.map((row) => COLUMNS.map((c) => (c.numeric ? c.value(row) : c.text(row, lang)))),
    widths: COLUMNS.map((c) => Math.max(8, Math.round(c.width / 7))),
    numberFormats: COLUMNS.map((c) => (c.id === 'areaM2' ? '0.00' : null)),
  };
}

/**
 * Put text on the clipboard. A copy command inside the user's click needs no permission (the
 * desktop app grants none); the asynchronous Clipboard API is the fallback.
 */
export async function copyText(text: string): Promise<void> {
  let done = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!done) await navigator.clipboard.writeText(text);
}
