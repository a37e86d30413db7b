import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';

const RELOAD = { zh: '重新加载', en: 'Reload' };

/**
 * Shown when this window's database connection closed because a newer version of the workbench
 * upgraded the database in another window (renderer/storage/connection.ts). Reloading opens the
 * upgraded database; everything saved is there. Until then the window keeps what it shows.
 */
export function ReloadBanner() {
  const { lang } = useLang();
  const prompt = useEditorState((s) => s.reloadPrompt);
  if (!prompt) return null;
  return (
    <div className="banner review" role="alert" data-testid="reload-banner">
      <span>{prompt[lang]}</span>
      <button type="button" onClick={() => location.reload()}>
        {RELOAD[lang]}
      </button>
    </div>
  );
}
