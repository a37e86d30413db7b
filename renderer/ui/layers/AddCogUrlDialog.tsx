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
  reading: { zh: '正在读取文件头…（取消可停止）', en: 'Reading the header… (Cancel stops it)' },
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
  /**
   * Reads the header and stores the background; a refusal comes back as the message to show.
   * `signal` aborts the read (Cancel while reading): nothing is added.
   */
  onAdd(url: string, signal: AbortSignal): Promise<Bilingual | null>;
}) {
  const { lang } = useLang();
  const dialog = useModalDialog(open);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [reading, setReading] = useState<AbortController | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = URL.canParse(url.trim()) ? new URL(url.trim()) : null;
    if (!parsed || !/^https?:$/.test(parsed.protocol)) return setError(TEXT.badUrl);
    const controller = new AbortController();
    setReading(controller);
    try {
      const refused = await onAdd(parsed.href, controller.signal);
      if (controller.signal.aborted) return;
      setError(refused);
      if (!refused) {
        setUrl('');
        onClose();
      }
    } finally {
      setReading(null);
    }
  };
  // Cancel (or Escape) also stops a header read in progress.
  const close = () => {
    reading?.abort();
    onClose();
  };

  return (
    <dialog ref={dialog} onClose={close} aria-labelledby="add-cog-url-title">
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
        {reading && <p role="status">{TEXT.reading[lang]}</p>}
        <div className="dialog-buttons">
          <button type="submit" disabled={reading !== null}>
            {TEXT.add[lang]}
          </button>
          <button type="button" onClick={close}>
            {TEXT.cancel[lang]}
          </button>
        </div>
      </form>
    </dialog>
  );
}
