import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { useLang } from '../hooks/useLang';
import { useModalDialog } from '../hooks/useModalDialog';

/**
 * "Add a Cloud-Optimized GeoTIFF by URL": the web-mode way to an orthophoto on a server (the
 * county's DOM on an intranet file server, a COG on object storage). The file is read by HTTP
 * Range, never downloaded whole; the server's origin must be allowed in the page's policy.
 */
const TEXT = {
  title: { zh: '按网址添加云优化 GeoTIFF（COG）', en: 'Add a Cloud-Optimized GeoTIFF (COG) by URL' },
  url: { zh: 'COG 网址', en: 'COG URL' },
  hint: {
    zh: '服务器须支持按范围读取（HTTP Range）；网址的来源须在本机允许的来源中（见 docs/backgrounds.md）。',
    en: 'The server must answer range requests (HTTP Range); its origin must be among the allowed origins (see docs/backgrounds.md).',
  },
  add: { zh: '添加', en: 'Add' },
  cancel: { zh: '取消', en: 'Cancel' },
  badUrl: {
    zh: '请输入 http:// 或 https:// 开头的网址',
    en: 'Enter a URL starting with http:// or https://',
  },
} satisfies Record<string, Bilingual>;

export function AddCogUrlDialog({
  open,
  onClose,
  onAdd,
}: {
  open: boolean;
  onClose(): void;
  /** Reads the header and stores the background; a refusal comes back as the message to show. */
  onAdd(url: string): Promise<Bilingual | null>;
}) {
  const { lang } = useLang();
  const dialog = useModalDialog(open);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = URL.canParse(url.trim()) ? new URL(url.trim()) : null;
    if (!parsed || !/^https?:$/.test(parsed.protocol)) return setError(TEXT.badUrl);
    setBusy(true);
    try {
      const refused = await onAdd(parsed.href);
      setError(refused);
      if (!refused) {
        setUrl('');
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="add-cog-url-title">
      <form method="dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="add-cog-url-title">{TEXT.title[lang]}</h2>
        <label htmlFor="add-cog-url">{TEXT.url[lang]}</label>
        <input
          id="add-cog-url"
          type="url"
          value={url}
          placeholder="https://…/dom.tif"
          onChange={(e) => {
            setUrl(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby="add-cog-url-hint"
        />
        <p id="add-cog-url-hint" className="muted">
          {TEXT.hint[lang]}
        </p>
        {error && <p role="alert">{error[lang]}</p>}
        <div className="dialog-buttons">
          <button type="submit" disabled={busy}>
            {TEXT.add[lang]}
          </button>
          <button type="button" onClick={onClose}>
            {TEXT.cancel[lang]}
          </button>
        </div>
      </form>
    </dialog>
  );
}
