import type { Lang } from '../../../shared/domain/labels';
import { text, type UiKey } from '../i18n';
import { useEditorState } from './useEditorState';

/** The UI language and a translator for UI keys. */
export function useLang(): { lang: Lang; t: (key: UiKey) => string } {
  const lang = useEditorState((s) => s.lang);
  return { lang, t: (key) => text(key, lang) };
}
